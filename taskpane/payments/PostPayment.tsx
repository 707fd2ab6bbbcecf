// Enter a payment and apply it: who it is from (a payer, or a patient found by name or ID), date,
// method, reference and amount; the open lines of that payer or patient with what to post on each;
// "Apply oldest first" for a patient; a running applied / unapplied total; Preview, then Post.
// The plan posted is the one previewed: any change to the form takes the preview away. This
// container keeps the form and the review; the pieces draw them (PaymentFields, OpenLinesSection,
// AppliedTotals, PlanReview).
import { useMemo, useState } from "react";
import { Button, Caption1, makeStyles } from "@fluentui/react-components";
import { DismissRegular, EyeRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import { openLines, patientPaymentPlan, type PlanResult } from "../../src/ledger/postingPlans";
import { FixMarkedFields } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { openLineViews, type PaymentBooks, type PostPreviewed } from "./paymentBooks";
import {
  entriesFromPreview,
  isPatientSource,
  newPaymentForm,
  paymentPlan,
  readPaymentForm,
  runningTotals,
  totalsText,
  type FormErrors,
  type LineEntries,
  type LineEntry,
  type PaymentForm,
  type PaymentSource,
} from "./paymentForm";
import { AppliedTotals } from "./AppliedTotals";
import { OpenLinesSection } from "./OpenLinesSection";
import { PaymentFields, type PaymentFromKind } from "./PaymentFields";
import { PlanReview } from "./PlanReview";

const useStyles = makeStyles(formLayout);

const NO_ERRORS: FormErrors = { payment: {}, lines: {} };

export interface PostPaymentProps {
  books: PaymentBooks;
  busy: boolean;
  /** Applies an accepted plan; resolves true once it is written and the books are read again. */
  onPost: PostPreviewed;
}

export function PostPayment({ books, busy, onPost }: PostPaymentProps) {
  const styles = useStyles();
  const [form, setForm] = useState<PaymentForm>(() => newPaymentForm(books.ctx.today));
  const [entries, setEntries] = useState<LineEntries>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [review, setReview] = useState<PlanResult>();
  // A review is of the books it was made on: books read again (a refusal, Refresh) drop it, so only a plan of the current books is posted.
  const [reviewedOn, setReviewedOn] = useState(books);
  if (reviewedOn !== books) {
    setReviewedOn(books);
    setReview(undefined);
  }
  const [patientQuery, setPatientQuery] = useState("");
  const [kind, setKind] = useState<PaymentFromKind>("payer");
  const patientPayment = isPatientSource(form.from);

  const open = useMemo(
    () => (form.from ? openLineViews(books.ledger, openLines(books.ledger, form.from), books.patients) : []),
    [books, form.from],
  );
  const before = useMemo(() => new Map(books.lines.map((l) => [l.chargeId, l])), [books]);
  const totals = totalsText(
    runningTotals(
      form,
      entries,
      open.map((l) => l.patientShare),
    ),
  );
  const errorCount = Object.keys(errors.payment).length + Object.values(errors.lines).reduce((n, e) => n + Object.keys(e).length, 0);

  // Any change to what will be posted takes the preview away: Post writes only what was previewed.
  const change = (next: Partial<PaymentForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setReview(undefined);
  };
  const changeLine = (chargeId: string, entry: LineEntry) => {
    setEntries((e) => ({ ...e, [chargeId]: entry }));
    setReview(undefined);
  };
  // Another payer or patient: what was entered on the old one's lines goes (and the line filter, with the section).
  const changeFrom = (from: PaymentSource | undefined) => {
    setEntries({});
    change({ from });
  };
  const chooseKind = (next: PaymentFromKind) => {
    setKind(next);
    setErrors(NO_ERRORS);
    setPatientQuery("");
    changeFrom(undefined);
  };

  const context = () => ({ ...books.ctx, today: todayIso() });

  const preview = () => {
    const inputs = readPaymentForm(
      form,
      entries,
      open.map((l) => l.chargeId),
      books.ctx.dateSystem,
    );
    if (!inputs.ok) {
      setErrors(inputs.errors);
      setReview(undefined);
      return;
    }
    setErrors(NO_ERRORS);
    setReview(paymentPlan(books.ledger, context(), inputs));
  };

  // Fill the lines the way the engine applies a patient's payment, and show that plan at once.
  const applyOldestFirst = () => {
    const inputs = readPaymentForm(form, {}, [], books.ctx.dateSystem);
    if (!inputs.ok) {
      setErrors(inputs.errors);
      setReview(undefined);
      return;
    }
    setErrors(NO_ERRORS);
    const result = patientPaymentPlan(books.ledger, context(), inputs.payment, "oldest-first");
    if (result.ok) setEntries(entriesFromPreview(result.preview, entries));
    setReview(result);
  };

  const post = async () => {
    if (!review?.ok) return;
    if (await onPost(review, "payment")) {
      setForm((f) => ({ ...f, amount: "", reference: "" }));
      setEntries({});
      setReview(undefined);
    }
  };

  const clear = () => {
    setForm((f) => newPaymentForm(books.ctx.today, f.from));
    setEntries({});
    setErrors(NO_ERRORS);
    setReview(undefined);
  };

  return (
    <div className={styles.root}>
      <PaymentFields
        books={books}
        form={form}
        errors={errors.payment}
        kind={kind}
        onKind={chooseKind}
        patientQuery={patientQuery}
        onPatientQuery={setPatientQuery}
        onFrom={changeFrom}
        onChange={change}
        onPreview={preview}
        disabled={busy}
      />
      {form.from && (
        <OpenLinesSection
          key={"payerId" in form.from ? `payer:${form.from.payerId}` : `patient:${form.from.patientId}`}
          open={open}
          patientPayment={patientPayment}
          entries={entries}
          errors={errors.lines}
          onChangeLine={changeLine}
          onApplyOldestFirst={applyOldestFirst}
          disabled={busy}
        />
      )}
      <AppliedTotals totals={totals} />

      <FixMarkedFields count={errorCount} then="preview" />
      <div className={styles.actions}>
        <Button appearance="primary" icon={<EyeRegular />} onClick={preview} disabled={busy}>
          Preview
        </Button>
        <Button icon={<DismissRegular />} onClick={clear} disabled={busy}>
          Clear
        </Button>
      </div>
      {patientPayment && !Object.values(entries).some((e) => e.paid.trim() !== "") && (
        <Caption1 className={styles.hint}>With no line filled in, a patient's payment goes to the oldest date of service first.</Caption1>
      )}
      {review && (
        <PlanReview
          result={review}
          before={before}
          postLabel="Post payment"
          onPost={post}
          onCancel={() => setReview(undefined)}
          busy={busy}
        />
      )}
    </div>
  );
}
