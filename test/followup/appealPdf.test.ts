// The appeal letter as a PDF, on the practice of appealFixtures.ts: a Letter page that starts %PDF, says
// what the model says (read twice, as the statements' PDF tests read it: from the placed runs, and from
// the file, its compressed content streams inflated and the shown strings decoded), diagnoses only when
// asked, metadata that names no one, the same bytes for the same letter, and a long letter on further
// numbered pages with the lines table's header again.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { appealPages, appealPdf } from "../../src/followup/appealPdf";
import { JANE_ADDRESS, JANE_MEMBER, JANE_PHONE, appealWorkbook, madeLetter } from "./appealFixtures";
import { pdfTexts } from "../statements/pdfText";

describe("appealPdf", () => {
  it("is a one-page PDF with the letter's practice, payer, patient, claim, lines, reasons and signature", async () => {
    const letter = await madeLetter(appealWorkbook(), "C1", { reason: "The visit note shows 40 minutes." });
    const bytes = await appealPdf(letter);
    expect(new TextDecoder("latin1").decode(bytes.subarray(0, 5))).toBe("%PDF-");

    const pages = pdfTexts(bytes);
    expect(pages).toHaveLength(1);
    const shown = pages[0];
    const placed = (await appealPages(letter))[0].runs.map((r) => r.text);
    expect(shown).toEqual(placed);
    for (const text of [
      "Lakeside Family Practice",
      "Billing NPI 1234567893",
      "Tax ID 12-3456789",
      "06/30/2026",
      "Medicare Part B",
      "Re: Request for reconsideration",
      "Jane Doe",
      "04/12/1960",
      JANE_MEMBER,
      "C1",
      "ICN-778899",
      "05/01/2026 - 05/02/2026",
      "99214-25",
      "Denied CO-50 on 05/20/2026: not medically necessary, in the payer's judgment",
      "$95.00",
      "$7.00",
      "$310.00",
      "The visit note shows 40 minutes.",
      "Sincerely,",
      "Billing office",
    ]) {
      expect(shown).toContain(text);
    }
    const all = shown.join(" ");
    expect(all).toContain("We ask you to reconsider the denial of 99214-25 on 05/01/2026");
    expect(all).toContain("call our billing office at 217-555-0199");
    for (const secret of [JANE_ADDRESS, JANE_PHONE, "E11", "I10", "Diagnoses"]) expect(all).not.toContain(secret);

    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    expect(doc.getTitle()).toBe("Appeal");
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-06-30T00:00:00.000Z");
  });

  it("lists each line's diagnoses only when the letter has them", async () => {
    const bytes = await appealPdf(await madeLetter(appealWorkbook(), "C1", { withDiagnoses: true }));
    expect(pdfTexts(bytes)[0]).toEqual(expect.arrayContaining(["Diagnoses: E11.9, I10", "Diagnoses: E11.9"]));
  });

  it("gives the same bytes for the same letter", async () => {
    const letter = await madeLetter(appealWorkbook(), "C1");
    expect(Buffer.from(await appealPdf(letter)).equals(Buffer.from(await appealPdf(letter)))).toBe(true);
  });

  it("goes on to numbered pages, the lines table's header again, when the lines do not fit", async () => {
    const letter = await madeLetter(appealWorkbook(), "C1", { withDiagnoses: true });
    const long = { ...letter, lines: Array.from({ length: 60 }, (_, i) => ({ ...letter.lines[i % 2], chargeId: `L${i}` })) };
    const pages = await appealPages(long);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      const texts = page.runs.map((r) => r.text);
      expect(texts).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(texts).toContain("Shortfall");
      if (i > 0) expect(texts).toContain("Appeal, claim C1, 06/30/2026 (continued)");
      for (const run of page.runs) {
        expect(run.y).toBeGreaterThanOrEqual(36);
        expect(run.y).toBeLessThanOrEqual(792 - 54);
      }
    });
    const rows = pages.flatMap((p) => p.runs.filter((r) => r.text === "99214-25" || r.text === "99213"));
    expect(rows).toHaveLength(60);
    expect(pages[pages.length - 1].runs.map((r) => r.text)).toContain("Billing office");
    expect(pdfTexts(await appealPdf(long))).toHaveLength(pages.length);
  });
});
