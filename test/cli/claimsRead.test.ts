// `medbill claims read FILE.837`, run in-process: on a file the 837P writer makes (two payers), each
// claim's line (transaction, CLM01, payer, lines, total charge), the totals by payer and overall, and
// no patient's name, date of birth or member ID; on a real file from ../shared/data/x12-837 (skipped
// with a message when it is missing, failing instead with MEDBILL_REQUIRE_SHARED_DATA=1) its claims,
// ΣCLM02 and its envelope warnings; a file that is not an 837P exits 1, a missing file 2.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { write837p } from "../../src/claims/837pWriter";
import { formatMoney } from "../../src/money";
import { RENDERING_NPI, sampleClaim, sampleLine, samplePatient, samplePayer } from "../claims/claimFixtures";
import { sharedDataPresent } from "../sharedData";
import { cellsOf, tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-claims-read-");

const medicare = samplePayer({ payerId: "MCR", name: "Medicare Part B", type: "Medicare", x12PayerId: "00123" });
const claims = [
  sampleClaim(),
  sampleClaim({
    claimId: "CLM0002",
    payer: medicare,
    patient: samplePatient({ patientId: "P000002", lastName: "Otherperson", firstName: "Robin", memberId: "1EG4TE5MK73" }),
    lines: [
      sampleLine({ lineId: "C0000010", code: "97110", units: 3, charge: 9_000 }),
      sampleLine({ lineId: "C0000011", code: "J1100", units: 1, charge: 1_275 }),
    ],
  }),
];

describe("medbill claims read on a file the writer makes", () => {
  const written = write837p(claims, {
    sender: { id: "SUBMIT01", name: "Sampleton Family Medicine" },
    receiver: { id: "CLEARHOUSE", name: "Sample Clearinghouse" },
    control: { interchange: 41, group: 41, transaction: 0 },
    now: new Date(2026, 2, 16, 9, 5),
    providers: new Map([[RENDERING_NPI, { lastName: "Rendering", firstName: "Dana" }]]),
  });
  const path = file("claims.837");
  writeFileSync(path, written.text);

  it("prints each claim (CLM01, payer, lines, total charge) and the totals, and exits 0", async () => {
    const t = terminal();
    expect(await t.run("claims", "read", path)).toBe(0);
    expect(t.out[0]).toBe(`837P claims in ${path}: 2 claims in 2 transactions, interchange control number 000000042`);
    const rows = t.out.filter((l) => /CLM\d{4}/.test(l)).map(cellsOf);
    expect(rows.map((r) => r.slice(1))).toEqual(
      claims.map((c) => [
        c.claimId,
        expect.stringContaining(c.payer.x12PayerId ?? c.payer.payerId),
        String(c.lines.length),
        formatMoney(c.total),
      ]),
    );
    const total = claims.reduce((n, c) => n + c.total, 0);
    const lines = claims.reduce((n, c) => n + c.lines.length, 0);
    expect(t.out).toContain(`Totals: 2 claims, ${lines} service lines, ${formatMoney(total)} charged.`);
    expect(t.text()).toContain("By payer:");
    expect(t.err).toEqual([]);
  });

  it("never prints a patient's name, date of birth or member ID", async () => {
    const t = terminal();
    await t.run("claims", "read", path);
    const text = t.text();
    for (const c of claims) {
      for (const secret of [c.patient.lastName, c.patient.firstName, c.patient.memberId, c.patient.dob]) {
        if (secret) expect(text).not.toContain(secret);
      }
    }
  });

  it("refuses a file that is not an 837P (exit 1) and a missing file (exit 2)", async () => {
    const other = file("notes.txt");
    writeFileSync(other, "Dear billing office,\n");
    const t = terminal();
    expect(await t.run("claims", "read", other)).toBe(1);
    expect(t.err.join("\n")).toContain("was not read as an 837P claim file");
    const missing = terminal();
    expect(await missing.run("claims", "read", file("nothing.837"))).toBe(2);
    expect(missing.err.join("\n")).toMatch(/there is no such file/);
    expect(await terminal().run("claims", "read")).toBe(2);
  });
});

const real = resolve(__dirname, "../../../shared/data/x12-837/ims_complex_837p.txt");
const present = sharedDataPresent(real);

describe(`medbill claims read on ims_complex_837p.txt${present ? "" : " (missing from ../shared/data/x12-837: skipped)"}`, () => {
  it.skipIf(!present)("prints its 6 claims in 2 transactions, $3,000.00 over 10 lines, and its SE01 warnings", async () => {
    const t = terminal();
    expect(await t.run("claims", "read", real)).toBe(0);
    expect(t.out[0]).toMatch(/: 6 claims in 2 transactions/);
    expect(t.out.filter((l) => /A37YH\d{3}/.test(l))).toHaveLength(6);
    expect(t.out).toContain("Totals: 6 claims, 10 service lines, $3,000.00 charged.");
    expect(t.text()).toMatch(/Warnings: \d+/);
  });
});
