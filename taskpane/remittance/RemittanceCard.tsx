// One payment of an 835 as the panel previews it: payer, check or EFT trace, method, amount and
// date; its claims with the payer's status and what will happen to each (once posted, what became
// of each); and the totals line by line, claims paid and each provider-level adjustment adding up to
// the payment, the figure that doesn't tie out in red. Compact enough for
// a 320-pixel pane: a claim is two or three short lines, never a wide table.
import { useState } from "react";
import { Badge, Button, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, ErrorCircleRegular } from "@fluentui/react-icons";
import { borderedList } from "../formLayout";
import type { ClaimView, RemittanceView, Tone } from "./remittanceView";

/** Claims listed at first; a file of thousands shows more on request. */
export const CLAIMS_SHOWN = 50;

const BADGE_COLOR: Record<Tone, "success" | "warning" | "danger" | "informative"> = {
  success: "success",
  warning: "warning",
  danger: "danger",
  info: "informative",
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  top: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, minWidth: 0 },
  payer: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  sub: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  callouts: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    ...borderedList,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  danger: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  claimId: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  name: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  badge: { flexShrink: 0 },
  figures: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  reason: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  money: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", textAlign: "right" },
  totals: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  totalCell: {
    padding: `1px ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
  },
  part: { paddingLeft: tokens.spacingHorizontalM, overflowWrap: "anywhere" },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  off: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  verdict: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, overflowWrap: "anywhere" },
  tied: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: "2px" },
  untied: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  more: { alignSelf: "flex-start" },
});

export interface RemittanceCardProps {
  view: RemittanceView;
}

export function RemittanceCard({ view }: RemittanceCardProps) {
  const styles = useStyles();
  const [shown, setShown] = useState(CLAIMS_SHOWN);
  const claims = view.claims.slice(0, shown);
  const rest = view.claims.length - claims.length;
  return (
    <section className={styles.root} aria-label={`Payment ${view.trace}`} data-ties={view.totals.ties ? "yes" : "no"}>
      <div className={styles.top}>
        <Text weight="semibold" className={styles.payer}>
          {view.payer}
        </Text>
        <Text weight="semibold" size={400} className={styles.amount} aria-label="Amount">
          {view.amount}
        </Text>
      </div>
      <Text size={200} className={styles.sub}>
        {view.paidBy}
      </Text>
      {view.alreadyPosted && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{view.alreadyPosted}</MessageBarBody>
        </MessageBar>
      )}
      <Text size={200} weight="semibold">
        {view.counts}
      </Text>
      {view.callouts.length > 0 && (
        <ul className={styles.callouts} aria-label="To look at">
          {view.callouts.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {claims.length > 0 && (
        <ul className={styles.list} aria-label="Claims">
          {claims.map((claim, i) => (
            <ClaimItem key={`${i}:${claim.patientControl}`} claim={claim} />
          ))}
        </ul>
      )}
      {rest > 0 && (
        <Button className={styles.more} size="small" appearance="subtle" onClick={() => setShown((n) => n + CLAIMS_SHOWN * 4)}>
          Show {Math.min(rest, CLAIMS_SHOWN * 4).toLocaleString("en-US")} more of {rest.toLocaleString("en-US")} claims
        </Button>
      )}
      <table className={styles.totals} aria-label="Totals">
        <tbody>
          {view.totals.lines.map((line, i) => (
            <tr key={`${i}:${line.label}`} className={line.off ? styles.off : undefined} data-off={line.off ? "yes" : undefined}>
              <th scope="row" className={mergeClasses(styles.totalCell, line.part && styles.part, line.total && styles.total)}>
                {line.label}
              </th>
              <td className={mergeClasses(styles.totalCell, styles.money, line.total && styles.total)}>{line.amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Text size={200} className={styles.verdict} aria-label="Tie-out">
        {view.totals.ties ? <CheckmarkCircleRegular className={styles.tied} /> : <ErrorCircleRegular className={styles.untied} />}
        <span className={view.totals.ties ? undefined : styles.reason}>{view.totals.text}</span>
      </Text>
    </section>
  );
}

function ClaimItem({ claim }: { claim: ClaimView }) {
  const styles = useStyles();
  return (
    <li
      className={mergeClasses(styles.item, claim.tone === "danger" && styles.danger, claim.tone === "warning" && styles.warning)}
      data-claim={claim.patientControl}
      data-outcome={claim.outcome}
    >
      <div className={styles.row}>
        <span className={styles.claimId}>{claim.patientControl}</span>
        <span className={styles.name}>{claim.patientName}</span>
        <Badge className={styles.badge} size="small" appearance="tint" color={BADGE_COLOR[claim.tone]}>
          {claim.outcomeLabel}
        </Badge>
      </div>
      <span className={styles.figures}>
        {claim.status} · charged {claim.charge} · paid {claim.paid}
      </span>
      {claim.reason && (
        <span className={claim.tone === "success" || claim.tone === "info" ? styles.note : styles.reason}>{claim.reason}</span>
      )}
    </li>
  );
}
