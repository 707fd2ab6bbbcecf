// The Patient accounts panel's credit balances and refunds (issue 17): the credits as of today,
// Medicare's first with a days-left badge (overdue said in red), each with how it arose; Refund… opens
// the refund form under it (who, amount prefilled, date, the required reason, an optional check
// number), previewed with the exact rows it adds (PlanReview) before Refund writes them. Below, the
// refund register, unpaid refunds first, each with Record check. The work is in creditsRun.ts, the
// words in creditsView.ts; the refund plan is the one the Post payments panel uses.
import { useMemo, useState } from "react";
import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { EyeRegular, ReceiptMoneyRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import type { CreditBalance } from "../../src/credits/creditBalances";
import type { PlanResult } from "../../src/ledger/postingRows";
import { borderedList, formLayout } from "../formLayout";
import { ChoiceField, TextField } from "../LabelledField";
import { sentence } from "../../src/sentences";
import type { PanelProps } from "../panelProps";
import { AccountSection, accountRow } from "./AccountSection";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { refusedMessage } from "../followup/followUpView";
import { PlanReview } from "../payments/PlanReview";
import {
  CREDITS_STAGE_LABEL,
  planRefund,
  postRefund,
  readCreditBooks,
  recordCheck,
  type CreditBooks,
  type CreditsStage,
} from "./creditsRun";
import {
  creditKey,
  creditRows,
  creditsHeadline,
  newCreditRefundForm,
  readCheckForm,
  readCreditRefundForm,
  registerRows,
  type CheckForm,
  type CreditRefundForm,
} from "./creditsView";

/** Credits and register rows listed at once (the CLI and the sheets have them all). */
const ROWS_SHOWN = 50;

const useStyles = makeStyles({
  ...formLayout,
  // The credits grow with the open refund form and its preview: never a box scrolling inside the pane.
  list: borderedList,
  register: { ...borderedList, maxHeight: "360px", overflowY: "auto" },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ...accountRow,
    overflowWrap: "anywhere",
  },
  top: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0 },
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
});

const TO_OPTIONS = [
  { value: "Patient" as const, label: "Patient" },
  { value: "Payer" as const, label: "Payer" },
];

export function CreditsSection({ workbook, onWorkbookChanged }: PanelProps) {
  const styles = useStyles();
  const op = useWorkbookOperation<CreditsStage>();
  const [books, setBooks] = useState<CreditBooks>();
  const [refunding, setRefunding] = useState<{
    credit: CreditBalance;
    form: CreditRefundForm;
    errors: Record<string, string | undefined>;
  }>();
  const [review, setReview] = useState<PlanResult>();
  const [checking, setChecking] = useState<{ refundId: string; form: CheckForm; errors: { check?: string; date?: string } }>();

  const load = async () => {
    const read = await op.run("reading", "Could not read the credits", () => readCreditBooks(workbook, todayIso()));
    if (!read) return false;
    setBooks(read);
    setRefunding(undefined);
    setReview(undefined);
    setChecking(undefined);
    return true;
  };

  const rows = useMemo(() => (books ? creditRows(books.credits.slice(0, ROWS_SHOWN)) : []), [books]);
  const register = useMemo(() => (books ? registerRows(books.register.entries).slice(0, ROWS_SHOWN) : []), [books]);

  const startRefund = (key: string) => {
    const credit = books?.credits.find((c) => creditKey(c) === key);
    if (!credit) return;
    setRefunding({ credit, form: newCreditRefundForm(credit, todayIso()), errors: {} });
    setReview(undefined);
  };
  const changeRefund = (change: Partial<CreditRefundForm>) => {
    setRefunding((r) => r && { ...r, form: { ...r.form, ...change } });
    setReview(undefined);
  };
  const preview = () => {
    if (!refunding || !books) return;
    const read = readCreditRefundForm(refunding.credit, refunding.form, books.ctx.dateSystem);
    if (!read.ok) return setRefunding({ ...refunding, errors: read.errors });
    setRefunding({ ...refunding, errors: {} });
    setReview(planRefund({ ...books, ctx: { ...books.ctx, today: todayIso() } }, read.refund));
  };
  const post = async () => {
    if (!books || !review?.ok) return;
    const done = await op.run(
      "writing",
      "The refund was not written",
      (steps) => steps.unlessChanged(postRefund(workbook, books, review)),
      {
        afterWrite: { title: "Refunded, but could not read the credits again", then: "Click Refresh before doing anything else." },
      },
    );
    if (!done?.ok) return;
    onWorkbookChanged?.(done.applied);
    const what = review.plan.what;
    if (await load()) op.say({ intent: "success", title: "Refund written", body: sentence(what) });
  };

  const saveCheck = async () => {
    if (!checking || !books) return;
    const read = readCheckForm(checking.form, books.ctx.dateSystem);
    if (!read.ok) return setChecking({ ...checking, errors: read.errors });
    const done = await op.run(
      "writing",
      "The check was not recorded",
      () => recordCheck(workbook, { refundId: checking.refundId, checkNumber: read.checkNumber, date: read.date }, todayIso()),
      { afterWrite: { title: "Recorded, but could not read the credits again", then: "Click Refresh before doing anything else." } },
    );
    if (!done) return;
    if (!done.ok) return op.say({ intent: "warning", title: "Nothing was recorded", body: refusedMessage(done.problems) });
    onWorkbookChanged?.(done.applied);
    if (await load()) op.say({ intent: "success", title: "Check recorded", body: sentence(done.what) });
  };

  return (
    <AccountSection
      title="Credit balances"
      label="Credit balances and refunds"
      showLabel="Show credits"
      loaded={books !== undefined}
      onLoad={() => void load()}
      op={op}
      stageLabel={CREDITS_STAGE_LABEL}
    >
      {books && (
        <>
          <Caption1 className={styles.hint}>{creditsHeadline(books.credits)}</Caption1>
          {rows.length > 0 && (
            <ul className={styles.list} aria-label="Credits">
              {rows.map((r) => (
                <li key={r.key} className={styles.row} data-credit={r.key}>
                  <div className={styles.top}>
                    <Text size={300} className={styles.name}>
                      {r.title}
                    </Text>
                    <Text size={300} className={styles.amount}>
                      {r.amount}
                    </Text>
                  </div>
                  {r.badge && (
                    <div className={styles.top}>
                      <Badge size="small" appearance={r.badge.overdue ? "filled" : "tint"} color={r.badge.overdue ? "danger" : "warning"}>
                        Medicare
                      </Badge>
                      <Caption1 className={r.badge.overdue ? styles.overdue : undefined}>{r.badge.text}</Caption1>
                    </div>
                  )}
                  <Caption1>{r.how}</Caption1>
                  <Caption1 className={styles.hint}>{r.identified}</Caption1>
                  {refunding && creditKey(refunding.credit) === r.key ? (
                    <div className={styles.form}>
                      <div className={styles.fields}>
                        <ChoiceField
                          label="Refund to"
                          size="small"
                          value={refunding.form.to}
                          options={TO_OPTIONS}
                          onChange={(to) => changeRefund({ to })}
                          disabled={op.busy}
                        />
                        <TextField
                          label="Amount"
                          size="small"
                          inputMode="decimal"
                          value={refunding.form.amount}
                          error={refunding.errors.amount}
                          onChange={(amount) => changeRefund({ amount })}
                          disabled={op.busy}
                        />
                        <TextField
                          label="Date"
                          size="small"
                          value={refunding.form.date}
                          error={refunding.errors.date}
                          onChange={(date) => changeRefund({ date })}
                          disabled={op.busy}
                        />
                        <TextField
                          label="Check #"
                          size="small"
                          value={refunding.form.check}
                          placeholder="Optional"
                          onChange={(check) => changeRefund({ check })}
                          disabled={op.busy}
                        />
                        <TextField
                          label="Reason"
                          size="small"
                          wide
                          value={refunding.form.reason}
                          placeholder="Why the money goes back"
                          error={refunding.errors.reason}
                          onChange={(reason) => changeRefund({ reason })}
                          disabled={op.busy}
                        />
                      </div>
                      <div className={styles.actions}>
                        <Button size="small" appearance="primary" icon={<EyeRegular />} onClick={preview} disabled={op.busy}>
                          Preview refund
                        </Button>
                        <Button size="small" onClick={() => (setRefunding(undefined), setReview(undefined))} disabled={op.busy}>
                          Cancel
                        </Button>
                      </div>
                      {review && (
                        <PlanReview
                          result={review}
                          postLabel="Refund"
                          onPost={() => void post()}
                          onCancel={() => setReview(undefined)}
                          busy={op.busy}
                        />
                      )}
                    </div>
                  ) : (
                    <div className={styles.actions}>
                      <Button size="small" onClick={() => startRefund(r.key)} disabled={op.busy} aria-label={`Refund ${r.title}`}>
                        Refund…
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Text weight="semibold">Refund register</Text>
          {register.length === 0 ? (
            <Caption1 className={styles.hint}>No refunds yet.</Caption1>
          ) : (
            <ul className={styles.register} aria-label="Refund register">
              {register.map((r) => (
                <li key={r.refundId} className={styles.row}>
                  <div className={styles.top}>
                    <Text size={300} className={styles.name}>
                      {r.title}
                    </Text>
                    <Text size={300} className={styles.amount}>
                      {r.amount}
                    </Text>
                  </div>
                  <Caption1 className={r.unpaid ? undefined : styles.hint}>{r.detail}</Caption1>
                  {r.unpaid &&
                    (checking?.refundId === r.refundId ? (
                      <div className={styles.form}>
                        <div className={styles.fields}>
                          <TextField
                            label="Check #"
                            size="small"
                            value={checking.form.check}
                            error={checking.errors.check}
                            onChange={(check) => setChecking({ ...checking, form: { ...checking.form, check } })}
                            disabled={op.busy}
                          />
                          <TextField
                            label="Paid date"
                            size="small"
                            value={checking.form.date}
                            error={checking.errors.date}
                            onChange={(date) => setChecking({ ...checking, form: { ...checking.form, date } })}
                            disabled={op.busy}
                          />
                        </div>
                        <div className={styles.actions}>
                          <Button size="small" appearance="primary" onClick={() => void saveCheck()} disabled={op.busy}>
                            Save check
                          </Button>
                          <Button size="small" onClick={() => setChecking(undefined)} disabled={op.busy}>
                            Cancel
                          </Button>
                        </div>
                      </div>
                    ) : (
                      <div className={styles.actions}>
                        <Button
                          size="small"
                          icon={<ReceiptMoneyRegular />}
                          onClick={() => setChecking({ refundId: r.refundId, form: { check: "", date: todayIso() }, errors: {} })}
                          disabled={op.busy}
                          aria-label={`Record check for ${r.refundId}`}
                        >
                          Record check
                        </Button>
                      </div>
                    ))}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </AccountSection>
  );
}
