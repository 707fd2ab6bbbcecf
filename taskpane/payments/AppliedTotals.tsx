// The running total under a payment's lines: what is applied and what stays unapplied as a credit,
// in red (with why) when more is applied than received or the amount is no payment, in orange when
// a patient pays more than the account owes.
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { totalsText } from "./paymentForm";

const useStyles = makeStyles({
  totals: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontVariantNumeric: "tabular-nums",
  },
  over: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function AppliedTotals({ totals }: { totals: ReturnType<typeof totalsText> }) {
  const styles = useStyles();
  return (
    <div className={styles.totals} aria-live="polite" aria-label="Applied and unapplied">
      <Text className={totals.over ? styles.over : undefined}>{totals.line}</Text>
      {totals.note && (
        <Caption1 className={totals.over ? styles.over : totals.warn ? styles.warn : styles.hint} data-testid="totals-note">
          {totals.note}
        </Caption1>
      )}
    </div>
  );
}
