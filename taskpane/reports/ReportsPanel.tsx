// The Reports panel: pick the report (A/R aging, collections worklist, practice KPIs), its as-of
// date and its choices, and Run: the report's sheet is written in one go with its Audit row, and the
// pane shows the headline figures (and, for the aging, the chart). A progress bar follows the three
// stages on a large workbook. A form that doesn't read says which field and runs nothing; a failed
// run says why in a biller's words and writes nothing. The panel keeps the form and the run;
// ReportFields and ReportResults draw them.
import { useEffect, useState } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DataBarVerticalRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import { DEFAULT_BOUNDS } from "../../src/reports/aging";
import type { PanelProps } from "../panelProps";
import { FixMarkedFields, errorsAfterEdit } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { NoticeBar } from "../NoticeBar";
import { StageProgress } from "../StageProgress";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { boundsText, newReportForm, readReportForm, type ReportForm, type ReportFormErrors } from "./reportForm";
import { ReportFields } from "./ReportFields";
import { STAGE_PROGRESS, practiceBuckets, runReport, stageLabel, type ReportOutcome, type RunStage } from "./reportRun";
import { ReportResults } from "./ReportResults";
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

  return (
    <div className={styles.root}>
      <Text as="h2" weight="semibold" size={400} className={styles.title}>
        Reports
      </Text>
      <Caption1 className={styles.hint}>
        Run writes the report to a sheet of its own (replacing the same report of the same date) and shows its main figures here.
      </Caption1>
      <ReportFields form={form} errors={errors} onChange={change} disabled={busy} />
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
