// The Codes panel: the code sets stored in the workbook (import the CMS files or an office's own
// list), "Check the workbook" for every code against its format and the loaded sets, a problem list
// that takes the office to each bad cell, and "Highlight bad cells" to see them in the sheet.
import { useCallback, useEffect, useState } from "react";
import { Button, Caption1, Divider, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, DocumentSearchRegular } from "@fluentui/react-icons";
import { checkWorkbookCodes, type CodeCheckReport, type CodeProblem } from "../../src/codes/checkWorkbookCodes";
import { loadCodeSets } from "../../src/codes/codeSetStore";
import type { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import type { PanelProps } from "../panelProps";
import { billerMessage } from "../billerMessage";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { nextPaint } from "../StageProgress";
import { EMPTY_IMPORT_FORM, importCodeFile, importOptions, skippedNote, unreadableRowsNote, type ImportForm } from "./codeImport";
import { highlightCodeProblems, highlightMessage } from "./codeCheck";
import { CodeFileImport, type ImportProgress } from "./CodeFileImport";
import { CodeProblemList } from "./CodeProblemList";
import { CodeSetList } from "./CodeSetList";

type Busy = "loading" | "importing" | "checking" | "highlighting";

const BUSY_LABEL: Record<Exclude<Busy, "importing">, string> = {
  loading: "Reading the code sets…",
  checking: "Checking every code in the workbook…",
  highlighting: "Marking the cells…",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  spinner: { justifyContent: "flex-start" },
});

export function CodesPanel({ workbook, onWorkbookChanged, onGoToCell, onCodeSetsChanged }: PanelProps) {
  const styles = useStyles();
  const [library, setLibrary] = useState<CodeSetLibrary>();
  const { stage: busy, notice, say, run } = useWorkbookOperation<Busy>();
  const [form, setForm] = useState<ImportForm>(EMPTY_IMPORT_FORM);
  const [progress, setProgress] = useState<ImportProgress>();
  const [report, setReport] = useState<CodeCheckReport>();
  const [stale, setStale] = useState(false);
  const [highlight, setHighlight] = useState(false);

  const readSets = useCallback(
    () =>
      run("loading", "Could not read the code sets", async () => {
        const loaded = await loadCodeSets(workbook);
        setLibrary(loaded);
        const unreadable = unreadableRowsNote(loaded.issues);
        say(unreadable ? { intent: "warning", title: "Code sets", body: unreadable } : undefined);
      }),
    [run, workbook],
  );

  useEffect(() => {
    void readSets();
  }, [readSets]);

  const importFile = (file: File) => {
    if (!library) return;
    void run("importing", "Could not import the code file", async () => {
      say(undefined);
      setProgress(undefined);
      const outcome = await importCodeFile(
        workbook,
        library,
        { name: file.name, read: async () => new Uint8Array(await file.arrayBuffer()) },
        importOptions(form),
        async (stage, codes) => {
          setProgress({ stage, codes });
          await nextPaint();
        },
      );
      setLibrary(outcome.library);
      if (report) setStale(true);
      onWorkbookChanged?.(outcome.applied);
      const skipped = skippedNote(outcome.skipped);
      say({ intent: "success", title: "Code set imported", body: `${outcome.imported}.${skipped ? ` ${skipped}` : ""}` });
      // The workbook has the set whatever happens next; the functions learning of it is a second step.
      try {
        await onCodeSetsChanged?.(outcome.library);
      } catch (error) {
        const { body } = billerMessage(error, "");
        say({
          intent: "warning",
          title: "Code set imported",
          body: `${outcome.imported}. Cells with MEDBILL functions may still show the old result until Excel recalculates (Ctrl+Alt+F9): ${body}`,
        });
      }
    });
  };

  const applyHighlight = async (next: CodeCheckReport | undefined) => {
    const applied = await highlightCodeProblems(workbook, next);
    onWorkbookChanged?.(applied);
    return applied;
  };

  const check = () => {
    if (!library) return;
    void run("checking", "Could not check the codes", async ({ announce }) => {
      say(undefined);
      const found = await checkWorkbookCodes(workbook, library);
      setReport(found);
      setStale(false);
      // Highlights follow the newest check: the old ones go, the new ones come.
      if (highlight) {
        await announce("highlighting");
        await applyHighlight(found);
      }
    });
  };

  const toggleHighlight = (on: boolean) =>
    run("highlighting", on ? "Could not highlight the bad cells" : "Could not take the highlights away", async () => {
      say(undefined);
      const applied = await applyHighlight(on ? report : undefined);
      setHighlight(on);
      say({ intent: "success", body: highlightMessage(applied, on ? report : undefined) });
    });

  const goTo = onGoToCell
    ? (problem: CodeProblem) =>
        void onGoToCell(problem).catch((error: unknown) => say({ intent: "error", ...billerMessage(error, "Could not show the cell") }))
    : undefined;

  const sets = library?.sets() ?? [];
  const idle = busy === undefined;

  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Text as="h2" weight="semibold" size={400} className={styles.title}>
          Code sets
        </Text>
        <Button appearance="subtle" size="small" icon={<ArrowClockwiseRegular />} onClick={readSets} disabled={!idle} aria-label="Refresh">
          Refresh
        </Button>
      </div>
      {library &&
        (sets.length === 0 ? (
          <Text size={300}>
            No code sets in this workbook yet. Import the CMS ICD-10-CM order file (the zip as downloaded is fine) for each fiscal year your
            dates of service need, the CMS HCPCS file, and your own CPT list to check codes against them.
          </Text>
        ) : (
          <CodeSetList sets={sets} />
        ))}
      <CodeFileImport
        form={form}
        onFormChange={setForm}
        onFile={importFile}
        progress={busy === "importing" ? progress : undefined}
        disabled={!idle || !library}
      />
      <Caption1 className={styles.hint}>
        Sets are stored in the workbook on hidden, protected sheets, so they travel with the file. Nothing is sent anywhere.
      </Caption1>
      <Divider />
      <Text as="h2" weight="semibold" size={400} className={styles.title}>
        Check the workbook
      </Text>
      <Caption1 className={styles.hint}>
        Every procedure code, modifier, diagnosis, place of service, NPI, taxonomy and tax ID in your billing tables is checked against its
        format and, where one is loaded, the code set for its date of service.
      </Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<DocumentSearchRegular />} onClick={check} disabled={!idle || !library}>
          Check the workbook
        </Button>
        <Switch
          label="Highlight bad cells"
          checked={highlight}
          onChange={(_, data) => void toggleHighlight(data.checked)}
          disabled={!idle || (!report && !highlight)}
        />
      </div>
      {busy && busy !== "importing" && <Spinner size="tiny" labelPosition="after" label={BUSY_LABEL[busy]} className={styles.spinner} />}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {report && <CodeProblemList report={report} stale={stale} onGoTo={goTo} onDismiss={() => setReport(undefined)} />}
    </div>
  );
}
