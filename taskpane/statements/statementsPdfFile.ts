// The PDF of the statements just issued or re-printed, as a download. pdf-lib is imported only here
// and only when the biller asks for a PDF, so it is a lazy chunk of its own and never part of either
// host's first load. The file name says the date or the number, never a patient (downloads folders
// and browser histories are not the statement). The bytes stay in the page (fileDownload).
import type { StatementDocument } from "../../src/statements/model";
import { downloadFile } from "../fileDownload";

const loadPdf = () => import(/* webpackChunkName: "pdf" */ "../../src/statements/statementPdf");

/**
 * "statements-2026-11-27.pdf" for a batch ("invoices-…" when all are invoices); one document is
 * named by its number ("statement-S000123.pdf"), which is what a re-print is looked up by.
 */
export function pdfFileName(docs: StatementDocument[]): string {
  if (docs.length === 1) return `${docs[0].kind.toLowerCase()}-${docs[0].number}.pdf`;
  const word = docs.length > 0 && docs.every((d) => d.kind === "Invoice") ? "invoices" : "statements";
  return `${word}-${docs[0]?.date ?? "none"}.pdf`;
}

/** The documents as one PDF (one Letter page each, more when lines overflow). */
export async function statementsPdfBytes(docs: StatementDocument[]): Promise<Uint8Array> {
  const { statementsPdf } = await loadPdf();
  return statementsPdf(docs);
}

/** Hands the PDF to the browser as a download (fileDownload). */
export function downloadPdf(bytes: Uint8Array, fileName: string): void {
  downloadFile(bytes as BlobPart, fileName, "application/pdf");
}
