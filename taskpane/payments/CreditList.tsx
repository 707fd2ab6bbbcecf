// Reconcile's payments holding money not applied to any line, oldest first: each with who paid, how,
// what was paid, applied and refunded, and Refund…, which opens the refund form under it.
import type { ReactNode } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoney } from "../../src/money";
import type { PaymentStatus } from "../../src/ledger/balances";
import { count } from "../billerMessage";
import { formLayout } from "../formLayout";
import { reconcileLayout } from "./reconcileLayout";

const useStyles = makeStyles({
  ...reconcileLayout,
  hint: formLayout.hint,
  actions: formLayout.actions,
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
});

/** Payments with a credit the view lists at once. */
const CREDITS_SHOWN = 50;

export interface CreditListProps {
  credits: PaymentStatus[];
  /** Names a payment's From ("Aetna (AET01)"). */
  fromName: (id: string) => string;
  /** The payment whose refund is open, drawn by `refundForm`. */
  refundingId: string | undefined;
  refundForm: ReactNode;
  onRefund: (credit: PaymentStatus) => void;
  busy: boolean;
}

export function CreditList({ credits, fromName, refundingId, refundForm, onRefund, busy }: CreditListProps) {
  const styles = useStyles();
  return (
    <section aria-label="Unapplied credits" className={styles.section}>
      <Text as="h3" weight="semibold" className={styles.heading}>
        Payments with money not applied
      </Text>
      {credits.length === 0 ? (
        <Caption1 className={styles.hint}>Every payment is applied in full: no credit to refund.</Caption1>
      ) : (
        <>
          <Caption1 className={styles.hint}>
            Unapplied money stays on its payment as a credit: apply it to a line on Post, or refund it here.
            {credits.length > CREDITS_SHOWN && ` The oldest ${CREDITS_SHOWN} of ${count(credits.length)}:`}
          </Caption1>
          <ul className={styles.list} aria-label="Credits">
            {credits.slice(0, CREDITS_SHOWN).map((c) => (
              <li key={c.paymentId} className={styles.item} data-payment={c.paymentId}>
                <div className={styles.top}>
                  <Text size={300} className={styles.name}>
                    {c.paymentId} · {c.date}
                  </Text>
                  <Text size={300} className={styles.amount}>
                    {formatMoney(c.unapplied)}
                  </Text>
                </div>
                <Caption1 className={styles.sub}>
                  From {fromName(c.from)}
                  {c.method ? ` · ${c.method}${c.reference ? ` ${c.reference}` : ""}` : ""} · paid {formatMoney(c.amount)}, applied{" "}
                  {formatMoney(c.applied)}
                  {c.refunded !== 0 ? `, refunded ${formatMoney(c.refunded)}` : ""}
                </Caption1>
                {refundingId === c.paymentId ? (
                  refundForm
                ) : (
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => onRefund(c)} disabled={busy} aria-label={`Refund ${c.paymentId}`}>
                      Refund…
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
