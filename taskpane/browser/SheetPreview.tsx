// The browser host's read-only view of one sheet (the first PREVIEW_ROWS rows, every column), with
// a sheet picker, so the user sees what an operation did to the workbook.
import { useEffect, useState } from "react";
import { Caption1, Dropdown, Field, Option, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CellValue, TableInfo, Workbook, WorkbookInfo } from "../../src/workbook/port";
import { billerMessage } from "../billerMessage";
import { NoticeBar, type Notice } from "../NoticeBar";
import { PREVIEW_ROWS, columnKinds, columnLetter, displayCell, type ColumnKind } from "./previewCells";

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
  },
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
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

export interface SheetPreviewProps {
  workbook: Workbook;
  /** Bumped by the host after every change, so the preview reads the workbook again. */
  revision: number;
  sheet: string | undefined;
  onSheetChange: (sheet: string) => void;
}

interface Loaded {
  info: WorkbookInfo;
  sheet: string;
  cells: CellValue[][];
}

export function SheetPreview({ workbook, revision, sheet, onSheetChange }: SheetPreviewProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>();
  const [notice, setNotice] = useState<Notice>();

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

  if (notice) return <NoticeBar notice={notice} />;
  if (!loaded) return <Spinner size="small" label="Reading the sheet…" />;

  const { info, cells } = loaded;
  const table = info.tables.find((t) => t.sheet === loaded.sheet);
  const kinds = columnKinds(cells, table);
  const headerIndex = table ? table.headerRow - 1 : -1;
  const shown = cells.slice(0, PREVIEW_ROWS);

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
              const t = info.tables.find((x) => x.sheet === name);
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
            ? `Rows 1–${PREVIEW_ROWS} of ${cells.length.toLocaleString("en-US")}, read-only.`
            : `${cells.length.toLocaleString("en-US")} ${cells.length === 1 ? "row" : "rows"}, read-only.`}{" "}
          Date and amount columns of billing tables show as dates and dollars; other dates show as Excel serial numbers.
        </Caption1>
      </div>
      <div className={styles.scroller}>
        {shown.length === 0 ? (
          <div className={styles.empty}>This sheet is empty.</div>
        ) : (
          <Grid rows={shown} kinds={kinds} headerIndex={headerIndex} dateSystem={info.dateSystem} />
        )}
      </div>
    </section>
  );
}

/** "Charges · 2,000 rows"; the table's name too when it differs from the sheet's. */
function sheetLabel(sheet: string, table: TableInfo | undefined): string {
  if (!table) return sheet;
  const rows = `${table.rowCount.toLocaleString("en-US")} ${table.rowCount === 1 ? "row" : "rows"}`;
  return table.name === sheet ? `${sheet} · ${rows}` : `${sheet} · table ${table.name}, ${rows}`;
}

interface GridProps {
  rows: CellValue[][];
  kinds: ColumnKind[];
  headerIndex: number;
  dateSystem: WorkbookInfo["dateSystem"];
}

function Grid({ rows, kinds, headerIndex, dateSystem }: GridProps) {
  const styles = useStyles();
  return (
    <table className={styles.grid} aria-label="Sheet cells" data-testid="sheet-grid">
      <thead>
        <tr>
          <th className={mergeClasses(styles.cell, styles.letters, styles.rowNumber, styles.corner)} aria-label="Row" />
          {kinds.map((_, c) => (
            <th key={c} scope="col" className={mergeClasses(styles.cell, styles.letters)}>
              {columnLetter(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r} className={r === headerIndex ? styles.headerRow : undefined}>
            <th scope="row" className={mergeClasses(styles.cell, styles.rowNumber)}>
              {r + 1}
            </th>
            {kinds.map((kind, c) => {
              const value = row[c];
              const text = displayCell(value, r > headerIndex ? kind : "plain", dateSystem);
              return (
                <td
                  key={c}
                  className={mergeClasses(styles.cell, typeof value === "number" && styles.number)}
                  title={text.length > 30 ? text : undefined}
                >
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
