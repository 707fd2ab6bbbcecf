// Node-side checks of the files the browser host saves, with ExcelJS directly (not through our
// adapter), so the end-to-end test judges the file as Excel would find it: the workbook itself, its
// tables, a table's rows as records by header, and the file changed as an office might change it.
import ExcelJS from "exceljs";

export interface FoundTable {
  name: string;
  sheet: string;
  headers: string[];
  /** Body rows as text, for a look at the audit trail. */
  rows: string[][];
}

/** The saved file as ExcelJS reads it. */
export async function excelWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return String(value);
}

/** Every Excel table (ListObject) in the file, with its sheet, headers and body. */
export async function tablesIn(bytes: Uint8Array): Promise<FoundTable[]> {
  const workbook = await excelWorkbook(bytes);
  const found: FoundTable[] = [];
  workbook.eachSheet((sheet) => {
    for (const table of sheet.getTables() as unknown as ExcelJS.Table[]) {
      const model = (table as unknown as { table: { name: string; ref?: string; tableRef?: string; columns: { name: string }[] } }).table;
      const ref = model.tableRef ?? model.ref ?? "A1";
      const top = sheet.getCell(ref.split(":")[0]);
      const rows: string[][] = [];
      const last = ref.includes(":") ? sheet.getCell(ref.split(":")[1]).row : top.row;
      for (let r = Number(top.row) + 1; r <= Number(last); r++) {
        rows.push(model.columns.map((_, c) => text(sheet.getRow(r).getCell(Number(top.col) + c).value)));
      }
      found.push({ name: model.name, sheet: sheet.name, headers: model.columns.map((c) => c.name), rows });
    }
  });
  return found;
}

/** The rows of the table named `name`, as records by header (a test failure when the file has no such table). */
export function recordsOf(tables: FoundTable[], name: string): Record<string, string>[] {
  const table = tables.find((t) => t.name === name);
  if (!table) throw new Error(`the file has no table ${name}`);
  return table.rows.map((row) => Object.fromEntries(table.headers.map((h, i) => [h, row[i]])));
}

/** The file without the sheet holding `table` (as an office might have deleted it). */
export async function withoutTableSheet(bytes: Uint8Array, table: string): Promise<Buffer> {
  const workbook = await excelWorkbook(bytes);
  const sheet = workbook.worksheets.find((ws) => (ws.getTables() as unknown as ExcelJS.Table[]).some((t) => t.name === table));
  if (!sheet) throw new Error(`no sheet holds table ${table}`);
  workbook.removeWorksheet(sheet.id);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The file with some cells of one table's sheet changed (sheet row, header text), as an office might type them. */
export async function withCellsTyped(
  bytes: Uint8Array,
  table: string,
  edits: { row: number; header: string; value: ExcelJS.CellValue }[],
): Promise<Buffer> {
  const workbook = await excelWorkbook(bytes);
  const sheet = workbook.worksheets.find((ws) => (ws.getTables() as unknown as ExcelJS.Table[]).some((t) => t.name === table));
  if (!sheet) throw new Error(`no sheet holds table ${table}`);
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => text(v));
  for (const edit of edits) {
    const col = headers.indexOf(edit.header);
    if (col < 1) throw new Error(`table ${table} has no header ${edit.header}`);
    sheet.getRow(edit.row).getCell(col).value = edit.value;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
