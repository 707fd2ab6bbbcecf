// Enter a payment and apply it: who it is from (a payer, or a patient found by name or ID), date,
// method, reference and amount; the open lines of that payer or patient with what to post on each;
// "Apply oldest first" for a patient; a running applied / unapplied total; Preview, then Post.
// The plan posted is the one previewed: any change to the form takes the preview away.
import { useMemo, useState, type KeyboardEvent } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowSortDownLinesRegular, DismissRegular, EyeRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import { formatMoney } from "../../src/money";
import { openLines, patientPaymentPlan, type PlanResult } from "../../src/ledger/postingPlans";
import { FixMarkedFields, fieldValidation } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { PatientSearch } from "../PatientSearch";
import { LINES_SHOWN, filterLines, openLineViews, type PaymentBooks, type PostPreviewed } from "./paymentBooks";
import {
  METHODS,
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
  type Method,
  type PaymentForm,
} from "./paymentForm";
import { OpenLineList } from "./OpenLineList";
import { PlanReview } from "./PlanReview";

const useStyles = makeStyles({
  ...formLayout,
  radios: { flexWrap: "wrap" },
  totals: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontVariantNumeric: "tabular-nums",
  },
  over: { color: tokens.colorPaletteRedForeground1 },
});

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
  const [lineQuery, setLineQuery] = useState("");

  const patientPayment = isPatientSource(form.from);
  const [kind, setKind] = useState<"payer" | "patient">("payer");

  const open = useMemo(
    () => (form.from ? openLineViews(books.ledger, openLines(books.ledger, form.from), books.patients) : []),
    [books, form.from],
  );
  const before = useMemo(() => new Map(books.lines.map((l) => [l.chargeId, l])), [books]);
  const shown = filterLines(open, lineQuery);
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
  const chooseKind = (next: "payer" | "patient") => {
    setKind(next);
    setEntries({});
    setErrors(NO_ERRORS);
    setPatientQuery("");
    setLineQuery("");
    change({ from: undefined });
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

  const onAmountKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      preview();
    }
  };

  // The form says "a payer, or a patient"; here the biller already picked which.
  const FROM_MISSING: Record<typeof kind, string> = {
    payer: "Choose the payer the money is from.",
    patient: "Find the patient: type a name or PatientID and pick them from the list.",
  };
  const fieldError = (field: keyof FormErrors["payment"]) =>
    fieldValidation(field === "from" && errors.payment.from ? FROM_MISSING[kind] : errors.payment[field]);

  const payer =
    form.from && !patientPayment ? books.payers.find((p) => "payerId" in form.from! && p.payerId === form.from.payerId) : undefined;

  return (
    <div className={styles.root}>
      <div className={styles.fields}>
        <Field label="Payment from" className={mergeClasses(styles.field, styles.wide)}>
          <RadioGroup
            layout="horizontal"
            className={styles.radios}
            value={kind}
            onChange={(_, data) => chooseKind(data.value as "payer" | "patient")}
            disabled={busy}
          >
            <Radio value="payer" label="Insurance payer" />
            <Radio value="patient" label="Patient" />
          </RadioGroup>
        </Field>
        {kind === "payer" ? (
          <Field label="Payer" className={mergeClasses(styles.field, styles.wide)} {...fieldError("from")}>
            <Select
              className={styles.control}
              value={payer?.payerId ?? ""}
              onChange={(_, data) => {
                setEntries({});
                setLineQuery("");
                change({ from: data.value ? { payerId: data.value } : undefined });
              }}
              disabled={busy}
            >
              <option value="">Choose a payer…</option>
              {books.payers.map((p) => (
                <option key={p.payerId} value={p.payerId}>
                  {p.name} ({p.payerId}) · open {formatMoney(p.open)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <PatientSearch
            label="Patient"
            patients={books.patients}
            picked={Boolean(form.from)}
            query={patientQuery}
            onQueryChange={setPatientQuery}
            onPick={(chosen) => {
              setEntries({});
              setLineQuery("");
              change({ from: { patientId: chosen.patientId } });
            }}
            onUnpick={() => {
              setEntries({});
              change({ from: undefined });
            }}
            noMatch="No patient matches"
            validation={fieldError("from")}
            className={mergeClasses(styles.field, styles.wide)}
            disabled={busy}
          />
        )}
        <Field label="Date received" className={styles.field} {...fieldError("date")}>
          <Input className={styles.control} value={form.date} onChange={(_, data) => change({ date: data.value })} disabled={busy} />
        </Field>
        <Field label="Method" className={styles.field}>
          <Select
            className={styles.control}
            value={form.method}
            onChange={(_, data) => change({ method: data.value as Method })}
            disabled={busy}
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Check or EFT #" className={styles.field}>
          <Input
            className={styles.control}
            value={form.reference}
            onChange={(_, data) => change({ reference: data.value })}
            disabled={busy}
          />
        </Field>
        <Field label="Amount" className={styles.field} {...fieldError("amount")}>
          <Input
            className={styles.control}
            inputMode="decimal"
            placeholder="$0.00"
            value={form.amount}
            onChange={(_, data) => change({ amount: data.value })}
            onKeyDown={onAmountKey}
            disabled={busy}
          />
        </Field>
      </div>

      {form.from && (
        <>
          <div className={styles.actions}>
            <Text weight="semibold">
              {open.length === 0 ? "No open lines" : `${open.length.toLocaleString("en-US")} open ${open.length === 1 ? "line" : "lines"}`}
            </Text>
            {patientPayment && (
              <Button size="small" icon={<ArrowSortDownLinesRegular />} onClick={applyOldestFirst} disabled={busy || open.length === 0}>
                Apply oldest first
              </Button>
            )}
          </div>
          {open.length > 8 && (
            <Field label="Find a line" hint="Claim, ChargeID, PatientID, code, date or patient name." className={styles.field}>
              <Input className={styles.control} size="small" value={lineQuery} onChange={(_, data) => setLineQuery(data.value)} />
            </Field>
          )}
          {shown.length > 0 && (
            <OpenLineList
              lines={shown.slice(0, LINES_SHOWN)}
              patientPayment={patientPayment}
              entries={entries}
              errors={errors.lines}
              onChange={changeLine}
              disabled={busy}
            />
          )}
          {shown.length > LINES_SHOWN && (
            <Caption1 className={styles.hint}>
              Showing the oldest {LINES_SHOWN} of {shown.length.toLocaleString("en-US")} lines: find a line to narrow them.
            </Caption1>
          )}
          {open.length === 0 && (
            <Caption1 className={styles.hint}>
              {patientPayment
                ? "This patient owes nothing now: a payment would stay on account as a credit."
                : "This payer has no open lines."}
            </Caption1>
          )}
        </>
      )}

      <div className={styles.totals} aria-live="polite" aria-label="Applied and unapplied">
        <Text className={totals.over ? styles.over : undefined}>{totals.line}</Text>
        {totals.note && (
          <Caption1 className={totals.over ? styles.over : styles.hint} data-testid="totals-note">
            {totals.note}
          </Caption1>
        )}
      </div>

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
