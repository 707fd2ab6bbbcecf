// The Excel adapter: the Workbook port over Office.js. This folder is the only code that touches
// Office.js. Each call is one Excel.run made of a constant number of context.sync() phases: the
// workbook's layout first, then whole table bodies (reads) or the whole plan (writes) as 2-D ranges
// in row chunks. Chunks are packed into as few syncs as the payload budget allows, because Excel on
// the web refuses any request or response over 5 MB; so syncs grow with bytes moved, never with the
// number of tables, rows or cells as such.
//
// A plan written over several requests can be cut short between them; applyPlan makes that
// recoverable (plan ids, the Audit row's Status, a copy of the plan: see plan.ts). Here, appended
// rows grow their table with each chunk, in the chunk's request, so no row is ever left outside a
// table; deleteRows and updateRows find rows by plan id from the Plan column, read in one phase
// before any change (none when only rows of this same write carry the id), and delete each run of
// rows as one range, bottom up, queued with the plan's other changes.
import { checkPlan } from "../checkPlan";
import type { CellValue, RawTable, SheetHead, Workbook, WorkbookInfo, WriteOp, WriteSummary } from "../port";
import { loadDateSystem, loadLayout, loadTablePlaces } from "./layout";
import { DEFAULT_MAX_PAYLOAD_BYTES, PLAN_ID_BYTES, SAMPLE_ROWS, estimateRowBytes } from "./payload";
import { PlanWriter } from "./planWriter";
import { checkMadeTableSheets, loadSheetHeads } from "./plainSheets";
import { loadChunks, readChunks, type ReadChunk } from "./reads";
import { checkRequirementSets } from "./requirementSets";
import { checkExcelLimits } from "./sheetLimits";
import type { ExcelRun } from "./excelRun";
import { selectCell, selectTableCell } from "./showCell";

/** The shape of `Excel.run`; tests pass a fake with the same shape. */
export type { ExcelRun } from "./excelRun";

export interface ExcelWorkbookOptions {
  /**
   * Most bytes of cell values one context.sync() may carry, each way. Excel on the web refuses
   * a request or a response over 5 MB; the default leaves a fifth of that for Office.js's own
   * wrapping of the values (addresses, ids, property names).
   */
  maxPayloadBytes?: number;
}

export class ExcelWorkbook implements Workbook {
  readonly host = "excel" as const;
  private readonly maxPayloadBytes: number;

  constructor(
    // Excel.run is looked up when a call is made, never at import, so Node can import this module.
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    options: ExcelWorkbookOptions = {},
  ) {
    this.maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  }

  async describe(): Promise<WorkbookInfo> {
    return this.run(async (context) => {
      const layout = await loadLayout(context, 1, false);
      return {
        sheets: layout.sheets.map((s) => s.name),
        tables: layout.tables.map((t) => t.info),
        dateSystem: await loadDateSystem(context),
      };
    });
  }

  async readTables(names: string[]): Promise<Record<string, RawTable | undefined>> {
    return this.run(async (context) => {
      const wanted = names.map((name) => ({ name, table: context.workbook.tables.getItemOrNullObject(name) }));
      for (const w of wanted) w.table.load("name");
      await context.sync();

      const found = wanted.filter((w) => !w.table.isNullObject);
      const places = await loadTablePlaces(
        context,
        found.map((w) => w.table),
        SAMPLE_ROWS,
        false,
      );
      const out: Record<string, RawTable | undefined> = {};
      for (const name of names) out[name] = undefined;
      const chunks: ReadChunk[] = [];
      found.forEach((w, i) => {
        const place = places[i];
        const rows: CellValue[][] = new Array(place.info.rowCount);
        out[w.name] = { ...place.info, headers: [...place.info.headers], rows };
        chunks.push(
          ...readChunks(
            place.info.sheet,
            place.headerRowIndex + 1,
            place.columnIndex,
            place.info.rowCount,
            place.info.headers.length,
            place.rowBytes,
            rows,
            this.maxPayloadBytes,
          ),
        );
      });
      await loadChunks(context, chunks, this.maxPayloadBytes);
      return out;
    });
  }

  async readSheet(name: string): Promise<CellValue[][] | undefined> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return undefined;

      // getUsedRange gives A1 for a blank sheet (it does not fail), so the sample can hang off it
      // in the same sync; the sample's rows only estimate how many bytes a row takes.
      const used = sheet.getUsedRange(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const sample = used.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0);
      sample.load("values");
      await context.sync();
      if (used.rowCount === 1 && used.columnCount === 1 && sample.values[0][0] === "") return [];

      // The port gives a sheet's values from A1, so blank rows and columns before the used range count.
      const rows = used.rowIndex + used.rowCount;
      const columns = used.columnIndex + used.columnCount;
      const sampleRows = sample.values.slice(0, Math.min(SAMPLE_ROWS, used.rowCount));
      const bytesPerCell = JSON.stringify(sampleRows).length / Math.max(1, sampleRows.length * used.columnCount);
      const out: CellValue[][] = new Array(rows);
      await loadChunks(
        context,
        readChunks(sheet.name, 0, 0, rows, columns, estimateRowBytes(bytesPerCell * columns, columns), out, this.maxPayloadBytes),
        this.maxPayloadBytes,
      );
      return out;
    });
  }

  async readSheetHeads(names: string[], rows: number): Promise<Record<string, SheetHead | undefined>> {
    return this.run((context) => loadSheetHeads(context, names, rows, this.maxPayloadBytes));
  }

  async write(ops: WriteOp[]): Promise<WriteSummary> {
    return this.run(async (context) => {
      const layout = await loadLayout(context, 1, true);
      // Every check happens before the first change is queued: a refused plan writes nothing.
      const summary = checkPlan(
        { sheets: layout.sheets.map((s) => s.name), tables: layout.tables.map((t) => t.info), dateSystem: 1900 },
        ops,
      );
      checkExcelLimits(layout, ops);
      checkRequirementSets(ops);
      // A sheet whose rows become a table is compared with what the plan was made from, in one sync.
      await checkMadeTableSheets(context, ops);

      const writer = new PlanWriter(context, layout, this.maxPayloadBytes);
      // Rows are found by plan id (deleteRows, updateRows) from the Plan column, read in one phase.
      await writer.loadPlanColumns(ops, (columns) =>
        loadChunks(
          context,
          columns.flatMap((c) =>
            readChunks(c.sheet, c.top, c.column, c.rows, 1, estimateRowBytes(PLAN_ID_BYTES, 1), c.into, this.maxPayloadBytes),
          ),
          this.maxPayloadBytes,
        ),
      );
      await writer.unprotectSheets(ops);
      try {
        await writer.writePlan(ops);
      } catch (error) {
        // Whatever Excel refused half-way, the office's protected sheets do not stay unprotected.
        await writer.protectAgainAfterFailure();
        throw error;
      }
      return summary;
    });
  }

  /**
   * Show a cell to the user: activate its sheet and select it, in one sync. Row and column are the
   * 1-based numbers a biller sees (a problem list's "Charges row 14").
   */
  async select(sheet: string, row: number, column: number): Promise<void> {
    await selectCell(this.run, sheet, row, column);
  }

  /** Show a cell of a table to the user, by its 0-based body row and its column's header. */
  async selectTableCell(table: string, bodyIndex: number, column: string): Promise<void> {
    await selectTableCell(this.run, table, bodyIndex, column);
  }

  /**
   * Recalculate every formula, in one sync: after a code set is imported, so cells with MEDBILL code
   * functions answer against it (their arguments did not change, so Excel would not recalculate them).
   */
  async recalculate(): Promise<void> {
    await this.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }
}
