// The preview of a statement job: the headline (how many, which numbers, the total), the messages by
// age, who gets what (name and account, number, lines, pending insurance, amount due), and the
// accounts left out grouped by why, then named. When there is nothing to issue, that is said first
// and plainly, with the accounts left out below (after a batch is issued, the same date's preview
// lists every account just sent, with its number). Compact for a 320-pixel pane: nothing scrolls sideways.
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney } from "../../src/money";
import type { StatementBooks } from "../../src/statements/statementBooks";
import { NoticeBar } from "../NoticeBar";
import { KeepTogether } from "../reports/ReportResults";
import type { StatementPreview } from "./statementRun";
import { plural } from "../billerMessage";
import { messageCounts, nothingText, previewRows, previewSummary, skippedView, ROWS_SHOWN } from "./statementView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  summary: { overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { minWidth: 0, overflowWrap: "anywhere" },
  due: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold, textAlign: "right", whiteSpace: "nowrap" },
  detail: {
    gridColumn: "1 / -1",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  total: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontVariantNumeric: "tabular-nums",
  },
  heading: { margin: 0 },
  groups: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  skipped: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
});

export interface StatementPreviewListProps {
  preview: StatementPreview;
  books: Pick<StatementBooks, "payers">;
}

export function StatementPreviewList({ preview, books }: StatementPreviewListProps) {
  const styles = useStyles();
  const { documents } = preview;
  const rows = previewRows(documents);
  const skipped = skippedView(preview.skipped);
  const messages = messageCounts(documents);

  return (
    <section className={styles.root} aria-label="Statement preview">
      {preview.nothing ? (
        <NoticeBar notice={{ intent: "info", ...nothingText(preview, books) }} />
      ) : (
        <>
          <Text className={styles.summary} data-testid="preview-summary">
            {previewSummary(preview)}
          </Text>
          {messages && (
            <Caption1 className={styles.hint}>
              <KeepTogether text={messages} />
            </Caption1>
          )}
          <ul className={styles.list} aria-label="Who gets what">
            {rows.map((r) => (
              <li key={r.number} className={styles.row} data-account={r.account}>
                <span className={styles.who}>
                  {r.name || "(no name)"} · {r.account}
                </span>
                <span className={styles.due}>{r.amountDue}</span>
                <span className={styles.detail}>
                  {r.number} · {r.lines} · pending insurance {r.pending}
                  {r.noAddress && <span className={styles.warn}> · no address in Patients</span>}
                </span>
              </li>
            ))}
          </ul>
          {documents.length > rows.length && (
            <Caption1 className={styles.hint}>
              Showing the first {ROWS_SHOWN} of {documents.length.toLocaleString("en-US")}; the sheet will have every one.
            </Caption1>
          )}
          <div className={styles.total} aria-label="Total">
            <Text weight="semibold">Total, {plural(documents.length, documents[0].kind.toLowerCase())}</Text>
            <Text weight="semibold">{formatMoney(preview.total)}</Text>
          </div>
        </>
      )}
      {preview.skipped.length > 0 && (
        <>
          <Text as="h3" size={300} weight="semibold" className={styles.heading}>
            Left out: {plural(preview.skipped.length, "account")}
          </Text>
          <ul className={styles.groups} aria-label="Left out, by reason">
            {skipped.groups.map((g) => (
              <li key={g.reason}>
                {g.count.toLocaleString("en-US")} {g.reason}
              </li>
            ))}
          </ul>
          <ul className={styles.skipped} aria-label="Accounts left out">
            {skipped.shown.map((s) => (
              <li key={s.account}>
                <KeepTogether text={`${s.account}: ${s.reason}`} />
              </li>
            ))}
          </ul>
          {skipped.more > 0 && <Caption1 className={styles.hint}>… and {skipped.more.toLocaleString("en-US")} more.</Caption1>}
        </>
      )}
    </section>
  );
}
