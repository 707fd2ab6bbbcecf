// Where a claim problem is fixed in the workbook, for the terminal (which prints the row) and the
// Claims panel (which selects the cell). A Charges problem carries its sheet row; a Patients or Payers
// one is on the row of the claim's patient or payer (found by its ID, case and spaces aside, the first
// row that has it); a Practice one is on the setting's row (found by its name as every Practice reader
// finds it), in the Value column.
import { asText } from "../workbook/cells";
import { mapColumns } from "../workbook/mapTable";
import type { RawTable } from "../workbook/port";
import { settingRows } from "../workbook/practiceSettings";
import { Patients, Payers, Practice, type TableDef } from "../workbook/tables";
import type { Claim, ScrubProblem } from "./model";

export interface ProblemPlace {
  table: string;
  sheet: string;
  /** Sheet row number as the biller sees it. */
  row: number;
  /** 0-based row of the table's body. */
  bodyIndex: number;
  /** The workbook's own header of the column to fix; undefined when the table has no such column. */
  column?: string;
}

/** The tables' ids, as compared: " p001 " is P001's row. */
const idKey = (text: string) => text.trim().toLowerCase();

/**
 * A finder of problems' places in these tables. The rows of Patients and Payers are indexed by ID the
 * first time one is asked for, so a report of thousands of problems reads each table once.
 */
export function problemPlaces(
  tables: Record<string, RawTable | undefined>,
): (problem: ScrubProblem, claim?: Claim) => ProblemPlace | undefined {
  const indexes = new Map<string, Map<string, number>>();
  function rowById(def: TableDef, field: string, id: string | undefined, raw: RawTable): number | undefined {
    if (id === undefined || id.trim() === "") return undefined;
    let byId = indexes.get(def.name);
    if (!byId) {
      byId = new Map();
      indexes.set(def.name, byId);
      const column = mapColumns(def, raw.headers).columns[field]?.index;
      if (column !== undefined) {
        raw.rows.forEach((cells, i) => {
          const value = cells[column];
          if (value === null || value === undefined) return;
          const key = idKey(asText(value));
          if (key !== "" && !byId!.has(key)) byId!.set(key, i);
        });
      }
    }
    return byId.get(idKey(id));
  }

  return (problem, claim) => {
    const { table, row, column } = problem.where;
    const raw = tables[table];
    if (!raw) return undefined;
    let bodyIndex: number | undefined;
    let header: string | undefined;
    if (table === Practice.name) {
      bodyIndex = settingRows(raw, column)[0];
      header = mapColumns(Practice, raw.headers).columns.value?.header;
    } else {
      // The problem names our header or the workbook's alias: the workbook's own is the one to select.
      const wanted = column.trim().toLowerCase();
      header = raw.headers.find((h) => h.trim().toLowerCase() === wanted);
      if (row !== undefined) bodyIndex = row - raw.headerRow - 1;
      else if (table === Patients.name) bodyIndex = rowById(Patients, "patientId", claim?.patient.patientId, raw);
      else if (table === Payers.name) bodyIndex = rowById(Payers, "payerId", claim?.payer.payerId, raw);
    }
    if (bodyIndex === undefined || bodyIndex < 0 || bodyIndex >= raw.rows.length) return undefined;
    const place: ProblemPlace = { table: raw.name, sheet: raw.sheet, row: raw.headerRow + 1 + bodyIndex, bodyIndex };
    if (header !== undefined) place.column = header;
    return place;
  };
}

/** The cell a problem is fixed in (its place with a column), for the pane to select. */
export function problemCell(
  problem: ScrubProblem,
  claim: Claim | undefined,
  tables: Record<string, RawTable | undefined>,
): (ProblemPlace & { column: string }) | undefined {
  const place = problemPlaces(tables)(problem, claim);
  return place?.column === undefined ? undefined : { ...place, column: place.column };
}
