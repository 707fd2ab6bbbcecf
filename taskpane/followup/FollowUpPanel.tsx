// The Follow-up panel (issue 15, revenue integrity): the five worklists the office works every day to
// collect what it is owed (denied lines still owed, lines paid under contract, billed claims with no
// answer, unbilled claims near their filing limit) as of a date, each row going to its line in Charges.
// Selected rows can be set to a status (appealed, resubmitted, closed, open) with a follow-up date and a
// note, or written off with a reason, and a claim's selected denied or underpaid lines get an appeal
// letter on a sheet of its own; each action is one plan written by applyPlan with its Audit row,
// then the lists are read again. A payer's fee schedule can be imported for the Underpaid list. The
// lists are read in a fixed number of calls, whatever the row count; every failure is a notice in a
// biller's words, and nothing is logged. The panel keeps the lists, the selection and the runs;
// FollowUpSections, FollowUpActions and ContractRates draw them.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, ClipboardTaskListLtrRegular } from "@fluentui/react-icons";
import type { ContractImportOptions } from "../../src/contracts/contractImport";
import { todayIso, type IsoDate } from "../../src/dates";
import type { PanelProps } from "../panelProps";
import { billerMessage } from "../billerMessage";
import { formLayout } from "../formLayout";
import { TextField } from "../LabelledField";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { ContractRates } from "./ContractRates";
import { FollowUpActions, type ActionRequest } from "./FollowUpActions";
import { FollowUpSections } from "./FollowUpSections";
import {
  ITEMS_SHOWN,
  SECTIONS,
  doneNote,
  appealWrittenMessage,
  importedMessage,
  keepListed,
  problemsWarning,
  readAsOf,
  refusedMessage,
  sectionViews,
  selectedItems,
  writtenMessage,
  type ItemView,
  type SectionId,
} from "./followUpView";
import {
  STAGE_LABEL,
  importContracts,
  readFollowUpBooks,
  setStatus,
  writeAppealLetter,
  writeOff,
  type ContractFile,
  type FollowUpBooks,
  type FollowUpStage,
} from "./followUpRun";

const useStyles = makeStyles({
  ...formLayout,
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  spinner: { justifyContent: "flex-start" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  lists: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // The accordion's headers sit flush with the rest of the panel.
  sections: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, marginRight: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

const AFTER_WRITE = { title: "Written, but could not read the lists again", then: "Click Show lists before doing anything else." };

export function FollowUpPanel({ workbook, onWorkbookChanged, onGoToCell }: PanelProps) {
  const styles = useStyles();
  const { stage, notice, say, run } = useWorkbookOperation<FollowUpStage>();
  const [asOfText, setAsOfText] = useState(() => todayIso());
  const [asOfError, setAsOfError] = useState<string>();
  const [includeDone, setIncludeDone] = useState(false);
  const [books, setBooks] = useState<FollowUpBooks>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<SectionId[]>(SECTIONS.map((s) => s.id));
  const [limits, setLimits] = useState<Partial<Record<SectionId, number>>>({});
  const contracts = useRef<HTMLElement>(null);

  const sections = useMemo(() => (books ? sectionViews(books.lists, books.hasContracts) : []), [books]);
  const chosen = useMemo(() => selectedItems(sections, selected), [sections, selected]);

  // The lists as of a date, read again; the selection keeps what is still listed.
  const load = useCallback(
    async (asOf: IsoDate, done: boolean) => {
      const next = await readFollowUpBooks(workbook, asOf, done);
      const nextSections = sectionViews(next.lists, next.hasContracts);
      setBooks(next);
      setSelected((s) => keepListed(nextSections, s));
      setLimits({});
    },
    [workbook],
  );

  const show = useCallback(
    (done: boolean = includeDone) => {
      const asOf = readAsOf(asOfText);
      if (!asOf.ok) {
        setAsOfError(asOf.error);
        return;
      }
      setAsOfError(undefined);
      void run("reading", "Could not read the worklists", async () => {
        say(undefined);
        await load(asOf.asOf, done);
      });
    },
    [asOfText, includeDone, load, run, say],
  );

  // The lists as of today when the panel opens (and when another workbook is opened).
  useEffect(() => {
    void run("reading", "Could not read the worklists", () => load(todayIso(), false));
  }, [load, run]);

  const apply = async (request: ActionRequest): Promise<boolean> => {
    if (!books) return false;
    let written = false;
    say(undefined);
    await run(
      "writing",
      request.kind === "writeOff" ? "Could not write the items off" : "Could not set the status",
      async (steps) => {
        const today = todayIso();
        const items = chosen.map((item) => item.ref);
        const result =
          request.kind === "writeOff"
            ? await writeOff(workbook, { items, reason: request.reason, date: today }, today)
            : await setStatus(
                workbook,
                books.dateSystem,
                { items, status: request.status, date: today, followUpDate: request.followUpDate, note: request.note },
                today,
              );
        if (!result.ok) {
          say({
            intent: "error",
            title: request.kind === "writeOff" ? "Nothing was written off" : "The status was not set",
            body: refusedMessage(result.problems),
          });
          return;
        }
        steps.written();
        written = true;
        onWorkbookChanged?.(result.applied);
        await steps.announce("reading");
        await load(books.lists.asOf, books.includeDone);
        // Done with these: a second action starts from a new choice, never from the last one by accident.
        setSelected(new Set());
        say({
          intent: "success",
          title: request.kind === "writeOff" ? "Written off" : "Status set",
          body: writtenMessage(result.what, books.lists.asOf, today),
        });
      },
      { afterWrite: AFTER_WRITE },
    );
    return written;
  };

  const writeAppeal = (claimId: string, lines: string[]) => {
    if (!books) return;
    say(undefined);
    void run(
      "writing",
      "Could not write the appeal letter",
      async (steps) => {
        const result = await writeAppealLetter(workbook, books.lists.asOf, claimId, lines);
        if (!result.ok) {
          say({ intent: "error", title: "No appeal letter was written", body: refusedMessage(result.problems) });
          return;
        }
        steps.written();
        onWorkbookChanged?.(result.applied);
        say({ intent: "success", title: `Appeal letter for ${claimId}`, body: appealWrittenMessage(result.sheet, result.gaps) });
      },
      { afterWrite: AFTER_WRITE },
    );
  };

  const importRates = async (file: ContractFile, options: ContractImportOptions): Promise<boolean> => {
    if (!books) return false;
    let written = false;
    say(undefined);
    await run(
      "importing",
      "Could not import the contract rates",
      async (steps) => {
        const result = await importContracts(workbook, file, options);
        if (!result.ok) {
          say({ intent: "error", title: "No contract rates were imported", body: refusedMessage(result.problems) });
          return;
        }
        steps.written();
        written = true;
        onWorkbookChanged?.(result.applied);
        await steps.announce("reading");
        await load(books.lists.asOf, books.includeDone);
        say({ intent: "success", title: "Contract rates imported", body: importedMessage(result.what, result.notes) });
      },
      { afterWrite: AFTER_WRITE },
    );
    return written;
  };

  const goTo = onGoToCell
    ? (item: ItemView) => {
        const cell = books?.placeOf(item.item);
        if (!cell) {
          say({
            intent: "warning",
            title: "Could not show the line",
            body: `The Charges row of claim ${item.claimId} could not be found (was its ChargeID changed?): click Refresh and try again.`,
          });
          return;
        }
        void onGoToCell(cell).catch((error: unknown) => say({ intent: "error", ...billerMessage(error, "Could not show the cell") }));
      }
    : undefined;

  const select = (keys: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });

  const toContracts = () => {
    contracts.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    contracts.current?.focus({ preventScroll: true });
  };

  const idle = stage === undefined;
  const warning = books ? problemsWarning(books.problems) : undefined;
  const done = books && !books.includeDone ? doneNote(books.lists) : undefined;

  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Text as="h2" weight="semibold" size={400} className={styles.title}>
          Follow-up
        </Text>
        <Button appearance="subtle" size="small" icon={<ArrowClockwiseRegular />} onClick={() => show()} disabled={!idle}>
          Refresh
        </Button>
      </div>
      <Caption1 className={styles.hint}>
        Denials to work, payments under contract, claims with no answer, and claims near their filing limit. Click a row to see its line in
        Charges; tick rows to set their status or write them off.
      </Caption1>
      <div className={styles.fields}>
        <TextField
          label="As of"
          size="small"
          value={asOfText}
          error={asOfError}
          onChange={(text) => {
            setAsOfText(text);
            setAsOfError(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") show();
          }}
          disabled={!idle}
        />
        <Switch
          className={styles.field}
          label="Show written off and closed"
          checked={includeDone}
          onChange={(_, data) => {
            setIncludeDone(data.checked);
            show(data.checked);
          }}
          disabled={!idle}
        />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ClipboardTaskListLtrRegular />} onClick={() => show()} disabled={!idle}>
          Show lists
        </Button>
      </div>
      {stage && <Spinner size="tiny" labelPosition="after" label={STAGE_LABEL[stage]} className={styles.spinner} />}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {warning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{warning.title}</MessageBarTitle>
            <ul className={styles.problems} aria-label="Problems in the workbook">
              {warning.items.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
            {warning.more}
          </MessageBarBody>
        </MessageBar>
      )}
      {books && (
        <section className={styles.lists} aria-label="Follow-up lists">
          <Text weight="semibold">As of {books.lists.asOf}</Text>
          {done && <Caption1 className={styles.hint}>{done}</Caption1>}
          <div className={styles.sections}>
            <FollowUpSections
              sections={sections}
              open={open}
              onOpen={setOpen}
              limits={limits}
              onMore={(id) => setLimits((l) => ({ ...l, [id]: (l[id] ?? ITEMS_SHOWN) + ITEMS_SHOWN }))}
              selected={selected}
              onSelect={select}
              onGoTo={goTo}
              onContracts={toContracts}
              disabled={!idle}
            />
          </div>
          {chosen.length > 0 ? (
            <FollowUpActions
              items={chosen}
              onApply={apply}
              onAppealLetter={writeAppeal}
              onClear={() => setSelected(new Set())}
              disabled={!idle}
            />
          ) : (
            <Caption1 className={styles.hint}>Tick rows to set their status, write them off, or write an appeal letter.</Caption1>
          )}
        </section>
      )}
      {books && (
        <>
          <Divider />
          <ContractRates
            ref={contracts}
            books={books}
            onUnreadable={(problem) => say({ intent: "error", title: "Could not read the fee schedule", body: problem })}
            onImport={importRates}
            disabled={!idle}
          />
        </>
      )}
    </div>
  );
}
