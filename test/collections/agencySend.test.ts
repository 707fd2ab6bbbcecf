// Sending accounts to a collection agency: the bad-debt write-offs (each open line's patient share,
// WO/BD), Account Status set to Collections with every other cell kept, the agency's CSV (minimum
// necessary, formula-safe), and the refusals, which write nothing. Figures from agencyFixtures.ts.
import { describe, expect, it } from "vitest";
import { agencySendPlan } from "../../src/collections/agencySend";
import { collectionsContext, readCollectionsBooks } from "../../src/collections/collectionsBooks";
import { lineBalances } from "../../src/ledger/balances";
import { applyPlan } from "../../src/workbook/plan";
import { Patients } from "../../src/workbook/tables";
import { tableOf } from "../ledger/ledgerFixtures";
import { AGENCY_PATIENTS, agencyWorkbook, TODAY } from "./agencyFixtures";

async function plan(patientIds: string[], agency = "Acme Recovery", workbook = agencyWorkbook()) {
  const books = await readCollectionsBooks(workbook);
  const ctx = await collectionsContext(workbook, books, TODAY);
  return { workbook, result: agencySendPlan(books, ctx, { patientIds, agency, date: "2026-06-15" }) };
}

const patientTotals = (balances: ReturnType<typeof lineBalances>, patientId: string) => {
  const mine = balances.filter((b) => b.patientId === patientId);
  return { balance: mine.reduce((s, b) => s + b.balance, 0), patientShare: mine.reduce((s, b) => s + b.patientShare, 0) };
};

describe("sending accounts to a collection agency", () => {
  it("writes off each open line's patient share to bad debt and marks the account", async () => {
    const { workbook, result } = await plan(["P1"]);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.total).toBe(11000);
    expect(result.plan.what).toBe("1 account sent to Acme Recovery: 2 lines written off to bad debt ($110.00)");
    const before = patientTotals(lineBalances((await readCollectionsBooks(workbook)).ledger), "P1");
    expect(before).toEqual({ balance: 31000, patientShare: 11000 });

    await applyPlan(workbook, result.plan, new Date(2026, 5, 15));
    const books = await readCollectionsBooks(workbook);
    const written = books.ledger.postings.filter((p) => p.group === "WO");
    expect(written.map((p) => [p.chargeId, p.adjustment, p.reason, p.note, p.date])).toEqual([
      ["L1", 8000, "BD", "Bad debt write-off: sent to Acme Recovery", "2026-06-15"],
      ["L2", 3000, "BD", "Bad debt write-off: sent to Acme Recovery", "2026-06-15"],
    ]);
    // A/R down by exactly what was sent: $310.00 - $110.00; what Medicare owes on L3 stays.
    expect(patientTotals(lineBalances(books.ledger), "P1")).toEqual({ balance: 20000, patientShare: 0 });
    expect(books.patients.map((p) => [p.patientId, p.accountStatus])).toEqual([
      ["P1", "Collections"],
      ["P2", "Collections"],
      ["P3", undefined],
    ]);
    const audit = (await workbook.readTables(["Audit"])).Audit!;
    expect(audit.rows.at(-1)).toContain("Send to collections");
  });

  it("gives the agency a minimum-necessary CSV whose text cannot run as a formula", async () => {
    const { result } = await plan(["P1"]);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.file.name).toBe("collections-acme-recovery-2026-06-15.csv");
    expect(result.file.text.split("\r\n")).toEqual([
      "Account,Last Name,First Name,Address,Address 2,City,State,ZIP,Phone,Date of Birth,Balance,Oldest Service Date," +
        "Last Payment Date,Last Payment,Last Statement Date,Placed On,Agency",
      `P1,Lee,Ann,12 Oak St,"'-Apt 4",Springfield,IL,62701,"'+1 217 555 0100",1980-04-02,110.00,2026-01-05,` +
        "2026-02-01,20.00,2026-03-10,2026-06-15,Acme Recovery",
      "",
    ]);
    for (const clinical of ["99213", "99214", "MEM123456", "MCR"]) expect(result.file.text).not.toContain(clinical);
  });

  it("refuses, whole, accounts already in Collections, owing nothing of their own or not in Patients", async () => {
    const { workbook, result } = await plan(["P1", "P2", "P3", "P9"]);
    expect(result).toEqual({
      ok: false,
      problems: [
        'Account P2 is already with a collection agency (Account Status "Collections").',
        "Account P3 owes nothing of its own: there is no patient balance to send.",
        "Account P9 is not in the Patients table: check the account number.",
      ],
    });
    expect((await workbook.readTables(["Audit"])).Audit).toBeUndefined();
  });

  it("refuses without an agency, an account, a real date or an Account Status column", async () => {
    expect((await plan([], " ")).result).toEqual({
      ok: false,
      problems: ["Name the collection agency the accounts go to.", "Choose at least one account to send."],
    });
    const full = tableOf(Patients, AGENCY_PATIENTS, 1900);
    const at = full.headers.indexOf("Account Status");
    const without = { ...full, headers: full.headers.filter((_, i) => i !== at), rows: full.rows.map((r) => r.filter((_, i) => i !== at)) };
    const { result } = await plan(["P1"], "Acme Recovery", agencyWorkbook({ patients: without }));
    expect(result).toEqual({
      ok: false,
      problems: [
        'The Patients table has no "Account Status" column: add a column headed "Account Status" (Setup creates Patients with it in a new workbook), then try again.',
      ],
    });
    const workbook = agencyWorkbook();
    const books = await readCollectionsBooks(workbook);
    const ctx = await collectionsContext(workbook, books, TODAY);
    expect(agencySendPlan(books, ctx, { patientIds: ["P1"], agency: "Acme", date: "2026-07-01" })).toEqual({
      ok: false,
      problems: ["The date the accounts are sent 2026-07-01 is in the future (today is 2026-06-30)."],
    });
  });
});
