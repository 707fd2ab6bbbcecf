// The refund of one payment's credit, opened under it in Reconcile: the amount (the whole credit to
// start), date, how it was paid back, the check number and the reason the refund register requires;
// Preview refund, then the review with Post.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { EyeRegular } from "@fluentui/react-icons";
import type { PlanResult } from "../../src/ledger/postingPlans";
import { formLayout } from "../formLayout";
import { ChoiceField, TextField } from "../LabelledField";
import { METHODS } from "./paymentForm";
import { PlanReview } from "./PlanReview";
import type { RefundForm as RefundFormValues } from "./reconcileView";

const useStyles = makeStyles({
  ...formLayout,
  refund: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
});

/** The refund being entered, on which payment, and what does not read. */
export interface Refunding {
  paymentId: string;
  form: RefundFormValues;
  errors: { amount?: string; date?: string; reason?: string };
}

export interface RefundFormProps {
  refunding: Refunding;
  review: PlanResult | undefined;
  onChange: (change: Partial<RefundFormValues>) => void;
  onPreview: () => void;
  onPost: () => void;
  /** Close the refund (and its review). */
  onCancel: () => void;
  /** Take the review away, keeping what was entered. */
  onCancelReview: () => void;
  busy: boolean;
}

export function RefundForm({ refunding, review, onChange, onPreview, onPost, onCancel, onCancelReview, busy }: RefundFormProps) {
  const styles = useStyles();
  const { form, errors } = refunding;
  return (
    <div className={styles.refund}>
      <div className={styles.fields}>
        <TextField
          label="Refund amount"
          size="small"
          error={errors.amount}
          value={form.amount}
          onChange={(amount) => onChange({ amount })}
          disabled={busy}
        />
        <TextField
          label="Refund date"
          size="small"
          error={errors.date}
          value={form.date}
          onChange={(date) => onChange({ date })}
          disabled={busy}
        />
        <ChoiceField
          label="Paid back by"
          size="small"
          value={form.method}
          options={METHODS.map((m) => ({ value: m, label: m }))}
          onChange={(method) => onChange({ method })}
          disabled={busy}
        />
        <TextField
          label="Check number"
          size="small"
          value={form.reference}
          onChange={(reference) => onChange({ reference })}
          disabled={busy}
        />
        <TextField
          label="Reason"
          size="small"
          error={errors.reason}
          value={form.reason}
          onChange={(reason) => onChange({ reason })}
          disabled={busy}
        />
      </div>
      <div className={styles.actions}>
        <Button size="small" appearance="primary" icon={<EyeRegular />} onClick={onPreview} disabled={busy}>
          Preview refund
        </Button>
        <Button size="small" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
      {review && <PlanReview result={review} postLabel="Post refund" onPost={onPost} onCancel={onCancelReview} busy={busy} />}
    </div>
  );
}
