// What the Reports panel shows once a report is written: for the aging, the headline figures (total
// A/R with its insurance and patient shares, % over 90 days, days in A/R), what was kept apart or
// left out, and the chart; for the KPIs, each figure with its definition a hover away, then the top
// five denial reasons (claims and share, the reason in words a hover away) and the five payers with
// the highest denial rates (the sheet has them all); for the collections worklist, one sentence. The ledger's problems come first, as a warning with a count.
// Compact for a 320-pixel pane: figures wrap, nothing scrolls sideways.
import { useMemo } from "react";
import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { NoticeBar } from "../NoticeBar";
import { AgingChart } from "./AgingChart";
import type { ReportOutcome } from "./reportRun";
import { agingChartView, agingHeadline, collectionsSummary, kpiRows, percentText, problemsNotice } from "./reportView";

/** How many denial reasons and payers the pane lists; the sheet has every one. */
const TOP = 5;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  parameters: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // Total A/R spans the row: a seven-figure amount needs the width.
  wide: { gridColumn: "1 / -1" },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
  },
  detail: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  notes: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  kpis: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  kpiName: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
  },
  kpiValue: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "right",
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
  },
  caption: {
    textAlign: "left",
    paddingBottom: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  summary: { overflowWrap: "anywhere" },
  parameterList: { display: "flex", flexDirection: "column", color: tokens.colorNeutralForeground3 },
  together: { whiteSpace: "nowrap" },
});

// Dates (2026-10-31) and bucket ranges (31-60): a line may break at their hyphens, which a narrow pane does.
const UNBROKEN = /(\d{4}-\d{2}-\d{2}|\d+-\d+)/;

/** The text with its dates and bucket ranges kept on one line each; the text itself is unchanged. */
export function KeepTogether({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <>
      {text.split(UNBROKEN).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className={styles.together}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

export interface ReportResultsProps {
  outcome: ReportOutcome;
}

export function ReportResults({ outcome }: ReportResultsProps) {
  const styles = useStyles();
  const problems = problemsNotice(outcome.problems);
  const aging = outcome.kind === "aging" ? outcome : undefined;
  const headline = useMemo(
    () => (aging ? agingHeadline(aging.report, aging.kpis, aging.request.kind === "aging" ? aging.request.by : undefined) : undefined),
    [aging],
  );
  const chart = useMemo(() => (aging ? agingChartView(aging.report.buckets, aging.series) : undefined), [aging]);

  return (
    <section className={styles.root} aria-label="Report results">
      {problems && <NoticeBar notice={{ intent: "warning", ...problems }} />}
      {headline && (
        <>
          <Caption1 className={styles.parameterList}>
            {headline.parameters.map((line) => (
              <span key={line}>
                <KeepTogether text={line} />
              </span>
            ))}
          </Caption1>
          <dl className={styles.figures} aria-label="Headline figures">
            {headline.figures.map((f) => (
              <div key={f.id} className={mergeClasses(styles.figure, f.id === "total" && styles.wide)}>
                <dt className={styles.label}>{f.label}</dt>
                <dd className={styles.value} data-figure={f.id}>
                  {f.value}
                </dd>
                <dd className={styles.detail}>{f.detail}</dd>
              </div>
            ))}
          </dl>
          <ul className={styles.notes} aria-label="Kept apart">
            {headline.notes.map((note) => (
              <li key={note}>
                <KeepTogether text={note} />
              </li>
            ))}
          </ul>
        </>
      )}
      {chart && <AgingChart view={chart} />}
      {outcome.kind === "kpis" && (
        <>
          <Caption1 className={styles.parameters}>
            {outcome.kpis.from} to {outcome.kpis.to}, as of {outcome.kpis.asOf}
          </Caption1>
          <table className={styles.kpis} aria-label="Practice KPIs">
            <tbody>
              {kpiRows(outcome.kpis).map((k) => (
                <tr key={k.name} title={k.definition}>
                  <th scope="row" className={styles.kpiName}>
                    {k.name}
                  </th>
                  <td className={styles.kpiValue}>{k.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {outcome.kpis.denialsByReason.length > 0 && (
            <table className={styles.kpis} aria-label="Top denial reasons">
              <caption className={styles.caption}>Top denial reasons</caption>
              <tbody>
                {outcome.kpis.denialsByReason.slice(0, TOP).map((r) => (
                  <tr key={r.reason} title={r.words}>
                    <th scope="row" className={styles.kpiName}>
                      {r.reason}
                    </th>
                    <td className={styles.kpiValue}>
                      {r.claims} {r.claims === 1 ? "claim" : "claims"}, {percentText(r.percent)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {outcome.kpis.denialsByPayer.length > 0 && (
            <table className={styles.kpis} aria-label="Denial rate by payer">
              <caption className={styles.caption}>Denial rate by payer</caption>
              <tbody>
                {outcome.kpis.denialsByPayer.slice(0, TOP).map((p) => (
                  <tr key={p.payerId} title={`${p.denied} of ${p.adjudicated} adjudicated claims denied`}>
                    <th scope="row" className={styles.kpiName}>
                      {p.name}
                    </th>
                    <td className={styles.kpiValue}>{percentText(p.percent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Caption1 className={styles.parameters}>Each figure's definition and inputs are on the sheet, to check by hand.</Caption1>
        </>
      )}
      {outcome.kind === "collections" && outcome.request.kind === "collections" && (
        <Text className={styles.summary}>{collectionsSummary(outcome.list, outcome.request.minBalance, outcome.request.olderThan)}</Text>
      )}
    </section>
  );
}
