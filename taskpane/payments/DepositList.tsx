// Reconcile's deposits for a date range: a headline, the totals, and each deposit (payments by
// date, method and reference) with what was deposited, posted from it and still unapplied; the ones
// that don't tie out come first, marked in red with why.
import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { WarningRegular } from "@fluentui/react-icons";
import { formatMoney, type Cents } from "../../src/money";
import type { reconcileDeposits } from "../../src/ledger/depositReconciliation";
import { sentence } from "../billerMessage";
import { reconcileLayout } from "./reconcileLayout";
import { depositName, depositsInOrder, reconcileHeadline } from "./reconcileView";

const useStyles = makeStyles({
  ...reconcileLayout,
  notTied: { borderLeftColor: tokens.colorPaletteRedBorder2, backgroundColor: tokens.colorPaletteRedBackground1 },
  warn: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, alignSelf: "center" },
  figures: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalXS },
  figure: { display: "flex", flexDirection: "column", minWidth: 0 },
  label: { color: tokens.colorNeutralForeground3 },
  value: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  problem: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

export interface DepositListProps {
  range: { from: string; to: string };
  result: ReturnType<typeof reconcileDeposits>;
}

export function DepositList({ range, result }: DepositListProps) {
  const styles = useStyles();
  return (
    <section aria-label="Deposits" className={styles.section}>
      <Text as="h3" weight="semibold" className={styles.heading}>
        Deposits {range.from} to {range.to}
      </Text>
      <Text size={300}>{reconcileHeadline(result.deposits.length, result.notTied.length)}</Text>
      {result.deposits.length > 0 && (
        <Figures deposited={result.totals.deposited} posted={result.totals.posted} unapplied={result.totals.unapplied} label="Totals" />
      )}
      {result.deposits.length > 0 && (
        <ul className={styles.list} aria-label="Deposit list">
          {depositsInOrder(result.deposits).map((d) => (
            <li
              key={`${d.date}|${d.method}|${d.reference}`}
              className={mergeClasses(styles.item, !d.ties && styles.notTied)}
              data-ties={d.ties ? "yes" : "no"}
            >
              <div className={styles.top}>
                {!d.ties && <WarningRegular className={styles.warn} aria-label="Doesn't tie out" />}
                <Text size={300} className={styles.name}>
                  {d.date} · {depositName(d)}
                </Text>
              </div>
              <Figures deposited={d.deposited} posted={d.posted} unapplied={d.unapplied} />
              <Caption1 className={styles.sub}>
                {d.payments.length === 1 ? `Payment ${d.payments[0]}` : `${d.payments.length} payments: ${d.payments.join(", ")}`}
              </Caption1>
              {d.problem && <Caption1 className={styles.problem}>{sentence(d.problem)}</Caption1>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Deposited, posted and unapplied side by side; bolder for the totals (which carry a label). */
function Figures({ deposited, posted, unapplied, label }: { deposited: Cents; posted: Cents; unapplied: Cents; label?: string }) {
  const styles = useStyles();
  const figure = (name: string, value: Cents) => (
    <div className={styles.figure}>
      <Caption1 className={styles.label}>{name}</Caption1>
      <Text size={label ? 300 : 200} weight={label ? "semibold" : "regular"} className={styles.value}>
        {formatMoney(value)}
      </Text>
    </div>
  );
  return (
    <div className={styles.figures} aria-label={label}>
      {figure("Deposited", deposited)}
      {figure("Posted", posted)}
      {figure("Unapplied", unapplied)}
    </div>
  );
}
