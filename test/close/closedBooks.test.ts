// What is closed (the last PeriodClose row wins), the refusal every write goes through (applyPlan on a
// memory workbook: a row dated on or before the closed-through date refuses the whole plan, nothing
// written and no Audit row; after it, the plan goes through; in the 1904 date system too), and the
// close and reopen plans: their refusals in words, their PeriodClose rows, sheet and Audit rows.
import { describe, expect, it } from "vitest";
import { closedBooks, closedPeriodRefusal } from "../../src/close/closedBooks";
import { closePeriodPlan, defaultFrom, defaultThrough, reopenPlan } from "../../src/close/closePlan";
import type { DateSystem } from "../../src/dates";
import { buildLedger } from "../../src/ledger/ledger";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { appendOrCreateRows, applyPlan, type WritePlan } from "../../src/workbook/plan";
import { PlanRejected, type RawTable } from "../../src/workbook/port";
import { Audit, Payments, PeriodClose, Postings, type PeriodCloseRow } from "../../src/workbook/tables";
import { FIXTURE_PAYERS, tableOf } from "../ledger/ledgerFixtures";
import { NOVEMBER } from "./closeFixtures";

function raw(rows: PeriodCloseRow[], dateSystem: DateSystem = 1900): RawTable {
  const t = tableOf(PeriodClose, rows, dateSystem);
  return { ...t, sheet: t.name, headerRow: 1, rowCount: t.rows.length };
}

function closedWorkbook(rows: PeriodCloseRow[], dateSystem: DateSystem = 1900): MemoryWorkbook {
  return MemoryWorkbook.withTables(
    [
      tableOf(Payments, [], dateSystem),
      tableOf(Postings, [], dateSystem),
      tableOf(PeriodClose, rows, dateSystem),
      tableOf(Audit, [], dateSystem),
    ],
    dateSystem,
  );
}

const CLOSED_NOV: PeriodCloseRow[] = [
  { date: "2026-11-03", action: "Closed", closedThrough: "2026-10-31" },
  { date: "2026-12-02", action: "Closed", closedThrough: "2026-11-30" },
];

async function paymentPlan(workbook: MemoryWorkbook, date: string, amount = 5000): Promise<WritePlan> {
  const { Payments: table } = await workbook.readTables(["Payments"]);
  const op = appendOrCreateRows(Payments, table, [{ paymentId: "PM9", date, payerId: "MCR", amount }], workbook.dateSystem);
  if (!op.ok) throw new Error(op.problem);
  return { action: "Post payment", what: "1 payment", ops: [op.op] };
}

describe("what is closed", () => {
  it("is nothing without the table or a row", () => {
    expect(closedBooks(undefined, 1900)).toEqual({ ok: true });
    expect(closedBooks(raw([]), 1900)).toEqual({ ok: true });
  });

  it("is the last row's Closed Through: a later close, or a reopening to an earlier date or to nothing", () => {
    expect(closedBooks(raw(CLOSED_NOV), 1900)).toMatchObject({ ok: true, closedThrough: "2026-11-30" });
    const reopened = [...CLOSED_NOV, { date: "2026-12-04", action: "Reopened" as const, closedThrough: "2026-10-31", reason: "late EOB" }];
    expect(closedBooks(raw(reopened), 1900)).toMatchObject({ ok: true, closedThrough: "2026-10-31" });
    const none = [...CLOSED_NOV, { date: "2026-12-04", action: "Reopened" as const, reason: "audit" }];
    expect(closedBooks(raw(none), 1900)).toEqual({ ok: true, last: none[2] });
  });

  it("refuses when the last row does not read, naming its row and column", () => {
    const table = raw(CLOSED_NOV);
    table.rows[1][table.headers.indexOf("Closed Through")] = "11/31/2026";
    const closed = closedBooks(table, 1900);
    expect(closed.ok).toBe(false);
    expect(!closed.ok && closed.problem).toMatch(
      /^PeriodClose row 3, Closed Through: .*not a real calendar date.*fix it, then try again\. Nothing was written\.$/,
    );
  });
});

describe("applyPlan refuses money dated in a closed period", () => {
  it("refuses a payment dated 2026-11-15 when the books are closed through 2026-11-30: nothing written, no Audit row", async () => {
    const workbook = closedWorkbook(CLOSED_NOV);
    const before = structuredClone(workbook.sheets);
    const plan = await paymentPlan(workbook, "2026-11-15");
    const refused = applyPlan(workbook, plan);
    await expect(refused).rejects.toThrow(PlanRejected);
    await expect(refused).rejects.toThrow(
      "The books are closed through 2026-11-30: this would record a payment dated 2026-11-15. " +
        "Date it after 2026-11-30, or reopen November 2026 in Month-end close (with a reason). Nothing was written.",
    );
    expect(workbook.sheets).toEqual(before);
  });

  it("refuses the closing date itself, and lets the day after it through with its Audit row", async () => {
    const workbook = closedWorkbook(CLOSED_NOV);
    await expect(applyPlan(workbook, await paymentPlan(workbook, "2026-11-30"))).rejects.toThrow(/closed through 2026-11-30/);
    await applyPlan(workbook, await paymentPlan(workbook, "2026-12-01"));
    const { Payments: payments, Audit: audit } = await workbook.readTables(["Payments", "Audit"]);
    expect(payments?.rows).toHaveLength(1);
    expect(audit?.rows).toHaveLength(1);
  });

  it("lets everything through once the books are reopened to nothing", async () => {
    const workbook = closedWorkbook([...CLOSED_NOV, { date: "2026-12-04", action: "Reopened", reason: "audit" }]);
    await applyPlan(workbook, await paymentPlan(workbook, "2026-11-15"));
    expect((await workbook.readTables(["Payments"])).Payments?.rows).toHaveLength(1);
  });

  it("reads dates in the workbook's 1904 date system", async () => {
    const workbook = closedWorkbook(CLOSED_NOV, 1904);
    await expect(applyPlan(workbook, await paymentPlan(workbook, "2026-11-29"))).rejects.toThrow(/payment dated 2026-11-29/);
    await applyPlan(workbook, await paymentPlan(workbook, "2026-12-01"));
  });

  it("names postings, refunds and the earliest date, and counts the rest", () => {
    const headers = (name: string) => tableOf(name === "Postings" ? Postings : Payments, [], 1900).headers;
    const postings = tableOf(
      Postings,
      [
        { postingId: "PS1", chargeId: "C1", date: "2026-11-20", paid: 100 },
        { postingId: "PS2", chargeId: "C1", date: "2026-10-02", paid: 100 },
      ],
      1900,
    );
    const rows = postings.rows.map((r) => Object.fromEntries(postings.headers.map((h, i) => [h, r[i]])));
    const refusal = closedPeriodRefusal([{ kind: "appendRows", table: "Postings", rows }], headers, "2026-11-30", 1900);
    expect(refusal).toMatch(
      /^The books are closed through 2026-11-30: this would record a posting dated 2026-10-02 \(and 1 more row dated on or before 2026-11-30\)\. .*reopen October 2026/,
    );
    const refund = tableOf(Payments, [{ paymentId: "RF1", date: "2026-11-02", amount: -500, reference: "REFUND PM1" }], 1900);
    const created = { kind: "createTable" as const, table: "Payments", sheet: "Payments", headers: refund.headers, rows: refund.rows };
    expect(closedPeriodRefusal([created], headers, "2026-11-30", 1900)).toMatch(/would record a refund dated 2026-11-02\./);
  });

  it("does not read PeriodClose for a plan that adds no money rows", async () => {
    const workbook = closedWorkbook(CLOSED_NOV);
    const reads: string[][] = [];
    const readTables = workbook.readTables.bind(workbook);
    workbook.readTables = (names) => (reads.push(names), readTables(names));
    await applyPlan(workbook, { action: "Report", what: "a sheet", ops: [{ kind: "reportSheet", sheet: "R", cells: [["x"]] }] });
    expect(reads).toEqual([]);
    await applyPlan(workbook, await paymentPlan(workbook, "2026-12-03")).catch(() => undefined);
    expect(reads.filter((r) => r.includes("PeriodClose"))).toHaveLength(1);
  });
});

describe("closing and reopening", () => {
  const ledger = buildLedger({ ...NOVEMBER, payers: FIXTURE_PAYERS });

  it("defaults to the month before today, from the day after the last close", () => {
    expect(defaultThrough("2026-12-09")).toBe("2026-11-30");
    expect(defaultThrough("2027-01-01")).toBe("2026-12-31");
    expect(defaultFrom(undefined, "2026-11-30")).toBe("2026-11-01");
    expect(defaultFrom("2026-10-31", "2026-11-30")).toBe("2026-11-01");
    expect(defaultFrom("2026-09-30", "2026-11-30")).toBe("2026-10-01");
  });

  it("closes November: a Closed row, the Close 2026-11 sheet and a Close books Audit row", async () => {
    const workbook = closedWorkbook(CLOSED_NOV.slice(0, 1));
    const { PeriodClose: table } = await workbook.readTables(["PeriodClose"]);
    const made = closePeriodPlan(ledger, table, 1900, { from: "2026-11-01", through: "2026-11-30" }, "2026-12-02");
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    await applyPlan(workbook, made.plan);
    const after = await workbook.readTables(["PeriodClose", "Audit"]);
    expect(closedBooks(after.PeriodClose, 1900)).toMatchObject({
      closedThrough: "2026-11-30",
      last: { action: "Closed", date: "2026-12-02" },
    });
    const audit = after.Audit!;
    const row = Object.fromEntries(audit.headers.map((h, i) => [h, audit.rows[0][i]]));
    expect(row.Action).toBe("Close books");
    expect(row.What).toBe("closed the books through 2026-11-30 (2026-11-01 to 2026-11-30), ties to the cent; sheet Close 2026-11");
    expect(row.Totals).toBe("charges $150.00, payments $152.50, adjustments $45.00, refunds $30.00, A/R $30.00 to $15.00");
    expect(await workbook.readSheet("Close 2026-11")).toBeDefined();
  });

  it("refuses a future date, a date already closed, and an earlier one (a reopening)", () => {
    const table = raw(CLOSED_NOV);
    const plan = (through: string, today = "2026-12-15") => closePeriodPlan(ledger, table, 1900, { from: "2026-12-01", through }, today);
    expect(plan("2026-12-31")).toMatchObject({
      ok: false,
      problems: ["2026-12-31 is in the future: the books can be closed only through today (2026-12-15) or earlier."],
    });
    expect(closePeriodPlan(ledger, table, 1900, { from: "2026-11-01", through: "2026-11-30" }, "2026-12-15")).toMatchObject({
      ok: false,
      problems: ["The books are already closed through 2026-11-30."],
    });
    expect(closePeriodPlan(ledger, table, 1900, { from: "2026-10-01", through: "2026-10-31" }, "2026-12-15")).toMatchObject({
      ok: false,
      problems: [
        "The books are closed through 2026-11-30 already: closing through 2026-10-31 would reopen them. Use Reopen, with a reason.",
      ],
    });
    expect(closePeriodPlan(ledger, table, 1900, { from: "2026-12-10", through: "2026-12-01" }, "2026-12-15")).toMatchObject({
      ok: false,
      problems: ["The period starts (2026-12-10) after it ends (2026-12-01)."],
    });
  });

  it("reopens with a reason only, to an earlier date or to nothing, and the Audit row carries the reason", async () => {
    const table = raw(CLOSED_NOV);
    expect(reopenPlan(table, 1900, { reason: "  " }, "2026-12-04")).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^Say why the books are reopened/)],
    });
    expect(reopenPlan(table, 1900, { through: "2026-11-30", reason: "late EOB" }, "2026-12-04")).toMatchObject({
      ok: false,
      problems: ["Reopening leaves the books closed through an earlier date than 2026-11-30: 2026-11-30 is not before it."],
    });
    expect(reopenPlan(raw([]), 1900, { reason: "x" }, "2026-12-04")).toMatchObject({
      ok: false,
      problems: ["The books are not closed: there is nothing to reopen."],
    });

    const workbook = closedWorkbook(CLOSED_NOV);
    const { PeriodClose: periodClose } = await workbook.readTables(["PeriodClose"]);
    const made = reopenPlan(periodClose, 1900, { through: "2026-10-31", reason: "late EOB from Medicare" }, "2026-12-04");
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    await applyPlan(workbook, made.plan);
    const after = await workbook.readTables(["PeriodClose", "Audit"]);
    expect(closedBooks(after.PeriodClose, 1900)).toMatchObject({
      closedThrough: "2026-10-31",
      last: { action: "Reopened", date: "2026-12-04", reason: "late EOB from Medicare" },
    });
    const audit = after.Audit!;
    expect(audit.rows[0][audit.headers.indexOf("Action")]).toBe("Reopen books");
    expect(audit.rows[0][audit.headers.indexOf("What")]).toBe(
      "reopened the books: closed through 2026-10-31 (was closed through 2026-11-30); reason: late EOB from Medicare",
    );
    // November is open again: a payment dated in it goes through.
    await applyPlan(workbook, await paymentPlan(workbook, "2026-11-15"));
  });
});
