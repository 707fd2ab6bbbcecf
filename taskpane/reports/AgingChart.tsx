// The A/R chart in the pane: balances by age bucket, stacked by payer type. Chart.js is loaded the
// first time a chart is shown (a lazy chunk; see agingChartDraw.ts). For a screen reader the canvas
// is one image with a summary as its label, and a table of the same numbers follows, visually hidden.
// In Excel the report sheet has its own native chart as well; this one is the browser host's.
import { useEffect, useRef, useState } from "react";
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney } from "../../src/money";
import type { AgingChartView } from "./reportView";

const useStyles = makeStyles({
  root: { position: "relative", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, minWidth: 0 },
  // Chart.js sizes the canvas to this box (responsive), so the box sets the height and never overflows.
  box: { position: "relative", height: "260px", width: "100%", minWidth: 0 },
  canvas: { color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase },
  hint: { color: tokens.colorNeutralForeground3 },
  // Heard, not seen. Fixed layout keeps the table's cells inside the 1-pixel box instead of as wide as their text.
  visuallyHidden: {
    position: "absolute",
    left: 0,
    top: 0,
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
  hiddenTable: { tableLayout: "fixed", width: "1px" },
});

const loadDraw = () => import(/* webpackChunkName: "chart" */ "./agingChartDraw");

export interface AgingChartProps {
  view: AgingChartView;
}

export function AgingChart({ view }: AgingChartProps) {
  const styles = useStyles();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    let chart: { destroy(): void } | undefined;
    let gone = false;
    loadDraw()
      .then(({ drawAgingChart }) => {
        if (!gone) chart = drawAgingChart(target, view);
      })
      .catch(() => {
        if (!gone) setFailed(true);
      });
    return () => {
      gone = true;
      chart?.destroy();
      target.removeAttribute("data-drawn");
    };
  }, [view]);

  return (
    <figure className={styles.root}>
      <Text as="h3" size={300} weight="semibold">
        {view.title}
      </Text>
      <div className={styles.box}>
        <canvas ref={canvas} className={styles.canvas} role="img" aria-label={view.summary} data-testid="aging-chart" />
      </div>
      {failed && <Caption1 className={styles.hint}>The chart could not be drawn here; the report sheet has every figure.</Caption1>}
      <div className={styles.visuallyHidden}>
        <table className={styles.hiddenTable}>
          <caption>{view.title}, in dollars</caption>
          <thead>
            <tr>
              <th scope="col">Days</th>
              {view.series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {view.labels.map((label, b) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {view.series.map((s) => (
                  <td key={s.name}>{formatMoney(s.cents[b])}</td>
                ))}
                <td>{formatMoney(view.totals[b])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
