// The ExcelApi requirement sets a plan needs: an older Excel lacks some calls and would fail half-way
// through, so a plan that needs one the host lacks is refused before anything is written.
import { PlanRejected, type WriteOp } from "../port";

/** True when the host supports an ExcelApi requirement set; outside Office (tests) every set is assumed. */
export function apiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", version) : true;
}

/** Refuse a plan that needs calls this version of Excel does not have. */
export function checkRequirementSets(ops: WriteOp[]): void {
  // Tables grow with Table.resize (ExcelApi 1.13); an older Excel would fail half-way.
  if (ops.some((op) => op.kind === "appendRows" && op.rows.length > 0) && !apiSupported("1.13")) {
    throw new PlanRejected(
      "Nothing was written: this version of Excel cannot add rows to a table from an add-in. Use Excel for Microsoft 365 or Excel on the web.",
    );
  }
  // Conditional formats came with ExcelApi 1.6 (Excel 2016 without updates lacks them).
  if (ops.some((op) => op.kind === "reportSheet" && (op.highlights?.length ?? 0) > 0) && !apiSupported("1.6")) {
    throw new PlanRejected(
      "Nothing was written: this version of Excel cannot add conditional formats from an add-in. Use Excel for Microsoft 365 or Excel on the web.",
    );
  }
  // Page layout, print areas and page breaks came with ExcelApi 1.9.
  if (ops.some((op) => op.kind === "reportSheet" && op.print !== undefined) && !apiSupported("1.9")) {
    throw new PlanRejected(
      "Nothing was written: this version of Excel cannot set up a sheet for printing (print area, margins, page breaks) from an add-in. Use Excel for Microsoft 365 or Excel on the web.",
    );
  }
  // Table columns get their header names with ExcelApi 1.4.
  if (ops.some((op) => op.kind === "addColumns") && !apiSupported("1.4")) {
    throw new PlanRejected(
      "Nothing was written: this version of Excel cannot add a column to a table from an add-in. Use Excel for Microsoft 365 or Excel on the web.",
    );
  }
}
