// The Reports panel: pick the report (A/R aging, collections worklist, practice KPIs), its as-of
// date and its choices, and Run: the report's sheet is written in one go with its Audit row, and the
// pane shows the headline figures (and, for the aging, the chart). A progress bar follows the three
// stages on a large workbook. A form that doesn't read says which field and runs nothing; a failed
// run says why in a biller's words and writes nothing.
import { useEffect, useState } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DataBarVerticalRegular } from "@fluentui/react-icons";
import { isIsoDate, todayIso } from "../../src/dates";
import { DEFAULT_BOUNDS } from "../../src/reports/aging";
import type { PanelProps } from "../panelProps";
import { FixMarkedFields, errorsAfterEdit } from "../FieldErrors";
import { ChoiceField, TextField } from "../LabelledField";
import { formLayout } from "../formLayout";
import { NoticeBar } from "../NoticeBar";
import { StageProgress } from "../StageProgress";
import { useWorkbookOperation } from "../useWorkbookOperation";
import {
  BASES,
  GROUPINGS,
  REPORTS,
  boundsText,
  lastThreeMonths,
  newReportForm,
  readReportForm,
  type ReportForm,
  type ReportFormErrors,
} from "./reportForm";
import { STAGE_PROGRESS, practiceBuckets, runReport, stageLabel, type ReportOutcome, type RunStage } from "./reportRun";
import { KeepTogether, ReportResults } from "./ReportResults";
import { writtenMessage } from "./reportView";

const useStyles = makeStyles({
  ...formLayout,
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  title: { margin: 0 },
});

export function ReportsPanel({ workbook, onWorkbookChanged }: PanelProps) {
  const styles = useStyles();
  const [form, setForm] = useState<ReportForm>(() => newReportForm(todayIso()));
  const [errors, setErrors] = useState<ReportFormErrors>({});
  const { busy, stage, notice, say, run: runOperation } = useWorkbookOperation<RunStage>();
  const [outcome, setOutcome] = useState<ReportOutcome>();

  // The practice's own buckets (Practice: Aging Buckets), unless the biller already typed others.
  useEffect(() => {
    let gone = false;
    practiceBuckets(workbook)
      .then((buckets) => {
        if (!gone && buckets) setForm((f) => (f.buckets === boundsText(DEFAULT_BOUNDS) ? { ...f, buckets } : f));
      })
      .catch(() => {
        // Only a default: the standard buckets stay, and Run reads the workbook again and says what fails.
      });
    return () => {
      gone = true;
    };
  }, [workbook]);

  // A field's mistake goes once it is edited; all of them when another report is picked (its fields are others).
  const change = (next: Partial<ReportForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setErrors((e) => (next.kind !== undefined ? {} : errorsAfterEdit(e, next)));
  };

  const run = async () => {
    const read = readReportForm(form);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    say(undefined);
    setOutcome(undefined);
    await runOperation("reading", "Could not run the report", async ({ announce }) => {
      const result = await runReport(workbook, read.request, announce);
      if (!result.ok) {
        say({ intent: "error", title: "Could not run the report", body: result.error });
        return;
      }
      onWorkbookChanged?.(result.outcome.applied);
      setOutcome(result.outcome);
      say({ intent: "success", title: "Report written", body: writtenMessage(result.outcome) });
    });
  };

  // What a blank KPI period stands for, said in the fields' placeholders.
  const period = isIsoDate(form.asOf.trim()) ? lastThreeMonths(form.asOf.trim()) : undefined;
  const aged = form.kind === "aging" || form.kind === "collections";

  return (
    <div className={styles.root}>
      <Text as="h2" weight="semibold" size={400} className={styles.title}>
        Reports
      </Text>
      <Caption1 className={styles.hint}>
        Run writes the report to a sheet of its own (replacing the same report of the same date) and shows its main figures here.
      </Caption1>
      <div className={styles.fields}>
        <ChoiceField
          label="Report"
          wide
          value={form.kind}
          options={REPORTS.map((r) => ({ value: r.id, label: r.label }))}
          onChange={(kind) => change({ kind })}
          disabled={busy}
        />
        <TextField label="As of" error={errors.asOf} value={form.asOf} onChange={(asOf) => change({ asOf })} disabled={busy} />
        {aged && (
          <TextField
            label="Buckets (days)"
            error={errors.buckets}
            value={form.buckets}
            onChange={(buckets) => change({ buckets })}
            disabled={busy}
          />
        )}
        {aged && (
          <ChoiceField
            label="Aged from"
            wide
            value={form.basis}
            options={BASES.map((b) => ({ value: b.id, label: b.label }))}
            onChange={(basis) => change({ basis })}
            disabled={busy}
          />
        )}
        {form.kind === "aging" && (
          <ChoiceField
            label="Grouping"
            wide
            value={form.grouping}
            options={GROUPINGS.map((g) => ({ value: g.id, label: g.label }))}
            onChange={(grouping) => change({ grouping })}
            disabled={busy}
          />
        )}
        {form.kind === "collections" && (
          <>
            <TextField
              label="Balance over"
              error={errors.minBalance}
              inputMode="decimal"
              value={form.minBalance}
              onChange={(minBalance) => change({ minBalance })}
              disabled={busy}
            />
            <TextField
              label="Older than (days)"
              error={errors.olderThan}
              inputMode="numeric"
              value={form.olderThan}
              onChange={(olderThan) => change({ olderThan })}
              disabled={busy}
            />
          </>
        )}
        {form.kind === "kpis" && (
          <>
            <TextField
              label="From"
              error={errors.from}
              placeholder={period?.from}
              value={form.from}
              onChange={(from) => change({ from })}
              disabled={busy}
            />
            <TextField
              label="To"
              error={errors.to}
              placeholder={period?.to}
              value={form.to}
              onChange={(to) => change({ to })}
              disabled={busy}
            />
          </>
        )}
      </div>
      {form.kind === "kpis" && (
        <Caption1 className={styles.hint}>Left blank, the period is the three months ending at the as-of date.</Caption1>
      )}
      {aged && (
        <Caption1 className={styles.hint}>
          <KeepTogether text="Buckets: the last day of each, so 30, 60, 90, 120 makes 0-30, 31-60, 61-90, 91-120 and 120+." />
        </Caption1>
      )}
      <FixMarkedFields count={Object.keys(errors).length} then="run" />
      <div className={styles.actions}>
        <Button appearance="primary" icon={<DataBarVerticalRegular />} onClick={() => void run()} disabled={busy}>
          Run
        </Button>
      </div>
      {stage && <StageProgress label={stageLabel(stage)} value={STAGE_PROGRESS[stage]} name="Report progress" />}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {outcome && <ReportResults outcome={outcome} />}
    </div>
  );
}
