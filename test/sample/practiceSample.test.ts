// The sample practice: reproducible, readable by our own schemas with no issue at all, and with
// books that follow the money rules (a line never goes below zero, remittances balance, deposits
// tie out to their postings, patient money never exceeds what was moved to the patient).
import { describe, expect, it } from "vitest";
import { isValidNpi } from "../../src/codes/npi";
import { addDays } from "../../src/dates";
import { samplePractice } from "../../src/sample/practiceSample";
import { SURNAME_ENDS, SURNAME_STARTS } from "../../src/sample/names";
import { parseTable } from "../../src/workbook/mapTable";
import { createTableOp, type WritePlan } from "../../src/workbook/plan";
import type { CreateTableOp } from "../../src/workbook/port";
import {
  BILLING_TABLES,
  Charges,
  FeeSchedule,
  Patients,
  Payers,
  Payments,
  Postings,
  Practice,
  Providers,
  Statements,
  type TableDef,
} from "../../src/workbook/tables";

const AS_OF = "2026-06-30";

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
const LINES = 3000;
const plan = samplePractice({ lines: LINES, seed: 42, asOf: AS_OF });

function op(p: WritePlan, table: string): CreateTableOp {
  const found = p.ops.find((o) => o.kind === "createTable" && o.table === table);
  if (!found || found.kind !== "createTable") throw new Error(`no ${table} in the plan`);
  return found;
}

function read<D extends TableDef>(p: WritePlan, def: D) {
  const o = op(p, def.name);
  return parseTable(def, { name: o.table, sheet: o.sheet, headers: o.headers, rowCount: o.rows!.length, headerRow: 1, rows: o.rows! });
}

const charges = read(plan, Charges).rows;
const postings = read(plan, Postings).rows;
const payments = read(plan, Payments).rows;
const patients = read(plan, Patients).rows;
const payers = read(plan, Payers).rows;

describe("samplePractice", () => {
  it("gives the same plan for the same arguments and another one for another seed", () => {
    const again = samplePractice({ lines: LINES, seed: 42, asOf: AS_OF });
    expect(again).toEqual(plan);
    const other = samplePractice({ lines: LINES, seed: 43, asOf: AS_OF });
    expect(op(other, "Charges").rows).not.toEqual(op(plan, "Charges").rows);
    expect(op(other, "Patients").rows).not.toEqual(op(plan, "Patients").rows);
  });

  it("does not depend on the clock: the default as-of date is a fixed one", () => {
    expect(samplePractice({ lines: 50, seed: 5 })).toEqual(samplePractice({ lines: 50, seed: 5 }));
  });

  it("creates every billing table with Setup's headers and formats, and no Audit row", () => {
    expect(plan.ops.map((o) => (o.kind === "createTable" ? o.table : o.kind))).toEqual(BILLING_TABLES.map((d) => d.name));
    for (const def of BILLING_TABLES) {
      const { rows: _rows, ...shape } = op(plan, def.name);
      const { rows: _none, ...setup } = createTableOp(def);
      expect(shape).toEqual(setup);
    }
    expect(op(plan, "Audit").rows).toEqual([]);
    expect(plan.action).toBe("Sample");
  });

  it("writes tables that our own schemas read with zero issues", () => {
    for (const def of BILLING_TABLES) {
      const parsed = read(plan, def);
      expect(parsed.issues, def.name).toEqual([]);
      expect(parsed.rows.length, def.name).toBe(op(plan, def.name).rows!.length);
      // Audit, FollowUp, ClaimStatus, PaymentPlans, Refunds and PeriodClose start empty, and the sample's remittances carry no provider-level (PLB) items.
      const startsEmpty = ["Audit", "ProviderAdjustments", "FollowUp", "ClaimStatus", "PaymentPlans", "Refunds", "PeriodClose"];
      if (!startsEmpty.includes(def.name)) expect(parsed.rows.length, def.name).toBeGreaterThan(0);
    }
  });

  it.each([1, 7, 250])("makes exactly the lines asked for (%i), in claims of 1 to 4 lines", (lines) => {
    const small = samplePractice({ lines, seed: 9, asOf: AS_OF });
    expect(read(small, Charges).rows).toHaveLength(lines);
    expect(read(small, Charges).issues).toEqual([]);
  });

  it("groups lines into claims of 1 to 4 lines sharing patient, payer, provider and date", () => {
    expect(charges).toHaveLength(LINES);
    const claims = groupBy(charges, (c) => c.claimId);
    for (const lines of claims.values()) {
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(4);
      for (const key of ["patientId", "payerId", "providerNpi", "dos", "pos", "billedDate", "dx1"] as const) {
        expect(new Set(lines.map((l) => l[key])).size, key).toBe(1);
      }
    }
    expect(new Set(charges.map((c) => c.chargeId)).size).toBe(LINES);
  });

  it("spreads charges over the 12 months before the as-of date and bills them a few days later", () => {
    const earliest = addDays(AS_OF, -365);
    const months = new Set<string>();
    for (const c of charges) {
      expect(c.dos! > earliest && c.dos! <= AS_OF, c.dos).toBe(true);
      months.add(c.dos!.slice(0, 7));
      if (c.billedDate) {
        expect(c.billedDate >= c.dos! && c.billedDate <= AS_OF).toBe(true);
        if (c.payerId !== "SELF") expect(c.billedDate <= addDays(c.dos!, 5)).toBe(true);
      }
    }
    expect(months.size).toBeGreaterThanOrEqual(12);
    // The last visits are not billed yet; almost all older ones are.
    const recent = charges.filter((c) => c.dos! > addDays(AS_OF, -1) && c.payerId !== "SELF");
    expect(recent.every((c) => c.billedDate === undefined)).toBe(true);
    const older = charges.filter((c) => c.dos! < addDays(AS_OF, -30));
    expect(older.filter((c) => c.billedDate === undefined).length / older.length).toBeLessThan(0.02);
  });

  it("gives every provider and the practice a valid NPI, and charges only name those providers", () => {
    const providers = read(plan, Providers).rows;
    expect(providers.length).toBeGreaterThanOrEqual(3);
    for (const p of providers) expect(isValidNpi(p.npi), p.npi).toBe(true);
    const npis = new Set(providers.map((p) => p.npi));
    for (const c of charges) expect(npis.has(c.providerNpi!)).toBe(true);
    const settings = new Map(read(plan, Practice).rows.map((r) => [r.setting, r.value]));
    expect(isValidNpi(settings.get("Billing NPI"))).toBe(true);
    expect(settings.get("Tax ID")).toMatch(/^(?!00|0[7-9]|1[7-9]|2[89]|49|69|70|7[89]|89|9[67])\d{2}-\d{7}$/);
    expect(settings.get("ZIP")).toMatch(/^\d{5}-\d{4}$/);
    expect(settings.get("Taxonomy")).toBe("207Q00000X");
    for (const key of ["Practice Name", "Address", "Phone", "Statement Message", "Statement Due Days", "Aging Buckets"])
      expect(settings.get(key), key).toBeTruthy();
  });

  it("has the payers a practice has, with their timely-filing limits", () => {
    const byType = groupBy(payers, (p) => p.type);
    expect(byType.get("Medicare")?.[0].timelyFilingDays).toBe(365);
    expect(byType.get("Medicaid")).toHaveLength(1);
    expect(byType.get("Self-pay")).toHaveLength(1);
    expect(byType.get("Other")).toHaveLength(1);
    const commercial = byType.get("Commercial") ?? [];
    expect(commercial.length).toBeGreaterThanOrEqual(2);
    for (const p of commercial) expect(p.timelyFilingDays).toBeGreaterThanOrEqual(90);
    for (const p of commercial) expect(p.timelyFilingDays).toBeLessThanOrEqual(180);
    const ids = new Set(payers.map((p) => p.payerId));
    for (const c of charges) expect(ids.has(c.payerId!)).toBe(true);
  });

  it("uses made-up people only", () => {
    const surnames = new Set(SURNAME_STARTS.flatMap((s) => SURNAME_ENDS.map((e) => s + e)));
    for (const p of patients) {
      expect(surnames.has(p.lastName!), p.lastName).toBe(true);
      expect(p.phone).toMatch(/^\d{3}-555-01\d{2}$/);
      expect(p.dob! < addDays(AS_OF, -366)).toBe(true);
    }
    expect(patients.some((p) => p.secondaryPayerId)).toBe(true);
    expect(patients.some((p) => p.accountStatus === "Hold")).toBe(true);
    expect(patients.some((p) => p.accountStatus === "Collections")).toBe(true);
    expect(patients.some((p) => /^\d{5}-\d{4}$/.test(p.zip ?? ""))).toBe(true);
    const ids = new Set(patients.map((p) => p.patientId));
    for (const c of charges) expect(ids.has(c.patientId!)).toBe(true);
  });

  it("charges the fee schedule's fee times the units, with the modifiers and diagnoses a biller expects", () => {
    const fees = new Map(read(plan, FeeSchedule).rows.map((f) => [f.code, f]));
    expect(fees.size).toBeGreaterThanOrEqual(25);
    for (const f of fees.values()) expect(f.allowed!).toBeLessThan(f.fee!);
    for (const c of charges) {
      const fee = fees.get(c.code!);
      expect(fee, c.code).toBeDefined();
      expect(c.amount).toBe(fee!.fee! * c.units!);
      for (const dx of [c.dx1, c.dx2, c.dx3, c.dx4]) if (dx) expect(dx).toMatch(/^[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}$|^[A-Z]\d[0-9A-Z]$/);
    }
    const mods = new Set(charges.flatMap((c) => [c.mod1, c.mod2].filter(Boolean)));
    for (const m of ["25", "59", "95", "GT"]) expect(mods.has(m), m).toBe(true);
    const pos = new Set(charges.map((c) => c.pos));
    for (const p of ["11", "02", "10"]) expect(pos.has(p), p).toBe(true);
    // Telehealth lines carry a telehealth modifier; office lines never do.
    for (const c of charges) expect(["02", "10"].includes(c.pos!)).toBe(c.mod1 === "95" || c.mod1 === "GT");
  });

  it("writes money as dollars exactly derived from cents, and dates as whole serials", () => {
    for (const def of [Charges, Payments, Postings, Statements, FeeSchedule]) {
      const o = op(plan, def.name);
      const fields = Object.values(def.fields as Record<string, { header: string; kind?: string }>);
      for (const [i, h] of o.headers.entries()) {
        const kind = fields.find((f) => f.header === h)?.kind;
        if (!kind) continue;
        for (const row of o.rows!) {
          const v = row[i];
          if (v === null) continue;
          expect(typeof v).toBe("number");
          if (kind === "money") expect(Math.round((v as number) * 100) / 100).toBe(v);
          else expect(Number.isInteger(v)).toBe(true);
        }
      }
    }
  });

  describe("money", () => {
    const chargeById = new Map(charges.map((c) => [c.chargeId!, c]));
    const paymentById = new Map(payments.map((p) => [p.paymentId!, p]));
    const byCharge = groupBy(postings, (p) => p.chargeId!);
    const isDenial = (p: (typeof postings)[number]) => p.paid === 0 && p.adjustment === 0 && p.group === "CO";

    it("posts only to known lines and payments, on or after the visit and not after the as-of date", () => {
      for (const p of postings) {
        const charge = chargeById.get(p.chargeId!);
        expect(charge, p.chargeId).toBeDefined();
        if (p.paymentId) expect(paymentById.has(p.paymentId), p.paymentId).toBe(true);
        expect(p.date! >= charge!.dos! && p.date! <= AS_OF).toBe(true);
      }
      for (const p of payments) expect(Boolean(p.payerId) !== Boolean(p.patientId)).toBe(true);
    });

    it("never takes a line below zero: paid + adjustments (not PR) <= amount", () => {
      for (const [id, rows] of byCharge) {
        const taken = rows.reduce((s, p) => s + (p.paid ?? 0) + (p.group === "PR" ? 0 : (p.adjustment ?? 0)), 0);
        expect(taken, id).toBeLessThanOrEqual(chargeById.get(id)!.amount!);
        expect(taken, id).toBeGreaterThanOrEqual(0);
      }
    });

    it("balances every primary remittance line: paid + contractual + patient responsibility = charge", () => {
      let checked = 0;
      for (const [id, rows] of byCharge) {
        const charge = chargeById.get(id)!;
        const fromPrimary = groupBy(
          rows.filter((p) => p.paymentId && paymentById.get(p.paymentId)!.payerId === charge.payerId && !isDenial(p) && p.group !== "WO"),
          (p) => p.paymentId!,
        );
        for (const remit of fromPrimary.values()) {
          const total = remit.reduce((s, p) => s + (p.paid ?? 0) + (p.adjustment ?? 0) + (p.patientResp ?? 0), 0);
          expect(total, id).toBe(charge.amount);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(LINES / 3);
    });

    it("keeps patient money and secondary payments within what was moved to the patient", () => {
      for (const [id, rows] of byCharge) {
        const charge = chargeById.get(id)!;
        const pr = rows.reduce((s, p) => s + (p.patientResp ?? 0), 0);
        const patientPaid = rows
          .filter((p) => p.paymentId && paymentById.get(p.paymentId)!.patientId)
          .reduce((s, p) => s + (p.paid ?? 0), 0);
        const secondaryPaid = rows
          .filter((p) => p.paymentId && paymentById.get(p.paymentId)!.payerId && paymentById.get(p.paymentId)!.payerId !== charge.payerId)
          .reduce((s, p) => s + (p.paid ?? 0), 0);
        if (charge.payerId === "SELF") {
          expect(pr).toBe(0);
          continue;
        }
        expect(secondaryPaid + (pr > 0 ? patientPaid : 0), id).toBeLessThanOrEqual(pr);
        for (const p of rows) if (p.group === "PR") expect(["1", "2", "3"]).toContain(p.reason);
        // Money is taken from a patient on an insured line only against PR, or as the copay at the visit.
        if (pr === 0)
          expect(rows.filter((p) => p.paymentId && paymentById.get(p.paymentId)!.patientId).every((p) => p.note === "Copay at visit")).toBe(
            true,
          );
      }
    });

    it("ties every payment out to the postings made from it", () => {
      const posted = new Map<string, number>();
      for (const p of postings) if (p.paymentId) posted.set(p.paymentId, (posted.get(p.paymentId) ?? 0) + (p.paid ?? 0));
      for (const p of payments) expect(posted.get(p.paymentId!) ?? 0, p.paymentId).toBe(p.amount);
    });

    it("has contractual adjustments, patient responsibility, denials, write-offs and payments of every kind", () => {
      const co45 = postings.filter((p) => p.group === "CO" && p.reason === "45");
      expect(co45.length).toBeGreaterThan(LINES / 3);
      for (const r of ["1", "2", "3"])
        expect(
          postings.some((p) => p.group === "PR" && p.reason === r),
          `PR-${r}`,
        ).toBe(true);
      const denials = postings.filter(isDenial);
      expect(denials.length).toBeGreaterThan(0);
      expect(new Set(denials.map((d) => d.reason)).size).toBeGreaterThanOrEqual(3);
      expect(denials.every((d) => d.reason !== "45")).toBe(true);
      expect(postings.some((p) => p.group === "WO")).toBe(true);
      const methods = new Set(payments.map((p) => p.method));
      for (const m of ["EFT", "Check", "Card", "Cash"] as const) expect(methods.has(m), m).toBe(true);
      expect(payments.filter((p) => p.payerId).every((p) => /^\d{6,10}$/.test(p.reference ?? ""))).toBe(true);
    });

    it("leaves old claims mostly settled and recent ones open", () => {
      const insuredLines = charges.filter((c) => c.payerId !== "SELF" && c.payerId !== "ATTY");
      const touched = (c: (typeof charges)[number]) =>
        (byCharge.get(c.chargeId!) ?? []).some((p) => p.paymentId && paymentById.get(p.paymentId)!.payerId === c.payerId);
      const old = insuredLines.filter((c) => c.dos! < addDays(AS_OF, -120));
      expect(old.filter(touched).length / old.length).toBeGreaterThan(0.95);
      const recent = insuredLines.filter((c) => c.dos! > addDays(AS_OF, -10));
      expect(recent.length).toBeGreaterThan(0);
      expect(recent.filter(touched)).toEqual([]);
    });

    it("issues statements for what patients owe", () => {
      const statements = read(plan, Statements).rows;
      expect(statements.length).toBeGreaterThan(0);
      const ids = new Set(patients.map((p) => p.patientId));
      for (const s of statements) {
        expect(ids.has(s.account!)).toBe(true);
        expect(s.amountDue!).toBeGreaterThan(0);
        expect(s.date! <= AS_OF && s.periodEnd! < s.date!).toBe(true);
      }
    });

    it("states what the postings say the patient owed on the statement date", () => {
      // Patient share of a line = what insurance moved to the patient (PR), capped by the line's
      // balance; self-pay lines are the patient's whole balance. Accounts with a secondary payer are
      // left out: their PR goes to the secondary plan, not to a statement.
      const byPatient = groupBy(charges, (c) => c.patientId!);
      const withSecondary = new Set(patients.filter((p) => p.secondaryPayerId).map((p) => p.patientId));
      const statements = read(plan, Statements).rows.filter((s) => !withSecondary.has(s.account));
      expect(statements.length).toBeGreaterThan(20);
      for (const s of statements) {
        let owed = 0;
        for (const c of byPatient.get(s.account!) ?? []) {
          if (c.dos! > s.date!) continue;
          const rows = (byCharge.get(c.chargeId!) ?? []).filter((p) => p.date! <= s.date!);
          const balance = c.amount! - rows.reduce((t, p) => t + (p.paid ?? 0) + (p.group === "PR" ? 0 : (p.adjustment ?? 0)), 0);
          const pr = rows.reduce((t, p) => t + (p.patientResp ?? 0), 0);
          owed += c.payerId === "SELF" ? balance : Math.min(balance, pr);
        }
        expect(s.amountDue, `${s.number} for ${s.account}`).toBe(owed);
      }
    });
  });

  it("refuses options it cannot honour", () => {
    expect(() => samplePractice({ lines: 0 })).toThrow(RangeError);
    expect(() => samplePractice({ lines: 2.5 })).toThrow(RangeError);
    expect(() => samplePractice({ lines: 10, asOf: "2026-02-30" })).toThrow(RangeError);
  });
});
