// The browser host's view of one sheet (PREVIEW_ROWS rows, every column), with a sheet picker, so
// the user sees what an operation did to the workbook: each cell as Excel shows it (its number
// format, its fill), and a billing table's cells editable (usePreviewEdit). Given a target cell (a
// problem the Codes panel found), it shows the rows around it, scrolls to it and outlines it.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Caption1, Dropdown, Field, Option, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { AppliedPlan } from "../../src/workbook/plan";
import type { CellValue, TableInfo, Workbook, WorkbookInfo } from "../../src/workbook/port";
import type { SheetLook, XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { billerMessage } from "../billerMessage";
import { NoticeBar, type Notice } from "../NoticeBar";
import type { TableCell } from "../panelProps";
import { visuallyHidden } from "../visuallyHidden";
import { tableDef } from "../../src/workbook/tables";
import { editableTable } from "../../src/workbook/cellEdit";
import {
  PREVIEW_ROWS,
  columnKinds,
  columnLetter,
  fillOf,
  headerColumn,
  lookAt,
  previewWindow,
  shownCell,
  type ColumnKind,
  type PreviewWindow,
} from "./previewCells";
import { usePreviewEdit, type PreviewEdit } from "./usePreviewEdit";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, minWidth: 0, height: "100%", gap: tokens.spacingVerticalS },
  bar: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  picker: { minWidth: "220px" },
  note: { color: tokens.colorNeutralForeground3, paddingBottom: tokens.spacingVerticalXS },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // It takes the focus (Tab), so the arrow keys and Page Up/Down scroll the grid; the ring shows where the keys go.
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  hiddenText: visuallyHidden,
  grid: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    tableLayout: "auto",
  },
  cell: {
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `1px ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
    maxWidth: "260px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    height: "20px",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  headerRow: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  letters: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
  },
  rowNumber: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: "right",
    minWidth: "36px",
  },
  corner: { zIndex: 2 },
  // The whole head sticks (letters and the pinned header row together); its cells then need no top of their own.
  pinned: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    "& th": { position: "static" },
    "& th:first-child": { position: "sticky", left: 0, zIndex: 1 },
    "& tr:last-child > *": { backgroundColor: tokens.colorNeutralBackground2 },
  },
  gap: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  target: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  // A number format's [Red] (a negative amount).
  red: { color: tokens.colorPaletteRedForeground1 },
  // The cell holding the grid's tab stop, when it has the focus.
  editable: {
    cursor: "cell",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  editing: { padding: 0, overflow: "visible" },
  editor: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: "9em",
    height: "20px",
    font: "inherit",
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export interface SheetPreviewProps {
  /** The workbook; an .xlsx file's also tells how its cells look (number formats, fills), to show them as Excel would. */
  workbook: Workbook & Partial<Pick<XlsxWorkbook, "readSheetLook">>;
  /** Bumped by the host after every change, so the preview reads the workbook again. */
  revision: number;
  sheet: string | undefined;
  onSheetChange: (sheet: string) => void;
  /** A cell to show: the grid scrolls to it and outlines it. `seq` changes with every request, so asking again scrolls again. */
  target?: PreviewTarget;
  /** Called once a cell edited in the preview is written (with its Audit row), so the host reads the workbook again. */
  onEdited?: (applied: AppliedPlan) => void;
}

export interface PreviewTarget {
  cell: TableCell;
  seq: number;
}

interface Loaded {
  info: WorkbookInfo;
  sheet: string;
  cells: CellValue[][];
}

export function SheetPreview({ workbook, revision, sheet, onSheetChange, target, onEdited }: SheetPreviewProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>();
  const [notice, setNotice] = useState<Notice>();
  // How the drawn rows look, read after their values: kept with the sheet as read it belongs to.
  const [look, setLook] = useState<{ of: Loaded; look?: SheetLook; failed?: boolean }>();
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    (async () => {
      const info = await workbook.describe();
      const shown = info.sheets.find((s) => s === sheet) ?? info.sheets[0];
      const cells = shown === undefined ? [] : ((await workbook.readSheet(shown)) ?? []);
      if (!current) return;
      setLoaded({ info, sheet: shown, cells });
      setNotice(undefined);
      if (shown !== sheet && shown !== undefined) onSheetChange(shown);
    })().catch((error: unknown) => current && setNotice({ intent: "error", ...billerMessage(error, "Could not show the sheet") }));
    return () => {
      current = false;
    };
  }, [workbook, revision, sheet, onSheetChange]);

  // The target, once its sheet is the one shown: which sheet row and column to outline.
  const targetTable =
    target && loaded && target.cell.sheet === loaded.sheet
      ? loaded.info.tables.find((t) => t.name.toLowerCase() === target.cell.table.toLowerCase())
      : undefined;
  const mark =
    target && loaded && targetTable
      ? { row: target.cell.row - 1, column: headerColumn(loaded.cells, targetTable, target.cell.column), seq: target.seq }
      : undefined;
  const rowsShown = previewWindow(loaded?.cells.length ?? 0, mark ? mark.row + 1 : undefined);
  const table = loaded ? billingTableOn(loaded.info.tables, loaded.sheet) : undefined;

  useEffect(() => {
    if (!loaded || !workbook.readSheetLook) return;
    let current = true;
    workbook.readSheetLook(loaded.sheet, rowsShown.first, rowsShown.end).then(
      (read) => current && setLook({ of: loaded, look: read }),
      // The values still show, as stored; the note under the picker says the formats could not be read.
      () => current && setLook({ of: loaded, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [workbook, loaded, rowsShown.first, rowsShown.end]);

  const edit = usePreviewEdit({
    workbook,
    sheet: loaded?.sheet,
    table,
    cells: loaded?.cells ?? [],
    window: rowsShown,
    dateSystem: loaded?.info.dateSystem ?? 1900,
    grid: scroller,
    onEdited,
  });

  // Center the outlined cell in the grid's own scroller (scrollIntoView would scroll the page too).
  useLayoutEffect(() => {
    const box = scroller.current;
    const cell = box?.querySelector<HTMLElement>("[data-target]");
    if (!box || !cell) return;
    const boxRect = box.getBoundingClientRect();
    const cellRect = cell.getBoundingClientRect();
    box.scrollTop += cellRect.top - boxRect.top - (box.clientHeight - cellRect.height) / 2;
    box.scrollLeft += cellRect.left - boxRect.left - (box.clientWidth - cellRect.width) / 2;
  }, [mark?.seq, mark?.row, mark?.column, loaded]);

  if (notice) return <NoticeBar notice={notice} />;
  if (!loaded) return <Spinner size="small" label="Reading the sheet…" />;

  const { info, cells } = loaded;
  const kinds = columnKinds(cells, table);
  const headerIndex = table ? table.headerRow - 1 : -1;
  const count = (n: number) => n.toLocaleString("en-US");
  const shownLook = look?.of === loaded ? look : undefined;
  const editable = edit.area !== undefined;

  return (
    <section className={styles.root} aria-label="Sheet preview">
      <div className={styles.bar}>
        <Field label="Sheet" className={styles.picker}>
          <Dropdown
            value={loaded.sheet ?? ""}
            selectedOptions={loaded.sheet ? [loaded.sheet] : []}
            onOptionSelect={(_, data) => data.optionValue && onSheetChange(data.optionValue)}
            aria-label="Sheet to preview"
          >
            {info.sheets.map((name) => {
              const t = billingTableOn(info.tables, name);
              return (
                <Option key={name} value={name} text={name}>
                  {sheetLabel(name, t)}
                </Option>
              );
            })}
          </Dropdown>
        </Field>
        <Caption1 className={styles.note}>
          {cells.length > PREVIEW_ROWS
            ? `Rows ${count(rowsShown.first + 1)}–${count(rowsShown.end)} of ${count(cells.length)}`
            : `${count(cells.length)} ${cells.length === 1 ? "row" : "rows"}`}
          {editable
            ? ". Double-click a cell of the table, or press Enter on it, to change it."
            : table?.rowCount === 0 && editableTable(table).ok
              ? ": the table has no rows yet to change here (the panels add them)."
              : ", read-only."}{" "}
          {shownLook?.failed
            ? "The cells' number formats could not be read: numbers show as stored."
            : workbook.readSheetLook
              ? "Cells show as Excel shows them, with their number formats."
              : "Date and amount columns of billing tables show as dates and dollars; other dates show as Excel serial numbers."}
        </Caption1>
      </div>
      {edit.notice && <NoticeBar notice={edit.notice} onDismiss={edit.dismissNotice} />}
      <div className={styles.scroller} ref={scroller} tabIndex={0} role="region" aria-label={`Sheet preview: ${loaded.sheet}`}>
        {cells.length === 0 ? (
          <div className={styles.empty}>This sheet is empty.</div>
        ) : (
          <Grid
            cells={cells}
            window={rowsShown}
            kinds={kinds}
            headerIndex={headerIndex}
            dateSystem={info.dateSystem}
            mark={mark}
            look={shownLook?.look}
            edit={edit}
          />
        )}
      </div>
    </section>
  );
}

/** "Charges · 2,000 rows"; the table's name too when it differs from the sheet's; "hidden" for a code set's sheet. */
function sheetLabel(sheet: string, table: TableInfo | undefined): string {
  if (!table) return sheet;
  const rows = `${table.rowCount.toLocaleString("en-US")} ${table.rowCount === 1 ? "row" : "rows"}`;
  const hidden = table.sheetState?.hidden ? ", hidden" : "";
  return table.name === sheet ? `${sheet} · ${rows}${hidden}` : `${sheet} · table ${table.name}, ${rows}${hidden}`;
}

interface GridProps {
  cells: CellValue[][];
  window: PreviewWindow;
  kinds: ColumnKind[];
  headerIndex: number;
  dateSystem: WorkbookInfo["dateSystem"];
  /** The cell to outline: 0-based sheet row and column. */
  mark?: { row: number; column: number };
  /** Number formats and fills of the rows drawn, when the workbook tells them. */
  look?: SheetLook;
  edit: PreviewEdit;
}

function Grid({ cells, window, kinds, headerIndex, dateSystem, mark, look, edit }: GridProps) {
  const styles = useStyles();
  // A window below the table's header row keeps that row in sight, pinned under the column letters.
  const pinnedHeader = headerIndex >= 0 && headerIndex < window.first;
  const rows: number[] = [];
  for (let r = window.first; r < window.end; r++) rows.push(r);

  const row = (r: number) => (
    <tr key={r} className={r === headerIndex ? styles.headerRow : undefined}>
      <th scope="row" className={mergeClasses(styles.cell, styles.rowNumber)}>
        {r + 1}
      </th>
      {kinds.map((kind, c) => {
        const value = (cells[r] ?? [])[c];
        const { text, red } = shownCell(value, lookAt(look, r, c).format, r > headerIndex ? kind : "plain", dateSystem);
        const fill = fillOf(look, r, c, value);
        const marked = mark !== undefined && mark.row === r && mark.column === c;
        const area = edit.area;
        const inArea = area !== undefined && r >= area.first && r < area.end && area.headers.has(c);
        const editing = edit.editor?.row === r && edit.editor.column === c;
        return (
          <td
            key={c}
            className={mergeClasses(
              styles.cell,
              typeof value === "number" && styles.number,
              red && styles.red,
              inArea && styles.editable,
              editing && styles.editing,
              marked && styles.target,
            )}
            // A fill the workbook gave the cell (a code a check marked, a report's oldest balances), under the outline.
            style={fill ? { backgroundColor: fill } : undefined}
            title={text.length > 30 ? text : undefined}
            data-target={marked ? "" : undefined}
            data-fill={fill ?? undefined}
            data-row={inArea ? r : undefined}
            data-column={inArea ? c : undefined}
            tabIndex={inArea ? (edit.active?.row === r && edit.active.column === c ? 0 : -1) : undefined}
          >
            {editing ? (
              <input
                className={styles.editor}
                aria-label={edit.editor!.label}
                value={edit.editor!.text}
                readOnly={edit.saving}
                // The editor opens on the user's own keystroke or double-click: the focus goes into it.
                autoFocus
                onChange={(e) => edit.onEditorChange(e.target.value)}
                onKeyDown={edit.onEditorKeyDown}
                onBlur={edit.onEditorBlur}
              />
            ) : (
              text
            )}
          </td>
        );
      })}
    </tr>
  );

  return (
    <table
      className={styles.grid}
      aria-label="Sheet cells"
      data-testid="sheet-grid"
      onKeyDown={edit.onGridKeyDown}
      onClick={edit.onGridClick}
      onDoubleClick={edit.onGridDoubleClick}
    >
      <thead className={pinnedHeader ? styles.pinned : undefined}>
        <tr>
          <th className={mergeClasses(styles.cell, styles.letters, styles.rowNumber, styles.corner)}>
            <span className={styles.hiddenText}>Row</span>
          </th>
          {kinds.map((_, c) => (
            <th key={c} scope="col" className={mergeClasses(styles.cell, styles.letters)}>
              {columnLetter(c)}
            </th>
          ))}
        </tr>
        {pinnedHeader && row(headerIndex)}
      </thead>
      <tbody>
        {pinnedHeader && window.first > headerIndex + 1 && (
          <tr aria-hidden="true">
            <th className={mergeClasses(styles.cell, styles.rowNumber, styles.gap)}>⋯</th>
            <td className={mergeClasses(styles.cell, styles.gap)} colSpan={Math.max(1, kinds.length)} />
          </tr>
        )}
        {rows.map(row)}
      </tbody>
    </table>
  );
}

/** The billing table a sheet holds (a report sheet's own tables are not one: the grid shows the sheet as it is). */
function billingTableOn(tables: TableInfo[], sheet: string | undefined): TableInfo | undefined {
  return tables.find((t) => t.sheet === sheet && tableDef(t.name) !== undefined);
}
