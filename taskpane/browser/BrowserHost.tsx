// The browser host: the task pane on the left, a preview of a sheet on the right (a billing table's
// cells can be edited in it, each change with its Audit row), and a toolbar to open an .xlsx, load
// the sample practice, and save (download) the workbook. Everything happens in this page; no file or
// value leaves it. A window too narrow for the pane and a preview of useful width (STACK_BELOW) stacks
// them, the pane on top, and the page scrolls down, never sideways.
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from "react";
import { Button, Caption1, Spinner, Text, Toolbar, ToolbarButton, ToolbarDivider, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentTableRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import type { AppliedPlan } from "../../src/workbook/plan";
import { TaskPane } from "../App";
import { NoticeBar } from "../NoticeBar";
import type { TableCell } from "../panelProps";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { SheetPreview, type PreviewTarget } from "./SheetPreview";
import { SAMPLE_FILE_NAME, downloadWorkbook, openWorkbookFile, sampleWorkbook } from "./workbookFile";

/** The open workbook; `id` changes with every file, so the task pane starts fresh for it. */
interface OpenWorkbook {
  workbook: XlsxWorkbook;
  fileName: string;
  id: number;
}

type Busy = "opening" | "sample" | "saving";

const BUSY_LABEL: Record<Busy, string> = {
  opening: "Opening the workbook…",
  sample: "Building the sample practice…",
  saving: "Saving…",
};

/** The pane's width beside the preview; e2e/browserPage.ts's narrowPane sets --pane-width to Excel's narrowest. */
const PANE_WIDTH = "var(--pane-width, 380px)";
/** Below this window width the pane (380 px) would leave the preview under 480 px, a few columns: they stack. */
const STACKED = "@media (max-width: 859.98px)";

const useStyles = makeStyles({
  page: {
    height: "100vh",
    display: "grid",
    gridTemplateColumns: `${PANE_WIDTH} minmax(0, 1fr)`,
    gridTemplateRows: "auto auto minmax(0, 1fr)",
    gridTemplateAreas: `"top top" "notice notice" "pane preview"`,
    backgroundColor: tokens.colorNeutralBackground2,
    [STACKED]: {
      height: "auto",
      minHeight: "100vh",
      gridTemplateColumns: "minmax(0, 1fr)",
      gridTemplateRows: "auto auto auto auto",
      gridTemplateAreas: `"top" "notice" "pane" "preview"`,
    },
  },
  top: {
    gridArea: "top",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minHeight: "48px",
    flexWrap: "wrap",
  },
  brand: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  fileName: {
    color: tokens.colorNeutralForeground3,
    marginLeft: "auto",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  notice: { gridArea: "notice", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  pane: {
    gridArea: "pane",
    minHeight: 0,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    [STACKED]: { borderRight: "none", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  preview: {
    gridArea: "preview",
    minHeight: 0,
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    // Stacked, the page scrolls: the preview keeps a window's height of its own and its grid scrolls inside it.
    [STACKED]: { height: "85vh", minHeight: "320px", boxSizing: "border-box" },
  },
  toolbar: { flexWrap: "wrap", minWidth: 0 },
  welcome: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  welcomeTitle: { margin: 0 },
  hidden: { display: "none" },
});

export function BrowserHost() {
  const styles = useStyles();
  const [open, setOpen] = useState<OpenWorkbook>();
  const { stage: busy, notice, say, run: runOperation } = useWorkbookOperation<Busy>();
  const [revision, setRevision] = useState(0);
  const [sheet, setSheet] = useState<string>();
  const [target, setTarget] = useState<PreviewTarget>();
  const fileInput = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);

  // Each operation starts with the last one's notice gone.
  const run = useCallback(
    async (what: Busy, failure: string, work: () => Promise<void>) => {
      say(undefined);
      await runOperation(what, failure, work);
    },
    [say, runOperation],
  );

  const show = useCallback((workbook: XlsxWorkbook, fileName: string) => {
    setOpen({ workbook, fileName, id: nextId.current++ });
    setSheet(undefined);
    setTarget(undefined);
  }, []);

  // The user picked another sheet: an outlined cell elsewhere is no longer what they look at.
  const changeSheet = useCallback((next: string) => {
    setSheet(next);
    setTarget((t) => (t && t.cell.sheet === next ? t : undefined));
  }, []);

  // "Go to cell" from a panel (a problem the Codes panel found): the preview turns to its sheet,
  // shows the rows around it and outlines it.
  const goToCell = useCallback(async (cell: TableCell) => {
    setSheet(cell.sheet);
    setTarget((t) => ({ cell, seq: (t?.seq ?? 0) + 1 }));
  }, []);

  const loadSample = useCallback(
    () =>
      run("sample", "Could not build the sample workbook", async () => {
        show(await sampleWorkbook(), SAMPLE_FILE_NAME);
      }),
    [run, show],
  );

  const openFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // so choosing the same file again still opens it
    if (!file) return;
    void run("opening", "Could not open the file", async () => {
      show(await openWorkbookFile(file.name, await file.arrayBuffer()), file.name);
    });
  };

  const save = () => {
    if (!open) return;
    void run("saving", "Could not save the workbook", async () => {
      downloadWorkbook(await open.workbook.save(), open.fileName);
    });
  };

  // After the pane writes, re-read the preview and show the sheet of the first table it created
  // (not a hidden one, such as a code set's: the office never sees those in Excel either).
  const onWorkbookChanged = useCallback(
    async (applied: AppliedPlan) => {
      if (!open) return;
      // A report shows its sheet; otherwise the first table the plan created (Setup), not the Audit trail.
      if (applied.sheetsWritten.length > 0) changeSheet(applied.sheetsWritten[0]);
      else if (applied.tablesCreated.length > 0) {
        const info = await open.workbook.describe();
        const shown = info.tables.filter((t) => applied.tablesCreated.includes(t.name) && !t.sheetState?.hidden);
        const table = shown.find((t) => t.name.toLowerCase() !== "audit") ?? shown[0];
        if (table) changeSheet(table.sheet);
      }
      setRevision((r) => r + 1);
    },
    [open, changeSheet],
  );

  // ?sample=1 (what `npm start` opens) loads the sample practice straight away.
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("sample") === "1") void loadSample();
  }, [loadSample]);

  return (
    <div className={styles.page} data-testid="host-page">
      <header className={styles.top}>
        <Text className={styles.brand}>Medical billing</Text>
        <Toolbar aria-label="Workbook" size="small" className={styles.toolbar}>
          <ToolbarButton icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()} disabled={busy !== undefined}>
            Open .xlsx
          </ToolbarButton>
          <ToolbarButton icon={<DocumentTableRegular />} onClick={loadSample} disabled={busy !== undefined}>
            Load sample workbook
          </ToolbarButton>
          <ToolbarDivider />
          <ToolbarButton icon={<ArrowDownloadRegular />} onClick={save} disabled={!open || busy !== undefined}>
            Save
          </ToolbarButton>
        </Toolbar>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={openFile}
          data-testid="open-file"
        />
        {busy && <Spinner size="tiny" label={BUSY_LABEL[busy]} />}
        {open && <Caption1 className={styles.fileName}>{open.fileName}</Caption1>}
      </header>
      {notice && (
        <div className={styles.notice}>
          <NoticeBar notice={notice} onDismiss={() => say(undefined)} />
        </div>
      )}
      {/* Not a landmark itself: the pane's own navigation and main landmark are the page's. */}
      <div className={styles.pane} data-testid="task-pane">
        {open ? (
          <TaskPane
            key={open.id}
            workbook={open.workbook}
            onWorkbookChanged={(applied) => void onWorkbookChanged(applied)}
            onGoToCell={goToCell}
          />
        ) : (
          <Welcome onOpen={() => fileInput.current?.click()} onSample={loadSample} disabled={busy !== undefined} />
        )}
      </div>
      <aside className={styles.preview} aria-label="Workbook preview">
        {open ? (
          <SheetPreview
            key={open.id}
            workbook={open.workbook}
            revision={revision}
            sheet={sheet}
            onSheetChange={changeSheet}
            target={target}
            onEdited={(applied) => void onWorkbookChanged(applied)}
          />
        ) : (
          <Caption1>No workbook is open.</Caption1>
        )}
      </aside>
    </div>
  );
}

function Welcome({ onOpen, onSample, disabled }: { onOpen: () => void; onSample: () => void; disabled: boolean }) {
  const styles = useStyles();
  return (
    <main className={styles.welcome}>
      <Text as="h1" weight="semibold" size={400} className={styles.welcomeTitle}>
        Start with a workbook
      </Text>
      <Text>
        Open your office's .xlsx workbook, or load a sample practice with made-up patients, to try the add-in. The file stays on this
        computer.
      </Text>
      <Button appearance="primary" icon={<FolderOpenRegular />} onClick={onOpen} disabled={disabled}>
        Open .xlsx
      </Button>
      <Button icon={<DocumentTableRegular />} onClick={onSample} disabled={disabled}>
        Load sample workbook
      </Button>
    </main>
  );
}
