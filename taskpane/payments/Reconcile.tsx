// Reconcile: for a date range, each deposit (payments by date, method and reference) against what
// was posted from it and what is still unapplied, the ones that don't tie out first and marked; and
// the payments holding an unapplied credit, each with a Refund that previews before it posts.
import { useMemo, useState, type KeyboardEvent } from "react";
import { Button, Caption1, Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, EyeRegular, WarningRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import { formatMoney, type Cents } from "../../src/money";
import { paymentStatuses, type PaymentStatus } from "../../src/ledger/balances";
import { reconcileDeposits } from "../../src/ledger/depositReconciliation";
import { refundPlan, type PlanResult } from "../../src/ledger/postingPlans";
import { sentence } from "../billerMessage";
import { fieldValidation } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { sourceNamer, type PaymentBooks, type PostPreviewed } from "./paymentBooks";
import { METHODS, type Method } from "./paymentForm";
import {
  creditsToRefund,
  defaultRange,
  depositName,
  depositsInOrder,
  newRefundForm,
  readRange,
  readRefundForm,
  reconcileHeadline,
  type RefundForm,
} from "./reconcileView";
import { PlanReview } from "./PlanReview";

const useStyles = makeStyles({
  ...formLayout,
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  notTied: { borderLeftColor: tokens.colorPaletteRedBorder2, backgroundColor: tokens.colorPaletteRedBackground1 },
  top: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, alignSelf: "center" },
  figures: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalXS },
  figure: { display: "flex", flexDirection: "column", minWidth: 0 },
  label: { color: tokens.colorNeutralForeground3 },
  value: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  problem: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  refund: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalXS,
  },
});

/** Payments with a credit the view lists at once. */
const CREDITS_SHOWN = 50;

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
  const [refunding, setRefunding] = useState<{ paymentId: string; form: RefundForm; errors: { amount?: string; date?: string } }>();
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
  const changeRefund = (change: Partial<RefundForm>) => {
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

  const dateField = (which: "from" | "to", label: string) => (
    <Field label={label} className={styles.field} {...fieldValidation(rangeErrors[which])}>
      <Input
        className={styles.control}
        value={typed[which]}
        onChange={(_, data) => setTyped((t) => ({ ...t, [which]: data.value }))}
        onKeyDown={onKey}
        disabled={busy}
      />
    </Field>
  );

  return (
    <div className={styles.root}>
      <div className={styles.fields}>
        {dateField("from", "Deposits from")}
        {dateField("to", "To")}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowSyncRegular />} onClick={reconcile} disabled={busy}>
          Reconcile
        </Button>
      </div>

      <section aria-label="Deposits" className={styles.root}>
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

      <section aria-label="Unapplied credits" className={styles.root}>
        <Text as="h3" weight="semibold" className={styles.heading}>
          Payments with money not applied
        </Text>
        {credits.length === 0 ? (
          <Caption1 className={styles.hint}>Every payment is applied in full: no credit to refund.</Caption1>
        ) : (
          <>
            <Caption1 className={styles.hint}>
              Unapplied money stays on its payment as a credit: apply it to a line on Post, or refund it here.
              {credits.length > CREDITS_SHOWN && ` The oldest ${CREDITS_SHOWN} of ${credits.length.toLocaleString("en-US")}:`}
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
                  {refunding?.paymentId === c.paymentId ? (
                    <div className={styles.refund}>
                      <div className={styles.fields}>
                        <Field label="Refund amount" className={styles.field} {...fieldValidation(refunding.errors.amount)}>
                          <Input
                            className={styles.control}
                            size="small"
                            value={refunding.form.amount}
                            onChange={(_, data) => changeRefund({ amount: data.value })}
                            disabled={busy}
                          />
                        </Field>
                        <Field label="Refund date" className={styles.field} {...fieldValidation(refunding.errors.date)}>
                          <Input
                            className={styles.control}
                            size="small"
                            value={refunding.form.date}
                            onChange={(_, data) => changeRefund({ date: data.value })}
                            disabled={busy}
                          />
                        </Field>
                        <Field label="Paid back by" className={styles.field}>
                          <Select
                            className={styles.control}
                            size="small"
                            value={refunding.form.method}
                            onChange={(_, data) => changeRefund({ method: data.value as Method })}
                            disabled={busy}
                          >
                            {METHODS.map((m) => (
                              <option key={m} value={m}>
                                {m}
                              </option>
                            ))}
                          </Select>
                        </Field>
                        <Field label="Check number" className={styles.field}>
                          <Input
                            className={styles.control}
                            size="small"
                            value={refunding.form.reference}
                            onChange={(_, data) => changeRefund({ reference: data.value })}
                            disabled={busy}
                          />
                        </Field>
                      </div>
                      <div className={styles.actions}>
                        <Button size="small" appearance="primary" icon={<EyeRegular />} onClick={previewRefund} disabled={busy}>
                          Preview refund
                        </Button>
                        <Button
                          size="small"
                          onClick={() => {
                            setRefunding(undefined);
                            setReview(undefined);
                          }}
                          disabled={busy}
                        >
                          Cancel
                        </Button>
                      </div>
                      {review && (
                        <PlanReview
                          result={review}
                          postLabel="Post refund"
                          onPost={post}
                          onCancel={() => setReview(undefined)}
                          busy={busy}
                        />
                      )}
                    </div>
                  ) : (
                    <div className={styles.actions}>
                      <Button size="small" onClick={() => startRefund(c)} disabled={busy} aria-label={`Refund ${c.paymentId}`}>
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
    </div>
  );
}

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
