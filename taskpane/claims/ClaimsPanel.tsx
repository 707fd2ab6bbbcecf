// The Claims panel: every claim not yet billed, checked the way a clearinghouse will (the scrubber),
// with a status light each, by payer; open one for its problems (each goes to its cell). Under the
// headline, the unbilled claims left out because their payer already answered them. "Create 837P"
// first says what it will write and mark (ConfirmDialog), then writes the claims without errors of
// one payer or of all to a file offered as a download and, in the same write, marks them billed, stores the control number and adds the Audit row; "Claim
// form" lays claims out on a sheet to print. The rules the practice turned off are always shown.
// A progress bar follows the stages on a large workbook; every failure is a message in a biller's
// words, and nothing is logged (claims carry patient names). The panel keeps the list and the
// filters; ClaimFilters, ClaimList, ScrubRulesOff and ExportedClaimFile draw them.
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, DocumentArrowDownRegular, DocumentTextRegular } from "@fluentui/react-icons";
import { todayIso } from "../../src/dates";
import type { PanelProps } from "../panelProps";
import { billerMessage, count } from "../billerMessage";
import { NoteList } from "../CheckFindings";
import { ConfirmDialog } from "../ConfirmDialog";
import { formLayout } from "../formLayout";
import { NoticeBar } from "../NoticeBar";
import { StageProgress } from "../StageProgress";
import { useWorkbookOperation, type OperationSteps } from "../useWorkbookOperation";
import { AckImport } from "./AckImport";
import { downloadClaimFile } from "./claimDownload";
import { ClaimFilters, ALL } from "./ClaimFilters";
import { ClaimList } from "./ClaimList";
import { ExportedClaimFile } from "./ExportedClaimFile";
import { SecondaryClaims } from "./SecondaryClaims";
import { ScrubRulesOff } from "./ScrubRulesOff";
import {
  STAGE_PROGRESS,
  exportClaims,
  exportPreview,
  exportSelection,
  printClaimForms,
  scrubWorkbook,
  stageLabel,
  type ClaimEntry,
  type ClaimStatus,
  type ClaimsJob,
  type ClaimsScrub,
  type ClaimsStage,
  type ExportedFile,
  type ExportPreview,
} from "./claimsRun";
import {
  CLAIMS_SHOWN,
  confirmExportText,
  countStatuses,
  exportScope,
  exportedMessage,
  filterEntries,
  formsMessage,
  leftOutLine,
  payerGroups,
  rulesOffView,
  scrubHeadline,
  type ProblemView,
} from "./claimsView";

const useStyles = makeStyles({
  ...formLayout,
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  headline: { overflowWrap: "anywhere" },
  leftOut: { overflowWrap: "anywhere" },
  note: { overflowWrap: "anywhere", minWidth: 0 },
  more: { alignSelf: "flex-start" },
});

/** Which job runs, and its stage. */
type ClaimsProgress = { job: ClaimsJob; stage: ClaimsStage };

export function ClaimsPanel({ workbook, onWorkbookChanged, onGoToCell }: PanelProps) {
  const styles = useStyles();
  const [scrub, setScrub] = useState<ClaimsScrub>();
  const { busy, stage: progress, notice, say, run: runOperation } = useWorkbookOperation<ClaimsProgress>();
  const [payer, setPayer] = useState(ALL);
  const [status, setStatus] = useState<ClaimStatus | typeof ALL>(ALL);
  const [openId, setOpenId] = useState<string>();
  const [limit, setLimit] = useState(CLAIMS_SHOWN);
  const [file, setFile] = useState<ExportedFile>();
  // What Create 837P will write, while the biller is asked to confirm it.
  const [confirming, setConfirming] = useState<ExportPreview>();
  // Bumped by Refresh and after answers are recorded: the secondary claims are read again.
  const [secondaryVersion, setSecondaryVersion] = useState(0);

  // A new list: the filter and the open claim stay while they still name something in it.
  const show = useCallback((next: ClaimsScrub) => {
    setScrub(next);
    setLimit(CLAIMS_SHOWN);
    setPayer((p) => (p === ALL || next.entries.some((e) => e.payerId.toLowerCase() === p.toLowerCase()) ? p : ALL));
    setOpenId((id) => (id !== undefined && next.entries.some((e) => e.claimId === id) ? id : undefined));
  }, []);

  // One job at a time, from its reading stage; every failure becomes a message.
  const run = useCallback(
    (job: ClaimsJob, failure: string, work: (stageOf: (job: ClaimsJob) => (stage: ClaimsStage) => Promise<void>) => Promise<void>) =>
      runOperation({ job, stage: "reading" }, failure, ({ announce }: OperationSteps<ClaimsProgress>) =>
        work((next) => (stage) => announce({ job: next, stage })),
      ),
    [runOperation],
  );

  const refresh = useCallback(
    () =>
      run("scrub", "Could not check the claims", async (stageOf) => {
        say(undefined);
        show(await scrubWorkbook(workbook, todayIso(), stageOf("scrub")));
      }),
    [run, say, show, workbook],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const groups = useMemo(() => payerGroups(scrub?.entries ?? []), [scrub]);
  const payerId = payer === ALL ? undefined : payer;
  const ofPayer = useMemo(() => filterEntries(scrub?.entries ?? [], { payerId }), [scrub, payerId]);
  const shownGroups = useMemo(() => payerGroups(status === ALL ? ofPayer : filterEntries(ofPayer, { status })), [ofPayer, status]);
  const counts = useMemo(() => countStatuses(ofPayer), [ofPayer]);
  const selection = useMemo(() => exportSelection(ofPayer, undefined), [ofPayer]);
  const payerLabel = payerId === undefined ? undefined : groups.find((g) => g.payerId === payerId)?.label;
  const shownCount = shownGroups.reduce((n, g) => n + g.entries.length, 0);

  const createFile = () =>
    void run("export", "Could not create the 837P file", async (stageOf) => {
      say(undefined);
      setFile(undefined);
      const now = new Date();
      const result = await exportClaims(workbook, { payerId, now, today: todayIso(now) }, stageOf("export"));
      if (!result.ok) {
        say({ intent: "error", title: "Could not create the 837P file", body: result.error });
        return;
      }
      const { outcome } = result;
      onWorkbookChanged?.(outcome.applied);
      setFile(outcome.file);
      const body = exportedMessage(outcome);
      say({ intent: "success", title: "837P file created", body });
      downloadClaimFile(outcome.file);
      // The claims now billed leave the list. The file is made and the workbook marked whatever happens here.
      try {
        show(await scrubWorkbook(workbook, todayIso(now), stageOf("scrub")));
      } catch (error) {
        const { body: why } = billerMessage(error, "");
        say({
          intent: "warning",
          title: "837P file created",
          body: `${body} The list could not be read again: ${why} Click Refresh.`,
        });
      }
    });

  const claimForms = (claimIds: string[]) =>
    void run("forms", "Could not write the claim forms", async (stageOf) => {
      say(undefined);
      const result = await printClaimForms(workbook, { claimIds, today: todayIso() }, stageOf("forms"));
      if (!result.ok) {
        say({ intent: "error", title: "Could not write the claim forms", body: result.error });
        return;
      }
      onWorkbookChanged?.(result.outcome.applied);
      say({ intent: "success", title: "Claim forms written", body: formsMessage(result.outcome) });
    });

  const goTo = onGoToCell
    ? (problem: ProblemView) => {
        if (!problem.cell) return;
        void onGoToCell(problem.cell).catch((error: unknown) =>
          say({ intent: "error", ...billerMessage(error, "Could not show the cell") }),
        );
      }
    : undefined;

  const idle = !busy;
  const rules = scrub ? rulesOffView(scrub.report) : undefined;
  const notes = scrub ? [...scrub.books.tableIssues, ...scrub.report.notes] : [];
  const leftOut = scrub ? leftOutLine(scrub.books) : "";

  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Text as="h2" weight="semibold" size={400} className={styles.title}>
          Claims
        </Text>
        <Button
          appearance="subtle"
          size="small"
          icon={<ArrowClockwiseRegular />}
          onClick={() => {
            void refresh();
            setSecondaryVersion((v) => v + 1);
          }}
          disabled={!idle}
        >
          Refresh
        </Button>
      </div>
      <Caption1 className={styles.hint}>
        Every claim not yet billed is checked the way a clearinghouse checks it. Fix what is marked, click Refresh, then create the 837P
        file to send.
      </Caption1>
      {progress && (
        <StageProgress label={stageLabel(progress.stage, progress.job)} value={STAGE_PROGRESS[progress.stage]} name="Claims progress" />
      )}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {file && <ExportedClaimFile file={file} onClose={() => setFile(undefined)} />}
      {scrub && rules && (
        <section className={styles.section} aria-label="Claims to bill">
          <Text weight="semibold" className={styles.headline}>
            {scrubHeadline(scrub)}
          </Text>
          {leftOut && <Caption1 className={styles.leftOut}>{leftOut}</Caption1>}
          <ScrubRulesOff rules={rules} />
          {notes.length > 0 && <NoteList label="Check notes" notes={notes.map((note) => `${note}.`)} noteClassName={styles.note} />}
          {scrub.entries.length > 0 && (
            <>
              <ClaimFilters
                total={scrub.entries.length}
                groups={groups}
                payer={payer}
                onPayer={(next) => {
                  setPayer(next);
                  setLimit(CLAIMS_SHOWN);
                }}
                status={status}
                onStatus={(next) => {
                  setStatus(next);
                  setLimit(CLAIMS_SHOWN);
                }}
                counts={counts}
                disabled={!idle}
              />
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  icon={<DocumentArrowDownRegular />}
                  onClick={() => scrub && setConfirming(exportPreview(scrub, payerId))}
                  disabled={!idle || selection.claims.length === 0}
                >
                  Create 837P
                </Button>
                <Button
                  icon={<DocumentTextRegular />}
                  onClick={() => claimForms(selection.claims.map((c) => c.claimId))}
                  disabled={!idle || selection.claims.length === 0}
                >
                  Claim forms
                </Button>
              </div>
              <Caption1 className={styles.hint}>{exportScope(selection, payerLabel)}</Caption1>
              {shownCount === 0 ? (
                <Caption1>No claims with this status{payerLabel ? ` for ${payerLabel}` : ""}.</Caption1>
              ) : (
                <ClaimList
                  groups={shownGroups}
                  headings={payerId === undefined}
                  limit={limit}
                  tables={scrub.books.tables}
                  openId={openId}
                  onToggle={(id) => setOpenId((open) => (open === id ? undefined : id))}
                  onGoTo={goTo}
                  onClaimForm={(entry: ClaimEntry) => claimForms([entry.claimId])}
                  disabled={!idle}
                />
              )}
              {shownCount > limit && (
                <Button className={styles.more} size="small" onClick={() => setLimit((n) => n + CLAIMS_SHOWN)}>
                  Show {count(Math.min(CLAIMS_SHOWN, shownCount - limit))} more of {count(shownCount - limit)}
                </Button>
              )}
            </>
          )}
        </section>
      )}
      <ConfirmDialog
        open={confirming !== undefined}
        title="Create the 837P file?"
        yes="Yes, create the file"
        onYes={() => {
          setConfirming(undefined);
          createFile();
        }}
        onCancel={() => setConfirming(undefined)}
      >
        {confirming ? confirmExportText(confirming) : ""}
      </ConfirmDialog>
      <SecondaryClaims workbook={workbook} onWorkbookChanged={onWorkbookChanged} disabled={!idle} version={secondaryVersion} />
      <AckImport
        workbook={workbook}
        onWorkbookChanged={onWorkbookChanged}
        onRecorded={() => {
          void refresh();
          setSecondaryVersion((v) => v + 1);
        }}
        disabled={!idle}
      />
    </div>
  );
}
