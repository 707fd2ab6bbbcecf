// Editing a cell of a billing table in the browser host's preview, where there is no Excel to type it
// in. The table's body cells take the focus one at a time (a roving tab stop: Tab reaches the grid
// once, the arrow keys move in it); double-click, Enter or F2 opens an editor on the cell, typing a
// character opens it with that character. Enter writes (through editCell: the text read by the
// column, one plan with its Audit row), Escape or leaving the editor puts the cell back as it was.
// A refusal is one sentence, with the editor left open to fix the text; nothing is written.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from "react";
import type { DateSystem } from "../../src/dates";
import { editableColumn, editableTable, editCell, editText } from "../../src/workbook/cellEdit";
import type { AppliedPlan } from "../../src/workbook/plan";
import type { CellValue, TableInfo, Workbook } from "../../src/workbook/port";
import { billerMessage } from "../billerMessage";
import type { Notice } from "../NoticeBar";
import { headerColumn, type PreviewWindow } from "./previewCells";

/** A cell of the sheet shown: 0-based sheet row and column. */
export interface GridCell {
  row: number;
  column: number;
}

/** The block of the sheet that can be edited: a table's body rows (those drawn) and its columns' headers. */
export interface EditArea {
  table: TableInfo;
  /** First and last (excluded) 0-based sheet rows of the body, within the rows drawn. */
  first: number;
  end: number;
  /** The table's header of each sheet column it spans. */
  headers: Map<number, string>;
}

export interface PreviewEdit {
  area?: EditArea;
  /** The cell holding the grid's tab stop. */
  active?: GridCell;
  /** The cell being edited and the text typed so far. */
  editor?: GridCell & { text: string; label: string };
  saving: boolean;
  notice?: Notice;
  dismissNotice: () => void;
  onGridKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onGridClick: (event: MouseEvent<HTMLElement>) => void;
  onGridDoubleClick: (event: MouseEvent<HTMLElement>) => void;
  onEditorChange: (text: string) => void;
  onEditorKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: () => void;
}

export interface PreviewEditOptions {
  workbook: Workbook;
  /** The sheet shown: another one starts with no cell selected, no editor and no message. */
  sheet: string | undefined;
  /** The billing table on the sheet shown, if any; the cells of the sheet as read; the rows drawn. */
  table: TableInfo | undefined;
  cells: CellValue[][];
  window: PreviewWindow;
  dateSystem: DateSystem;
  /** The element holding the grid, where the focused cell is looked up. */
  grid: RefObject<HTMLElement | null>;
  /** Called once a cell was written, with what the plan did. */
  onEdited?: (applied: AppliedPlan) => void;
}

/** The cell an event happened on (a body cell of the area carries data-row and data-column). */
function cellOf(target: EventTarget | null): GridCell | undefined {
  const td = target instanceof Element ? target.closest<HTMLElement>("td[data-row]") : null;
  if (!td) return undefined;
  return { row: Number(td.dataset.row), column: Number(td.dataset.column) };
}

/** The editable block of the sheet: the body rows drawn of a table edited here, and its columns by header. */
export function editArea(table: TableInfo | undefined, cells: CellValue[][], window: PreviewWindow): EditArea | undefined {
  // The Audit trail and the closes are read-only here: the grid offers no cell of them.
  if (!table || table.rowCount === 0 || !editableTable(table).ok) return undefined;
  const headers = new Map<number, string>();
  for (const header of table.headers) {
    const column = headerColumn(cells, table, header);
    if (column >= 0) headers.set(column, header);
  }
  const first = Math.max(window.first, table.headerRow);
  const end = Math.min(window.end, table.headerRow + table.rowCount);
  return headers.size > 0 && first < end ? { table, first, end, headers } : undefined;
}

export function usePreviewEdit({ workbook, sheet, table, cells, window, dateSystem, grid, onEdited }: PreviewEditOptions): PreviewEdit {
  const [active, setActive] = useState<GridCell>();
  const [editor, setEditor] = useState<PreviewEdit["editor"]>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  useEffect(() => {
    setActive(undefined);
    setEditor(undefined);
    setNotice(undefined);
  }, [sheet]);
  // Set when the focus should go to the active cell after the next render (a move, an edit closed).
  const focusWanted = useRef(false);
  const area = editArea(table, cells, window);
  const columns = area ? [...area.headers.keys()].sort((a, b) => a - b) : [];

  const inArea = (cell: GridCell | undefined): cell is GridCell =>
    area !== undefined && cell !== undefined && cell.row >= area.first && cell.row < area.end && area.headers.has(cell.column);
  const shownActive = inArea(active) ? active : area ? { row: area.first, column: columns[0] } : undefined;

  useLayoutEffect(() => {
    if (!focusWanted.current || editor) return;
    focusWanted.current = false;
    const at = shownActive;
    if (!at) return;
    grid.current?.querySelector<HTMLElement>(`td[data-row="${at.row}"][data-column="${at.column}"]`)?.focus();
  });

  const label = (cell: GridCell) => `${area!.table.name} row ${cell.row + 1}, ${area!.headers.get(cell.column)}`;

  const open = (cell: GridCell, typed?: string) => {
    if (!area || !inArea(cell) || saving) return;
    const header = area.headers.get(cell.column)!;
    const column = editableColumn(area.table, header);
    setActive(cell);
    if (!column.ok) {
      setNotice({ intent: "info", title: `${label(cell)} is not edited here`, body: column.problem });
      return;
    }
    setNotice(undefined);
    const text = typed ?? editText(cells[cell.row]?.[cell.column], column.kind, dateSystem);
    setEditor({ ...cell, text, label: `New value for ${label(cell)}` });
  };

  const close = () => {
    setEditor(undefined);
    focusWanted.current = true;
  };

  const commit = async () => {
    if (!editor || !area || saving) return;
    setSaving(true);
    try {
      const bodyRow = editor.row - area.table.headerRow;
      const header = area.headers.get(editor.column)!;
      const seen = cells[editor.row]?.[editor.column] ?? null;
      const outcome = await editCell(workbook, { table: area.table.name, row: bodyRow, column: header, text: editor.text, seen });
      if (!outcome.ok) {
        setNotice({ intent: "error", title: "Not changed", body: outcome.problem });
        return;
      }
      setEditor(undefined);
      focusWanted.current = true;
      if ("unchanged" in outcome) {
        setNotice(undefined);
        return;
      }
      setNotice({ intent: "success", body: `${label(editor)} changed; the Audit table has a row for it.` });
      onEdited?.(outcome.applied);
    } catch (error) {
      setNotice({ intent: "error", ...billerMessage(error, "Could not change the cell") });
    } finally {
      setSaving(false);
    }
  };

  const move = (from: GridCell, key: string): GridCell | undefined => {
    if (!area) return undefined;
    const at = columns.indexOf(from.column);
    if (key === "ArrowUp") return { row: Math.max(area.first, from.row - 1), column: from.column };
    if (key === "ArrowDown") return { row: Math.min(area.end - 1, from.row + 1), column: from.column };
    if (key === "ArrowLeft") return { row: from.row, column: columns[Math.max(0, at - 1)] };
    if (key === "ArrowRight") return { row: from.row, column: columns[Math.min(columns.length - 1, at + 1)] };
    if (key === "Home") return { row: from.row, column: columns[0] };
    if (key === "End") return { row: from.row, column: columns[columns.length - 1] };
    return undefined;
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const cell = cellOf(event.target);
    if (!inArea(cell) || editor) return;
    const next = move(cell, event.key);
    if (next) {
      event.preventDefault();
      setActive(next);
      focusWanted.current = true;
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      open(cell);
    } else if (event.key.length === 1 && event.key !== " " && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing on a cell starts its new value, as in Excel.
      event.preventDefault();
      open(cell, event.key);
    }
  };

  const onGridClick = (event: MouseEvent<HTMLElement>) => {
    const cell = cellOf(event.target);
    if (inArea(cell) && !editor) setActive(cell);
  };

  const onGridDoubleClick = (event: MouseEvent<HTMLElement>) => {
    const cell = cellOf(event.target);
    if (inArea(cell) && !editor) open(cell);
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      void commit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setNotice(undefined);
      close();
    }
  };

  return {
    area,
    active: shownActive,
    editor,
    saving,
    notice,
    dismissNotice: () => setNotice(undefined),
    onGridKeyDown,
    onGridClick,
    onGridDoubleClick,
    onEditorChange: (text) => setEditor((e) => (e ? { ...e, text } : e)),
    onEditorKeyDown,
    // Leaving the editor (a click elsewhere) puts the cell back; Enter is the one way to write.
    onEditorBlur: () => {
      if (!saving && editor) setEditor(undefined);
    },
  };
}
