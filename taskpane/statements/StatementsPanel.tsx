// The Statements panel: choose the job (a batch of every account due a statement, one account, an
// invoice to a payer of type Other, or a re-print of an issued number), Preview who gets what with
// nothing written, then Issue: the statement sheet, one Statements row per number and the Audit row
// in one plan (a re-print writes the sheet again, same number, no row). Then the PDF of what was
// just issued, made by a lazily loaded chunk. The batch rules default from the Practice table. Any
// change to the form takes the preview away: Issue writes only what was previewed. A progress bar
// follows the reading and building on a large workbook; every failure is said in a biller's words.
// The panel keeps the form, the preview and what was issued; StatementJobFields, StatementPreviewList
// and JustIssued draw them.
import { useCallback, useEffect, useRef, useState } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, DismissRegular, EyeRegular, MailRegular, PrintRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import { statementSettings, type StatementBooks, type StatementSettings } from "../../src/statements/statementBooks";
import type { PanelProps } from "../panelProps";
import { plural } from "../billerMessage";
import { FixMarkedFields, errorsAfterEdit } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { NoticeBar } from "../NoticeBar";
import { StageProgress } from "../StageProgress";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { newStatementForm, readStatementForm, withPracticeRules, type StatementForm, type StatementFormErrors } from "./statementForm";
import { JustIssued } from "./JustIssued";
import { StatementJobFields } from "./StatementJobFields";
import { StatementPreviewList } from "./StatementPreviewList";
import {
  STAGE_PROGRESS,
  issueStatements,
  loadStatementBooks,
  runPreview,
  stageLabel,
  type IssuedRun,
  type StatementPreview,
  type StatementStage,
} from "./statementRun";
import { downloadPdf, pdfFileName, statementsPdfBytes } from "./statementsPdfFile";
import { booksNotice, issuedText } from "./statementView";

const useStyles = makeStyles({
  ...formLayout,
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
});

/** Setup's own statement rules: what the form shows until the Practice table is read. */
const SETUP_RULES = statementSettings([]).settings;

type Rules = Pick<StatementSettings, "minBalance" | "cycleDays">;

export function StatementsPanel({ workbook, onWorkbookChanged }: PanelProps) {
  const styles = useStyles();
  const [books, setBooks] = useState<StatementBooks>();
  const [form, setForm] = useState<StatementForm>(() => newStatementForm(todayIso(), SETUP_RULES));
  const [errors, setErrors] = useState<StatementFormErrors>({});
  const { busy, stage, notice, say, run } = useWorkbookOperation<StatementStage>();
  const [preview, setPreview] = useState<StatementPreview>();
  const [issued, setIssued] = useState<IssuedRun>();
  const [pdfSaved, setPdfSaved] = useState<string>();
  // The rules the form's minimum and cycle show by default: a field still showing them follows the practice's.
  const rulesShown = useRef<Rules>(SETUP_RULES);

  /** Take freshly read books: the choices, and the practice's rules where the biller kept the defaults. */
  const takeBooks = useCallback((fresh: StatementBooks) => {
    setBooks(fresh);
    const practice = fresh.settings;
    setForm((f) => withPracticeRules(f, rulesShown.current, practice));
    rulesShown.current = { minBalance: practice.minBalance, cycleDays: practice.cycleDays };
  }, []);

  const read = useCallback(
    () =>
      run("reading", "Could not read the workbook", async ({ announce }) => {
        takeBooks(await loadStatementBooks(workbook, announce));
      }),
    [workbook, run, takeBooks],
  );

  useEffect(() => {
    void read();
  }, [read]);

  // Any change to what would be issued takes the preview away; a field's mistake goes once it is edited.
  const change = (next: Partial<StatementForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setPreview(undefined);
    setErrors((e) => (next.job !== undefined ? {} : errorsAfterEdit(e, next)));
  };

  const showPreview = async () => {
    const read = readStatementForm(form, books?.dateSystem);
    if (!read.ok) {
      setErrors(read.errors);
      setPreview(undefined);
      return;
    }
    setErrors({});
    say(undefined);
    setPreview(undefined);
    await run("reading", "Could not preview the statements", async ({ announce }) => {
      const { books: fresh, result } = await runPreview(workbook, read.request, announce);
      takeBooks(fresh);
      if (result.ok) setPreview(result.preview);
      else if (result.field) setErrors({ [result.field]: result.error });
      else say({ intent: "error", title: "Could not preview", body: result.error });
    });
  };

  const issue = async () => {
    if (!preview || preview.nothing) return;
    const reprinting = preview.request.job === "reprint";
    const failed = reprinting ? "Could not re-print" : "Could not issue the statements";
    say(undefined);
    await run(
      "reading",
      failed,
      async ({ announce, unlessChanged }) => {
        const result = await unlessChanged(issueStatements(workbook, preview, announce), failed);
        if (!result.ok) {
          if (result.books) takeBooks(result.books);
          setPreview(result.changed?.ok ? result.changed.preview : undefined);
          return;
        }
        const written = result.issued;
        onWorkbookChanged?.(written.applied);
        setIssued(written);
        setPdfSaved(undefined);
        setPreview(undefined);
        say({ intent: "success", ...issuedText(written) });
        // The numbers just issued are in the Statements table now: the choices and the next preview see them.
        await announce("refreshing");
        takeBooks(await loadStatementBooks(workbook));
      },
      {
        afterWrite: {
          title: "Issued, but could not read the workbook again",
          intent: "warning",
          then: "Click Refresh before issuing anything else.",
        },
      },
    );
  };

  const savePdf = async () => {
    if (!issued) return;
    await run("pdf", "Could not make the PDF", async ({ announce }) => {
      await announce("pdf");
      const bytes = await statementsPdfBytes(issued.documents);
      const name = pdfFileName(issued.documents);
      downloadPdf(bytes, name);
      setPdfSaved(name);
    });
  };

  const problems = books ? booksNotice(books.problems) : undefined;

  const ready = preview !== undefined && !preview.nothing;
  const issueLabel = !ready
    ? "Issue"
    : preview.request.job === "reprint"
      ? `Re-print ${preview.documents[0].number}`
      : `Issue ${plural(preview.documents.length, preview.documents[0].kind.toLowerCase())}`;

  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Text as="h2" weight="semibold" size={400} className={styles.title}>
          Statements
        </Text>
        <Button appearance="subtle" size="small" icon={<ArrowClockwiseRegular />} onClick={() => void read()} disabled={busy}>
          Refresh
        </Button>
      </div>
      <Caption1 className={styles.hint}>
        Preview shows who gets what; nothing is written or numbered until you issue. Issue writes the statement sheet, ready to print on
        Letter paper, and logs each number in the Statements table.
      </Caption1>
      {problems && <NoticeBar notice={{ intent: "warning", ...problems }} />}
      <StatementJobFields form={form} errors={errors} books={books} onChange={change} disabled={busy} />
      <FixMarkedFields count={Object.keys(errors).length} then="preview" />
      <div className={styles.actions}>
        <Button appearance={ready ? "secondary" : "primary"} icon={<EyeRegular />} onClick={() => void showPreview()} disabled={busy}>
          Preview
        </Button>
        {ready && (
          <>
            <Button
              appearance="primary"
              icon={preview.request.job === "reprint" ? <PrintRegular /> : <MailRegular />}
              onClick={() => void issue()}
              disabled={busy}
            >
              {issueLabel}
            </Button>
            <Button icon={<DismissRegular />} onClick={() => setPreview(undefined)} disabled={busy}>
              Cancel
            </Button>
          </>
        )}
      </div>
      {stage && <StageProgress label={stageLabel(stage)} value={STAGE_PROGRESS[stage]} name="Statements progress" />}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {issued && <JustIssued issued={issued} pdfSaved={pdfSaved} onDownloadPdf={() => void savePdf()} disabled={busy} />}
      {preview && books && <StatementPreviewList preview={preview} books={books} />}
    </div>
  );
}
