// The Setup panel: which billing tables the workbook has and how their columns map, the office's rows
// found on plain sheets with "Make it a table" (PlainRanges), a one-click "Create missing tables"
// (never for a table whose rows are on a plain sheet), and "Check rows" so an office sees its bad
// rows before anything else.
import { useCallback, useEffect, useState } from "react";
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, TableAddRegular, TableSearchRegular } from "@fluentui/react-icons";
import { readSetupStatus, setupPlan } from "../../src/workbook/setup";
import type { PlainRange } from "../../src/workbook/plainRanges";
import { applyPlan } from "../../src/workbook/plan";
import type { PanelProps } from "../panelProps";
import { listInWords, plural } from "../billerMessage";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { createdMessage, setupSummary, tableReport, type TableReport } from "./setupReport";
import { checkRows, type RowCheck } from "./rowCheck";
import { TableStatusList } from "./TableStatusList";
import { RowCheckResults } from "./RowCheckResults";
import { UnfinishedPlans } from "./UnfinishedPlans";
import { PlainRanges } from "./PlainRanges";
import { leftOutSentence, missingToCreate, plainRangesHint, withPlainSheets } from "./plainRangesView";
import { PracticeSettingsForm } from "./PracticeSettingsForm";

type Busy = "reading" | "creating" | "checking";

const BUSY_LABEL: Record<Busy, string> = {
  reading: "Reading the workbook…",
  creating: "Creating tables…",
  checking: "Checking rows…",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  spinner: { justifyContent: "flex-start" },
});

export function SetupPanel({ workbook, onWorkbookChanged }: PanelProps) {
  const styles = useStyles();
  const [reports, setReports] = useState<TableReport[]>();
  const { stage: busy, notice, say, run } = useWorkbookOperation<Busy>();
  const [check, setCheck] = useState<RowCheck>();
  const [plainRanges, setPlainRanges] = useState<PlainRange[]>([]);

  const readTables = useCallback(async () => {
    const status = await readSetupStatus(workbook);
    setPlainRanges(status.plainRanges);
    setReports(withPlainSheets(status.tables.map(tableReport), status.plainRanges));
  }, [workbook]);

  const refresh = useCallback(() => run("reading", "Could not read the workbook", readTables), [run, readTables]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const createMissing = () =>
    run("creating", "Could not create the tables", async () => {
      say(undefined);
      // A table whose rows are on a plain sheet is left out: made a table there, never created empty beside it.
      const status = await readSetupStatus(workbook);
      const plan = setupPlan(status.info, status.plainRanges);
      const leftOut = leftOutSentence(status.plainRanges);
      if (!plan) {
        say({
          intent: "info",
          body: leftOut ? `Nothing was created. ${leftOut}` : "Every billing table is already here: nothing was created.",
        });
      } else {
        const applied = await applyPlan(workbook, plan);
        setCheck(undefined);
        say({ intent: "success", body: `${createdMessage(applied)} The Audit sheet records the change.${leftOut ? ` ${leftOut}` : ""}` });
        onWorkbookChanged?.(applied);
      }
      await readTables();
    });

  const checkAllRows = () =>
    run("checking", "Could not check the rows", async () => {
      say(undefined);
      setCheck(await checkRows(workbook));
    });

  const summary = reports ? setupSummary(reports) : undefined;
  const toCreate = summary ? missingToCreate(summary.missing, plainRanges) : [];
  const nothingMissing = summary !== undefined && toCreate.length === 0;
  const plainHint = plainRangesHint(plainRanges);

  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Text as="h2" weight="semibold" size={400} className={styles.title}>
          Billing tables
        </Text>
        <Button
          appearance="subtle"
          size="small"
          icon={<ArrowClockwiseRegular />}
          onClick={refresh}
          disabled={busy !== undefined}
          aria-label="Refresh"
        >
          Refresh
        </Button>
      </div>
      {summary && (
        <Text size={300}>
          {summary.found} of {reports!.length} tables found.
          {toCreate.length > 0 && ` Missing: ${listInWords(toCreate)}.`}
          {plainHint && ` ${plainHint}`}
          {summary.incomplete.length > 0 &&
            ` ${listInWords(summary.incomplete)} ${summary.incomplete.length === 1 ? "lacks" : "lack"} a column rows need.`}
        </Text>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<TableAddRegular />}
          onClick={createMissing}
          disabled={busy !== undefined || !summary || nothingMissing}
        >
          Create missing tables
        </Button>
        <Button icon={<TableSearchRegular />} onClick={checkAllRows} disabled={busy !== undefined || !summary || summary.found === 0}>
          Check rows
        </Button>
      </div>
      {nothingMissing && !plainHint && <Caption1 className={styles.hint}>Every billing table is here: nothing to create.</Caption1>}
      {toCreate.length > 0 && (
        <Caption1 className={styles.hint}>
          Adds {plural(toCreate.length, "table")}, each on its own sheet. Your sheets and columns are left as they are.
        </Caption1>
      )}
      {busy && <Spinner size="tiny" labelPosition="after" label={BUSY_LABEL[busy]} className={styles.spinner} />}
      <UnfinishedPlans workbook={workbook} readKey={reports} onResolved={refresh} />
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      <PlainRanges
        workbook={workbook}
        ranges={plainRanges}
        disabled={busy !== undefined}
        onMade={(applied) => {
          setCheck(undefined);
          onWorkbookChanged?.(applied);
          void refresh();
        }}
      />
      {check && <RowCheckResults check={check} onDismiss={() => setCheck(undefined)} />}
      <PracticeSettingsForm workbook={workbook} onWorkbookChanged={onWorkbookChanged} readKey={reports} />
      {reports && <TableStatusList reports={reports} />}
    </div>
  );
}
