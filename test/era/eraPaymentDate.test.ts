// The payment date of a remittance comes from the file, never the computer's clock (issue 18): BPR16,
// else the production date (DTM*405), else the envelope's GS04, then ISA09; the preview, the Payments
// note and the Audit row say which was used; a file with none of them is held, not dated today.
import { describe, expect, it } from "vitest";
import { paymentDate } from "../../src/era/eraIdentity";
import { readRemittanceFile } from "../../src/era/remittance";
import { readLedger } from "../../src/ledger/ledger";
import { ERA_DATE, importEra, medicareEra, planned, sampleUnpaid } from "./eraPlanBooks";

/** The synthetic 835's text with BPR16 and the production date (DTM*405) blanked, then edited as a test asks. */
function withoutBpr16(text: string, edit: (text: string) => string = (t) => t): Uint8Array {
  const blanked = text.replace(/(BPR\*[^~]*\*)\d{8}~/, "$1~").replace(/DTM\*405\*\d{8}~/, "DTM*405*~");
  expect(blanked).not.toBe(text);
  expect(blanked).toContain("DTM*405*~");
  return new TextEncoder().encode(edit(blanked));
}

const addProductionDate = (date: string) => (text: string) => text.replace("DTM*405*~", `DTM*405*${date}~`);
// The synthetic envelope dates the file with the remittance's own date; these say another day so a test can tell them apart.
const envelope = (gs: string, isa: string) => (text: string) =>
  text.replace(/(GS\*HP\*[^*]*\*[^*]*\*)\d{8}/, `$1${gs}`).replace(/(ISA(?:\*[^*]*){8}\*)\d{6}/, `$1${isa}`);

describe("the payment date of a remittance", () => {
  it("is BPR16 when the file gives it", async () => {
    const { ledger, unpaid } = await sampleUnpaid();
    const era = medicareEra(ledger, "DATE0001", [{ claimId: unpaid[0].claimId }]);
    const read = readRemittanceFile(era.text);
    if (!read.ok) throw new Error(read.error);
    expect(paymentDate(read.remittances[0])).toEqual({ date: ERA_DATE, from: "BPR16" });
  });

  it("falls back to the production date (DTM*405) and says so in the preview, the Payments note and the Audit row", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const era = medicareEra(ledger, "DATE0002", [{ claimId: unpaid[0].claimId }]);
    const bytes = withoutBpr16(era.text, (t) => envelope("20260701", "260702")(addProductionDate("20260627")(t)));
    const result = planned(await importEra(book, "no-bpr16.835", bytes));
    const r = result.preview.remittances[0];
    expect([r.date, r.dateFrom]).toEqual(["2026-06-27", "DTM*405"]);
    expect(result.preview.warnings).toContain(
      "Remittance DATE0002 gives no payment date (BPR16): it is dated 2026-06-27 from the remittance's production date (DTM*405).",
    );
    const after = await readLedger(book);
    const payment = after.ledger.payments.find((p) => p.reference === "DATE0002")!;
    expect(payment.date).toBe("2026-06-27");
    expect(payment.note).toContain("dated 2026-06-27 from the remittance's production date (DTM*405), BPR16 being blank");
    expect(after.ledger.postings.filter((p) => p.paymentId === payment.paymentId).every((p) => p.date === "2026-06-27")).toBe(true);
    const audit = (await book.readTables(["Audit"])).Audit!.rows.at(-1)!;
    expect(String(audit[2])).toContain("dated 2026-06-27 from the remittance's production date (DTM*405), BPR16 being blank");
  });

  it("falls back to the group date (GS04), then the interchange date (ISA09)", async () => {
    const { ledger, unpaid } = await sampleUnpaid();
    const era = medicareEra(ledger, "DATE0003", [{ claimId: unpaid[0].claimId }]);
    const gs = readRemittanceFile(new TextDecoder().decode(withoutBpr16(era.text, envelope("20260625", "260624"))));
    if (!gs.ok) throw new Error(gs.error);
    expect(paymentDate(gs.remittances[0])).toEqual({ date: "2026-06-25", from: "GS04" });
    const isa = readRemittanceFile(new TextDecoder().decode(withoutBpr16(era.text, envelope("2026062", "260624"))));
    if (!isa.ok) throw new Error(isa.error);
    expect(paymentDate(isa.remittances[0])).toEqual({ date: "2026-06-24", from: "ISA09" });
  });

  it("holds a remittance with no date at all instead of dating it today, and writes nothing", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const era = medicareEra(ledger, "DATE0004", [{ claimId: unpaid[0].claimId }]);
    const bytes = withoutBpr16(era.text, envelope("", "      "));
    const result = await importEra(book, "no-date.835", bytes);
    if (!result.ok) throw new Error(result.error);
    expect(result.plan).toBeUndefined();
    const r = result.preview.remittances[0];
    expect(r.date).toBeUndefined();
    expect(r.claims.map((c) => c.outcome)).toEqual(["held"]);
    expect(r.claims[0].reason).toMatch(/gives no date for its payment .*post it by hand/);
    const after = await readLedger(book);
    expect(after.ledger.payments.some((p) => p.reference === "DATE0004")).toBe(false);
  });
});
