// The ledger's problems as a biller reads them, for a report's warning list (pane and terminal):
// a missing Charges, Postings or Payments table first, then every row that could not be read or
// linked ("Postings row 12, ChargeID: ..."). A figure that rests on one of those rows may be wrong.
import { describeIssue, type RowIssue } from "../workbook/mapTable";
import type { RawTable } from "../workbook/port";
import type { Ledger } from "./ledger";

export function ledgerProblems(ledger: Ledger, tables: Record<string, RawTable | undefined>, others: RowIssue[] = []): string[] {
  const problems = ledger.issues.map(describeIssue);
  for (const table of ["Charges", "Postings", "Payments"]) {
    if (!tables[table]) problems.unshift(`The workbook has no ${table} table (run Setup in the add-in to create it).`);
  }
  return [...problems, ...others.map(describeIssue)];
}
