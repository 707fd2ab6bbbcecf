// The Patient accounts panel's payment plans (issue 17): the plans with where each stands today, behind
// ones first, and "New payment plan": pick a patient (their balance shown), the installment, start date,
// day of the month and total (blank: the whole balance), a preview of the schedule, Create. The work is
// in paymentPlansRun.ts, the words in paymentPlansView.ts.
import { useMemo, useState } from "react";
import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import { formatMoney } from "../../src/money";
import { borderedList, formLayout } from "../formLayout";
import { fieldValidation } from "../FieldErrors";
import { TextField } from "../LabelledField";
import { sentence } from "../../src/sentences";
import type { PanelProps } from "../panelProps";
import { AccountSection, accountRow } from "./AccountSection";
import { PatientSearch } from "../PatientSearch";
import { patientLabel } from "../payments/paymentBooks";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { refusedMessage } from "../followup/followUpView";
import { createPaymentPlan, PLANS_STAGE_LABEL, readPlansPane, type PlansPane, type PlansStage } from "./paymentPlansRun";
import { newPlanForm, planRows, plansSummary, readPlanForm, schedulePreview, type PlanForm, type PlanFormErrors } from "./paymentPlansView";

const useStyles = makeStyles({
  ...formLayout,
  list: { ...borderedList, maxHeight: "280px", overflowY: "auto" },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ...accountRow,
    overflowWrap: "anywhere",
  },
  rowHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  rowTitle: { flexGrow: 1, minWidth: 0 },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
});

export function PaymentPlansSection({ workbook, onWorkbookChanged }: PanelProps) {
  const styles = useStyles();
  const op = useWorkbookOperation<PlansStage>();
  const [pane, setPane] = useState<PlansPane>();
  const [form, setForm] = useState<PlanForm>(newPlanForm(todayIso()));
  const [errors, setErrors] = useState<PlanFormErrors>({});
  const [query, setQuery] = useState("");
  const [adding, setAdding] = useState(false);

  const load = async () => {
    const read = await op.run("reading", "Could not read the payment plans", () => readPlansPane(workbook, todayIso()));
    if (read) setPane(read);
  };

  const rows = useMemo(() => (pane ? planRows(pane.standings, pane.books.patients) : []), [pane]);
  const picked = pane?.patients.find((p) => p.patientId === form.patientId);
  const balance = picked?.due;
  const change = (next: Partial<PlanForm>) => {
    setForm((f) => ({ ...f, ...next }));
    // A field typed again loses its old mistake.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !(key in next))));
  };

  const create = async () => {
    const read = readPlanForm(form, balance);
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok) return;
    const done = await op.run("creating", "The payment plan was not created", () => createPaymentPlan(workbook, read.request, todayIso()), {
      afterWrite: { title: "Created, but could not read the plans again", then: "Click Refresh before doing anything else." },
    });
    if (!done) return;
    if (!done.ok) return op.say({ intent: "warning", title: "Nothing was created", body: refusedMessage(done.problems) });
    onWorkbookChanged?.(done.applied);
    setForm(newPlanForm(todayIso()));
    setQuery("");
    setAdding(false);
    await load();
    op.say({ intent: "success", title: "Payment plan created", body: sentence(done.what) });
  };

  return (
    <AccountSection
      title="Payment plans"
      showLabel="Show plans"
      loaded={pane !== undefined}
      onLoad={() => void load()}
      op={op}
      stageLabel={PLANS_STAGE_LABEL}
    >
      {pane && (
        <>
          <Caption1 className={styles.hint}>{plansSummary(pane.standings)}</Caption1>
          {rows.length > 0 && (
            <ul className={styles.list} aria-label="Payment plans">
              {rows.map((r) => (
                <li key={r.key} className={styles.row}>
                  <span className={styles.rowHead}>
                    <Text className={styles.rowTitle}>{r.title}</Text>
                    <Badge appearance="tint" color={r.tone} className={styles.badge}>
                      {r.state}
                    </Badge>
                  </span>
                  <Caption1 className={styles.hint}>{r.detail}</Caption1>
                </li>
              ))}
            </ul>
          )}
          {!adding ? (
            <div className={styles.actions}>
              <Button icon={<AddRegular />} onClick={() => setAdding(true)} disabled={op.busy}>
                New payment plan
              </Button>
            </div>
          ) : (
            <div className={styles.root}>
              <Text weight="semibold">New payment plan</Text>
              <PatientSearch
                label="Patient"
                patients={pane.patients}
                picked={picked !== undefined}
                query={query}
                onQueryChange={setQuery}
                onPick={(p) => {
                  change({ patientId: p.patientId });
                  setQuery(patientLabel(p));
                }}
                onUnpick={() => change({ patientId: "" })}
                noMatch="No patient matches."
                validation={fieldValidation(errors.patientId)}
                disabled={op.busy}
              />
              {balance !== undefined && <Caption1>Patient balance: {formatMoney(balance)}</Caption1>}
              <div className={styles.fields}>
                <TextField
                  label="Installment"
                  inputMode="decimal"
                  placeholder="100.00"
                  value={form.installment}
                  onChange={(installment) => change({ installment })}
                  error={errors.installment}
                  disabled={op.busy}
                />
                <TextField
                  label="Start date"
                  placeholder="2027-01-15"
                  value={form.start}
                  onChange={(start) => change({ start })}
                  error={errors.start}
                  disabled={op.busy}
                />
                <TextField
                  label="Day of month"
                  inputMode="numeric"
                  placeholder="start's day"
                  value={form.day}
                  onChange={(day) => change({ day })}
                  error={errors.day}
                  disabled={op.busy}
                />
                <TextField
                  label="Plan total"
                  inputMode="decimal"
                  placeholder="whole balance"
                  value={form.total}
                  onChange={(total) => change({ total })}
                  error={errors.total}
                  disabled={op.busy}
                />
                <TextField label="Note" wide value={form.note} onChange={(note) => change({ note })} disabled={op.busy} />
              </div>
              <Caption1 aria-label="Schedule">{schedulePreview(form, balance)}</Caption1>
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => void create()} disabled={op.busy}>
                  Create
                </Button>
                <Button onClick={() => setAdding(false)} disabled={op.busy}>
                  Cancel
                </Button>
              </div>
            </div>
          )}
        </>
      )}
    </AccountSection>
  );
}
