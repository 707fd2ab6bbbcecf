// What "Check rows" found: a line per table, then the first issues as sentences a biller can
// fix from ("Charges row 14, DOS: ..."), with the count of the rest; and money posted twice, with
// what to undo.
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { NoticeBar } from "../NoticeBar";
import { plural } from "../billerMessage";
import type { RowCheck } from "./rowCheck";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tables: {
    display: "grid",
    gridTemplateColumns: "auto auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
  },
  count: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    maxHeight: "320px",
    overflowY: "auto",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingRight: tokens.spacingHorizontalS,
  },
  item: { overflowWrap: "anywhere", paddingTop: "2px", paddingBottom: "2px" },
});

export interface RowCheckResultsProps {
  check: RowCheck;
  onDismiss: () => void;
}

export function RowCheckResults({ check, onDismiss }: RowCheckResultsProps) {
  const styles = useStyles();
  const rows = check.tables.reduce((n, t) => n + t.rowsChecked, 0);
  const badRows = check.tables.reduce((n, t) => n + t.rowsWithIssues, 0);
  return (
    <section className={styles.root} aria-label="Row check">
      {check.issueCount === 0 ? (
        <NoticeBar
          notice={{
            intent: "success",
            title: "Rows checked",
            body: `All ${plural(rows, "row")} in ${plural(check.tables.length, "table")} passed the checks.`,
          }}
          onDismiss={onDismiss}
        />
      ) : (
        <NoticeBar
          notice={{
            intent: "warning",
            title: "Rows to fix",
            body: `${plural(check.issueCount, "issue")} in ${plural(badRows, "row")} of ${plural(rows, "row")} checked. Rows with an issue are left out of billing until they are fixed.`,
          }}
          onDismiss={onDismiss}
        />
      )}
      {check.duplicates.length > 0 && (
        <>
          <NoticeBar
            notice={{
              intent: "warning",
              title: "Posted twice",
              body: `${plural(check.duplicates.length, "payment")} ${check.duplicates.length === 1 ? "looks" : "look"} posted twice (two people posting the same remittance at once, or a check keyed in twice). Undo as each line says.`,
            }}
          />
          <ul className={styles.list} aria-label="Posted twice">
            {check.duplicates.map((line, i) => (
              <li key={i} className={styles.item}>
                {line}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.tables}>
        {check.tables.map((t) => (
          <TableLine key={t.table} table={t.table} rows={t.rowsChecked} issues={t.issues} />
        ))}
      </div>
      {check.shown.length > 0 && (
        <>
          <Caption1>
            {check.shown.length < check.issueCount
              ? `The first ${check.shown.length} of ${plural(check.issueCount, "issue")}:`
              : `${plural(check.issueCount, "issue")}:`}
          </Caption1>
          <ol className={styles.list} aria-label="Row issues">
            {check.shown.map((line, i) => (
              <li key={i} className={styles.item}>
                {line}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function TableLine({ table, rows, issues }: { table: string; rows: number; issues: number }) {
  const styles = useStyles();
  return (
    <>
      <Text size={200}>{table}</Text>
      <Text size={200} className={styles.count}>
        {plural(rows, "row")}
      </Text>
      <Text size={200} className={issues > 0 ? styles.bad : styles.ok}>
        {issues > 0 ? plural(issues, "issue") : "no issues"}
      </Text>
    </>
  );
}
