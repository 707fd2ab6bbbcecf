// What the Setup panel says about the office's rows found on plain sheets (plainRanges.ts), worked out
// apart from React so the wording can be tested in Node: the hint under the table count, each found
// sheet's card (where its rows are, how its headers map, why it cannot be made a table yet), the
// question Make it a table asks, and what Create missing tables leaves out and why.
import type { AppliedPlan } from "../../src/workbook/plan";
import { columnsText, dataRowsOf, dataRowsText, headerRowOf, makeTableSentence, type PlainRange } from "../../src/workbook/plainRanges";
import { listInWords, plural, sentence } from "../billerMessage";
import { tableReport, type TableReport } from "./setupReport";

/** One found sheet as its card shows it. */
export interface PlainRangeCard {
  table: string;
  sheet: string;
  /** "Rows 2-41 of sheet Charges, headers in row 1, columns A-L." */
  where: string;
  /** How its headers map, as the table list shows a table's. */
  report: TableReport;
  /** Why it cannot be made a table as it is, each a sentence; empty when it can. */
  problems: string[];
  confirm: { title: string; body: string; yes: string };
}

export function plainRangeCard(found: PlainRange): PlainRangeCard {
  const report = tableReport({
    table: found.table,
    present: false,
    sheet: found.sheet,
    rowCount: dataRowsOf(found),
    mapping: found.mapping,
    fieldHeaders: found.fieldHeaders,
  });
  const rows = dataRowsText(found);
  return {
    table: found.table,
    sheet: found.sheet,
    where: `${sentence(`${rows} of sheet ${found.sheet}`)} Headers in row ${headerRowOf(found)}, columns ${columnsText(found)}.`,
    report,
    problems: found.problems.map((p) => sentence(p)),
    confirm: {
      title: `Make sheet ${found.sheet} a table?`,
      body: [
        makeTableSentence(found),
        report.missingRequired.length > 0
          ? `Its rows cannot be read until the table also has ${listInWords(report.missingRequired)}: add ${report.missingRequired.length === 1 ? "that column" : "those columns"} after.`
          : `The add-in then reads its ${plural(dataRowsOf(found), "row")} as the ${found.table} table.`,
      ].join(" "),
      yes: "Yes, make it a table",
    },
  };
}

/** Under the table count: "Charges and Patients are on sheets as plain ranges: make them tables below." */
export function plainRangesHint(found: PlainRange[]): string | undefined {
  if (found.length === 0) return undefined;
  const names = listInWords(found.map((r) => r.table));
  return found.length === 1
    ? `${names} is on a sheet as a plain range: make it a table below.`
    : `${names} are on sheets as plain ranges: make them tables below.`;
}

/** The missing tables Create missing tables would add: not those whose rows are on a plain sheet. */
export function missingToCreate(missing: string[], found: PlainRange[]): string[] {
  const onSheets = new Set(found.map((r) => r.table.toLowerCase()));
  return missing.filter((t) => !onSheets.has(t.toLowerCase()));
}

/** What Create missing tables says it left out, and why; undefined when it left out nothing. */
export function leftOutSentence(found: PlainRange[]): string | undefined {
  if (found.length === 0) return undefined;
  const names = listInWords(found.map((r) => r.table));
  return found.length === 1
    ? `${names} was not created: its rows are on sheet ${found[0].sheet} as a plain range; make it a table below.`
    : `${names} were not created: their rows are on sheets as plain ranges; make them tables below.`;
}

/** After Make it a table: "Sheet Charges is now the table Charges: 40 rows, 12 columns. The Audit sheet records the change." */
export function madeMessage(found: PlainRange, applied: Pick<AppliedPlan, "tablesCreated">): string {
  const made = applied.tablesCreated.includes(found.table) ? found.table : (applied.tablesCreated[0] ?? found.table);
  return `Sheet ${found.sheet} is now the table ${made}: ${plural(dataRowsOf(found), "row")}, ${plural(found.range.columns, "column")}, every value as it was. The Audit sheet records the change.`;
}

/** The table list's reports, each missing table whose rows are on a plain sheet marked with that sheet. */
export function withPlainSheets(reports: TableReport[], found: PlainRange[]): TableReport[] {
  return reports.map((report) => {
    const onSheet = found.find((r) => r.table === report.table);
    return onSheet && !report.present ? { ...report, onPlainSheet: onSheet.sheet } : report;
  });
}
