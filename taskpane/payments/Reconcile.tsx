// Reconcile: for a date range, each deposit (payments by date, method and reference) against what
// was posted from it and what is still unapplied, the ones that don't tie out first and marked; and
// the payments holding an unapplied credit, each with a Refund that previews before it posts. This
// container keeps the range and the refund being entered; DepositList, CreditList and RefundForm
// draw them.
import { useMemo, useState, type KeyboardEvent } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import { paymentStatuses, type PaymentStatus } from "../../src/ledger/balances";
import { reconcileDeposits } from "../../src/ledger/depositReconciliation";
import { refundPlan, type PlanResult } from "../../src/ledger/postingPlans";
import { formLayout } from "../formLayout";
import { TextField } from "../LabelledField";
import { sourceNamer, type PaymentBooks, type PostPreviewed } from "./paymentBooks";
import {
  creditsToRefund,
  defaultRange,
  newRefundForm,
  readRange,
  readRefundForm,
  type RefundForm as RefundFormValues,
} from "./reconcileView";
import { CreditList } from "./CreditList";
import { DepositList } from "./DepositList";
import { RefundForm, type Refunding } from "./RefundForm";

const useStyles = makeStyles(formLayout);

export interface ReconcileProps {
  books: PaymentBooks;
  busy: boolean;
  onPost: PostPreviewed;
}

export function Reconcile({ books, busy, onPost }: ReconcileProps) {
  const styles = useStyles();
  const [typed, setTyped] = useState(() => defaultRange(books.ctx.today));
  const [range, setRange] = useState(() => defaultRange(books.ctx.today));
  const [rangeErrors, setRangeErrors] = useState<{ from?: string; to?: string }>({});
  const [refunding, setRefunding] = useState<Refunding>();
  const [review, setReview] = useState<PlanResult>();
  // A review is of the books it was made on: books read again (a refusal, Refresh) drop it, so only a plan of the current books is posted.
  const [reviewedOn, setReviewedOn] = useState(books);
  if (reviewedOn !== books) {
    setReviewedOn(books);
    setReview(undefined);
  }

  const result = useMemo(() => reconcileDeposits(books.ledger, range.from, range.to), [books, range]);
  const credits = useMemo(() => creditsToRefund(paymentStatuses(books.ledger)), [books]);
  const fromName = useMemo(() => sourceNamer(books), [books]);

  const reconcile = () => {
    const read = readRange(typed.from, typed.to, books.ctx.dateSystem);
    if (!read.ok) {
      setRangeErrors({ from: read.from, to: read.to });
      return;
    }
    setRangeErrors({});
    setRange({ from: read.from, to: read.to });
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      reconcile();
    }
  };

  const startRefund = (credit: PaymentStatus) => {
    setRefunding({ paymentId: credit.paymentId, form: newRefundForm(credit, todayIso()), errors: {} });
    setReview(undefined);
  };
  const changeRefund = (change: Partial<RefundFormValues>) => {
    setRefunding((r) => r && { ...r, form: { ...r.form, ...change } });
    setReview(undefined);
  };
  const previewRefund = () => {
    if (!refunding) return;
    const read = readRefundForm(refunding.paymentId, refunding.form, books.ctx.dateSystem);
    if (!read.ok) {
      setRefunding({ ...refunding, errors: read.errors });
      return;
    }
    setRefunding({ ...refunding, errors: {} });
    setReview(refundPlan(books.ledger, { ...books.ctx, today: todayIso() }, read.refund));
  };
  const post = async () => {
    if (!review?.ok) return;
    if (await onPost(review, "refund")) {
      setRefunding(undefined);
      setReview(undefined);
    }
  };

  const closeRefund = () => {
    setRefunding(undefined);
    setReview(undefined);
  };

  return (
    <div className={styles.root}>
      <div className={styles.fields}>
        <TextField
          label="Deposits from"
          error={rangeErrors.from}
          value={typed.from}
          onChange={(from) => setTyped((t) => ({ ...t, from }))}
          onKeyDown={onKey}
          disabled={busy}
        />
        <TextField
          label="To"
          error={rangeErrors.to}
          value={typed.to}
          onChange={(to) => setTyped((t) => ({ ...t, to }))}
          onKeyDown={onKey}
          disabled={busy}
        />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowSyncRegular />} onClick={reconcile} disabled={busy}>
          Reconcile
        </Button>
      </div>
      <DepositList range={range} result={result} />
      <CreditList
        credits={credits}
        fromName={fromName}
        refundingId={refunding?.paymentId}
        refundForm={
          refunding && (
            <RefundForm
              refunding={refunding}
              review={review}
              onChange={changeRefund}
              onPreview={previewRefund}
              onPost={() => void post()}
              onCancel={closeRefund}
              onCancelReview={() => setReview(undefined)}
              busy={busy}
            />
          )
        }
        onRefund={startRefund}
        busy={busy}
      />
    </div>
  );
}
