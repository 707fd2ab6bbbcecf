// What the plan writer knows of one table while it writes: where it sits, its headers and size, and
// its rows' plan ids when the plan finds rows by them. Its own module so sheet protection and the plan
// state can both name it without importing each other.
import type { CellValue } from "../port";

export interface TableState {
  name: string;
  sheet: string;
  headerRowIndex: number;
  columnIndex: number;
  headers: string[];
  rowCount: number;
  formats: (string | null)[];
  /** Each body row's Plan value, when the plan finds rows by plan id in this table; else undefined. */
  plans?: CellValue[];
}
