// The Patient accounts panel's collection agency hand-off (issue 17): the collections worklist's
// accounts (as the Reports panel lists them by default, less those already with an agency) with a box
// each; the agency's name and "Send to agency", asked once more with the count and total, which writes
// the balances off to bad debt, marks the accounts Collections and downloads the agency's file. Below,
// the accounts with the agency (sent, recovered, still out) and the agency payment form: previewed,
// then posted. The work is in collectionsAgencyRun.ts, the words in collectionsAgencyView.ts.
import { useMemo, useState } from "react";
import { Button, Caption1, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ConfirmDialog } from "../ConfirmDialog";
import { MoneyRegular, SendRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import type { RecoveryResult } from "../../src/collections/agencyRecovery";
import { downloadFile } from "../fileDownload";
import { borderedList, formLayout } from "../formLayout";
import { ChoiceField, TextField } from "../LabelledField";
import type { PanelProps } from "../panelProps";
import { AccountSection, accountRow } from "./AccountSection";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { refusedMessage } from "../followup/followUpView";
import {
  AGENCY_STAGE_LABEL,
  postRecovery,
  previewRecovery,
  readAgencyBooks,
  sendToAgency,
  type AgencyBooks,
  type AgencyStage,
} from "./collectionsAgencyRun";
import {
  agencyRows,
  newRecoveryForm,
  readAgency,
  readRecoveryForm,
  recoveryPreview,
  sendQuestion,
  sendRows,
  sendSummary,
  sentMessage,
  type RecoveryErrors,
  type RecoveryForm,
} from "./collectionsAgencyView";

/** More rows than this and the list is cut (the Reports panel's sheet has them all). */
const ROWS_SHOWN = 50;

const useStyles = makeStyles({
  ...formLayout,
  list: { ...borderedList, maxHeight: "280px", overflowY: "auto" },
  row: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    ...accountRow,
  },
  rowText: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  amount: { whiteSpace: "nowrap" },
  preview: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function CollectionsSection({ workbook, onWorkbookChanged }: PanelProps) {
  const styles = useStyles();
  const op = useWorkbookOperation<AgencyStage>();
  const [books, setBooks] = useState<AgencyBooks>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [agency, setAgency] = useState("");
  const [agencyError, setAgencyError] = useState<string>();
  const [asking, setAsking] = useState(false);
  const [form, setForm] = useState<RecoveryForm>(newRecoveryForm(todayIso()));
  const [errors, setErrors] = useState<RecoveryErrors>({});
  const [preview, setPreview] = useState<{ result: Extract<RecoveryResult, { ok: true }>; net: number; fee: number }>();

  const load = async () => {
    const read = await op.run("reading", "Could not read the accounts", () => readAgencyBooks(workbook, todayIso()));
    if (!read) return;
    setBooks(read);
    setChosen(new Set());
    setForm((f) => ({ ...f, feePercent: f.feePercent || read.books.feePercent || "" }));
  };

  const rows = useMemo(() => (books ? sendRows(books.toSend.slice(0, ROWS_SHOWN)) : []), [books]);
  const withAgency = useMemo(() => (books ? agencyRows(books.withAgency) : []), [books]);
  const summary = books ? sendSummary(books.toSend, chosen) : undefined;

  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const askToSend = () => {
    const read = readAgency(agency);
    setAgencyError(read.ok ? undefined : read.error);
    if (read.ok) setAsking(true);
  };

  const send = async () => {
    setAsking(false);
    const done = await op.run(
      "sending",
      "The accounts were not sent",
      () => sendToAgency(workbook, { patientIds: [...chosen], agency, date: todayIso() }, todayIso()),
      { afterWrite: { title: "Sent, but could not read the accounts again", then: "Click Refresh before doing anything else." } },
    );
    if (!done) return;
    if (!done.ok) return op.say({ intent: "warning", title: "Nothing was sent", body: refusedMessage(done.problems) });
    downloadFile(done.file.text, done.file.name, "text/csv");
    onWorkbookChanged?.(done.applied);
    await load();
    op.say({ intent: "success", title: "Sent to the agency", body: sentMessage(done.what, done.file.name) });
  };

  const changeForm = (next: Partial<RecoveryForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setPreview(undefined);
  };

  const showPreview = async () => {
    const read = readRecoveryForm(form);
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok) return;
    const result = await op.run("posting", "Could not work out the agency payment", () =>
      previewRecovery(workbook, read.recovery, todayIso()),
    );
    if (!result) return;
    if (!result.ok) return op.say({ intent: "warning", title: "This payment cannot be posted", body: refusedMessage(result.problems) });
    op.say(undefined);
    setPreview({ result, net: read.recovery.net, fee: read.recovery.fee });
  };

  const post = async () => {
    const read = readRecoveryForm(form);
    if (!read.ok) return setErrors(read.errors);
    const done = await op.run("posting", "The agency payment was not posted", () => postRecovery(workbook, read.recovery, todayIso()), {
      afterWrite: { title: "Posted, but could not read the accounts again", then: "Click Refresh before doing anything else." },
    });
    if (!done) return;
    if (!done.ok) return op.say({ intent: "warning", title: "Nothing was posted", body: refusedMessage(done.problems) });
    onWorkbookChanged?.(done.applied);
    setPreview(undefined);
    setForm(newRecoveryForm(todayIso(), form.feePercent));
    await load();
    op.say({ intent: "success", title: "Agency payment posted", body: `${done.what}.` });
  };

  const shown = preview && recoveryPreview(preview.result, preview.net, preview.fee);
  const accountOptions = [
    { value: "", label: "Choose…" },
    ...withAgency.filter((a) => a.outstanding > 0).map((a) => ({ value: a.patientId, label: `${a.patientId} · ${a.name}` })),
  ];

  return (
    <AccountSection
      title="Collection agency"
      showLabel="Show accounts"
      loaded={books !== undefined}
      onLoad={() => void load()}
      op={op}
      stageLabel={AGENCY_STAGE_LABEL}
    >
      {books && (
        <>
          <Text weight="semibold">Accounts to send</Text>
          {rows.length === 0 ? (
            <Caption1 className={styles.hint}>No account owes over $50.00 on balances older than 60 days.</Caption1>
          ) : (
            <ul className={styles.list} aria-label="Accounts to send">
              {rows.map((r) => (
                <li key={r.patientId} className={styles.row}>
                  <Checkbox
                    checked={chosen.has(r.patientId)}
                    onChange={(_, data) => toggle(r.patientId, data.checked === true)}
                    aria-label={`Send ${r.patientId}`}
                    disabled={op.busy}
                  />
                  <span className={styles.rowText}>
                    <Text>{r.name}</Text>
                    <Caption1 className={styles.hint}>{r.detail}</Caption1>
                  </span>
                  <Text className={styles.amount}>{r.balance}</Text>
                </li>
              ))}
            </ul>
          )}
          {books.toSend.length > ROWS_SHOWN && (
            <Caption1 className={styles.hint}>
              The first {ROWS_SHOWN} by priority are listed; the Reports panel's sheet has them all.
            </Caption1>
          )}
          <div className={styles.fields}>
            <TextField
              label="Agency"
              size="small"
              wide
              value={agency}
              placeholder="Agency name"
              error={agencyError}
              onChange={setAgency}
              disabled={op.busy}
            />
          </div>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              size="small"
              icon={<SendRegular />}
              onClick={askToSend}
              disabled={op.busy || !summary || summary.count === 0}
            >
              Send to agency…
            </Button>
            <Caption1 className={styles.hint}>{summary?.text}</Caption1>
          </div>

          <Text weight="semibold">With the agency</Text>
          {withAgency.length === 0 ? (
            <Caption1 className={styles.hint}>No account is in Collections.</Caption1>
          ) : (
            <ul className={styles.list} aria-label="Accounts with the agency">
              {withAgency.map((a) => (
                <li key={a.patientId} className={styles.row}>
                  <span className={styles.rowText}>
                    <Text>{a.name}</Text>
                    <Caption1 className={styles.hint}>{a.detail}</Caption1>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Text weight="semibold">Agency payment</Text>
          <div className={styles.fields}>
            <ChoiceField
              label="Account"
              size="small"
              wide
              value={form.patientId}
              options={accountOptions}
              error={errors.patientId}
              onChange={(patientId) => changeForm({ patientId })}
              disabled={op.busy}
            />
            <TextField
              label="Received (net)"
              size="small"
              inputMode="decimal"
              value={form.net}
              placeholder="150.00"
              error={errors.net}
              onChange={(net) => changeForm({ net })}
              disabled={op.busy}
            />
            <TextField
              label="Agency fee"
              size="small"
              inputMode="decimal"
              value={form.fee}
              placeholder="50.00"
              error={errors.fee}
              onChange={(fee) => changeForm({ fee })}
              disabled={op.busy}
            />
            <TextField
              label="Or fee %"
              size="small"
              inputMode="decimal"
              value={form.feePercent}
              placeholder="25"
              hint="Of what the agency collected"
              onChange={(feePercent) => changeForm({ feePercent })}
              disabled={op.busy}
            />
            <TextField
              label="Date"
              size="small"
              value={form.date}
              error={errors.date}
              onChange={(date) => changeForm({ date })}
              disabled={op.busy}
            />
            <TextField
              label="Check #"
              size="small"
              value={form.reference}
              placeholder="Optional"
              onChange={(reference) => changeForm({ reference })}
              disabled={op.busy}
            />
          </div>
          {shown && (
            <div aria-label="Agency payment preview">
              <Text>{shown.headline}</Text>
              <ul className={styles.preview}>
                {shown.rows.map((row, i) => (
                  <li key={i}>
                    <Caption1>{row}</Caption1>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className={styles.actions}>
            <Button size="small" onClick={() => void showPreview()} disabled={op.busy}>
              Preview
            </Button>
            <Button appearance="primary" size="small" icon={<MoneyRegular />} onClick={() => void post()} disabled={op.busy || !preview}>
              Post
            </Button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={asking}
        title="Send to the agency?"
        yes="Yes, send them"
        onYes={() => void send()}
        onCancel={() => setAsking(false)}
      >
        {summary && sendQuestion(summary.count, summary.total, agency)}
      </ConfirmDialog>
    </AccountSection>
  );
}
