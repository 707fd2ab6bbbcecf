// What a posting plan will do, before it does it: the exact rows it adds (a small table per sheet),
// the balances the touched lines will have afterwards, and Post; or, when the plan is refused,
// every problem in a list; what the biller should know before posting (a patient paying more than
// the account owes) as a warning above Post. Shared by payments, reversals and refunds.
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons";
import { formatMoney } from "../../src/money";
import type { LineBalance } from "../../src/ledger/balances";
import type { PlanResult } from "../../src/ledger/postingPlans";
import { MONEY_COLUMNS, previewTables, type PreviewTable } from "./planPreview";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  shared: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  // Only the columns that hold something, and cells that wrap: a 320-pixel pane never scrolls sideways.
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  cell: {
    padding: `1px ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  head: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  // A record's column names: as wide as the longest needs, never wrapped mid-word.
  name: { width: "1%", whiteSpace: "nowrap", color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  recordStart: { "& > tr:first-child > *": { borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` } },
  money: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  remark: { color: tokens.colorNeutralForeground2 },
  after: { margin: 0, padding: 0, listStyleType: "none", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface PlanReviewProps {
  result: PlanResult;
  /** Balances before the plan, by ChargeID, to show each touched line's change. */
  before?: Map<string, LineBalance>;
  /** "Post payment", "Post reversal", "Post refund". */
  postLabel: string;
  onPost: () => void;
  onCancel: () => void;
  busy: boolean;
}

export function PlanReview({ result, before, postLabel, onPost, onCancel, busy }: PlanReviewProps) {
  const styles = useStyles();
  if (!result.ok) {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Nothing can be posted yet</MessageBarTitle>
          <ul className={styles.problems} aria-label="Problems">
            {result.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const remarks = result.preview.filter((row) => row.remark).map((row) => row.remark!);
  const warnings = result.preview.filter((row) => row.warning).map((row) => row.warning!);
  return (
    <section className={styles.root} aria-label="Preview">
      <Text weight="semibold">Preview: these rows will be added</Text>
      {previewTables(result.preview).map((sheet) => (
        <div key={sheet.table} className={styles.sheet}>
          <Text size={200} weight="semibold">
            {sheet.title}
          </Text>
          {sheet.shared.length > 0 && (
            <Text size={200} className={styles.shared}>
              Every row: {sheet.shared.map((s) => `${s.column} ${s.value}`).join(" · ")}
            </Text>
          )}
          {sheet.layout === "columns" ? <ColumnTable sheet={sheet} /> : <RecordTable sheet={sheet} />}
        </div>
      ))}
      {remarks.map((remark, i) => (
        <Text key={i} size={200} className={styles.remark}>
          {remark}
        </Text>
      ))}
      <Text size={200} className={styles.remark}>
        Plus one Audit row saying what was posted.
      </Text>
      {result.predicted.length > 0 && (
        <>
          <Text size={200} weight="semibold">
            Balances after posting
          </Text>
          <ul className={styles.after} aria-label="Balances after posting">
            {result.predicted.map((line) => {
              const was = before?.get(line.chargeId);
              return (
                <li key={line.chargeId}>
                  {line.chargeId} ({line.dos}): {was ? `${formatMoney(was.balance)} → ` : ""}
                  {formatMoney(line.balance)}, patient {formatMoney(line.patientShare)}, insurance {formatMoney(line.insuranceShare)}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {warnings.map((warning, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<CheckmarkRegular />} onClick={onPost} disabled={busy}>
          {postLabel}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </section>
  );
}

/** A row per new row, as in the sheet. */
function ColumnTable({ sheet }: { sheet: PreviewTable }) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={`New ${sheet.table} rows`} data-layout="columns">
      <thead>
        <tr>
          {sheet.columns.map((column) => (
            <th key={column} scope="col" className={mergeClasses(styles.cell, styles.head, MONEY_COLUMNS.has(column) && styles.money)}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sheet.rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((text, c) => (
              <td key={c} className={mergeClasses(styles.cell, MONEY_COLUMNS.has(sheet.columns[c]) && styles.money)}>
                {text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each new row as a block of column / value pairs: what a narrow pane can show of a wide row. */
function RecordTable({ sheet }: { sheet: PreviewTable }) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={`New ${sheet.table} rows`} data-layout="records">
      {sheet.rows.map((cells, r) => (
        <tbody key={r} className={r > 0 ? styles.recordStart : undefined}>
          {cells.map((text, c) =>
            text === "" ? null : (
              <tr key={c}>
                <th scope="row" className={mergeClasses(styles.cell, styles.name)}>
                  {sheet.columns[c]}
                </th>
                <td className={styles.cell}>{text}</td>
              </tr>
            ),
          )}
        </tbody>
      ))}
    </table>
  );
}
