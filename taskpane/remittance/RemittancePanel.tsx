// The Import remittance panel: choose an 835 file from a payer (read here, never sent anywhere), see
// what it holds and what posting it will do (payments, claims matched or not, denials, reversals,
// provider-level adjustments, totals that tie out), then Post it in one write with its Audit row.
// The exceptions stay listed and can go to a sheet of their own. A refused file writes nothing,
// and a remittance posted before says when and posts nothing.
import { useCallback, useMemo, useRef, useState, type ChangeEvent } from "react";
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, DismissRegular, DocumentArrowUpRegular, TableAddRegular } from "@fluentui/react-icons";
import type { EraPreview } from "../../src/era/eraPreview";
import type { WritePlan } from "../../src/workbook/plan";
import type { BooksSnapshot } from "../../src/workbook/booksSnapshot";
import type { PanelProps } from "../panelProps";
import { plural } from "../billerMessage";
import { NoticeBar } from "../NoticeBar";
import { StageProgress } from "../StageProgress";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { STAGE_PROGRESS, exportExceptions, postRemittance, previewRemittance, stageLabel, type ImportStage } from "./remittanceImport";
import {
  alreadyPostedMessage,
  exceptionViews,
  postedMessage,
  postedTitle,
  previewSummary,
  refusalMessage,
  remittanceView,
} from "./remittanceView";
import { RemittanceCard } from "./RemittanceCard";
import { RemittanceExceptions } from "./RemittanceExceptions";
import { RemittanceWarnings } from "./RemittanceWarnings";

/** What runs: a file being read (its stage once it starts), a post, or the exceptions sheet being written. */
type Busy = "importing" | { stage: ImportStage; fileName: string } | "posting" | "exporting";

/** The file as chosen, kept so the preview can be read again after posting. */
interface Chosen {
  name: string;
  bytes: Uint8Array;
  preview: EraPreview;
  plan?: WritePlan;
  /** The tables the plan was made on, as they were: Post refuses when they changed. */
  snapshot: BooksSnapshot;
  /** Set once posted: the exceptions stay listed, Post is gone. */
  posted?: boolean;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  title: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  chooser: { alignSelf: "flex-start" },
  hidden: { display: "none" },
  spinner: { justifyContent: "flex-start" },
  preview: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  headline: { overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function RemittancePanel({ workbook, onWorkbookChanged }: PanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { stage: busy, notice, say, run } = useWorkbookOperation<Busy>();
  const [chosen, setChosen] = useState<Chosen>();

  const importFile = useCallback(
    async (file: File) => {
      say(undefined);
      setChosen(undefined);
      let bytes = new Uint8Array();
      await run("importing", "Could not read the remittance", async ({ announce }) => {
        const read = await previewRemittance(
          workbook,
          {
            name: file.name,
            read: async () => {
              bytes = new Uint8Array(await file.arrayBuffer());
              return bytes;
            },
          },
          (next) => announce({ stage: next, fileName: file.name }),
        );
        if (!read.ok) {
          say({ intent: "error", title: "Could not read the remittance", body: refusalMessage(read.error) });
          return;
        }
        setChosen({ name: file.name, bytes, preview: read.preview, plan: read.plan, snapshot: read.snapshot });
        const { toPost } = previewSummary(read.preview);
        if (!read.plan && read.preview.remittances.length > 0 && toPost.length === 0) {
          say({ intent: "warning", title: "Already posted", body: alreadyPostedMessage(read.preview) });
        } else if (!read.plan) {
          say({
            intent: "warning",
            title: "Nothing to post",
            body: "Nothing in this file can be posted to the workbook; the exceptions below say why.",
          });
        }
      });
    },
    [workbook, run, say],
  );

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // so choosing the same file again (after posting it) reads it again
    if (file) void importFile(file);
  };

  const post = async () => {
    if (!chosen?.plan) return;
    say(undefined);
    await run(
      "posting",
      "Could not post the remittance",
      async ({ unlessChanged }) => {
        const posted = await unlessChanged(postRemittance(workbook, { plan: chosen.plan!, snapshot: chosen.snapshot }));
        if (!posted.ok) {
          // Someone changed the books since this preview: show the file planned on them as they now are.
          const fresh = await previewRemittance(workbook, { name: chosen.name, read: async () => chosen.bytes });
          if (fresh.ok) {
            setChosen({ ...chosen, preview: fresh.preview, plan: fresh.plan, snapshot: fresh.snapshot });
            say({
              intent: "warning",
              title: "The workbook changed",
              body: `${posted.error} The preview below is read again: check it, then post.`,
            });
          }
          return;
        }
        onWorkbookChanged?.(posted.applied);
        // Posted: Post is gone whatever the reading again below does.
        setChosen({ ...chosen, plan: undefined, posted: true });
        say({ intent: "success", title: postedTitle(chosen.preview), body: postedMessage(chosen.preview) });
        // Read again, so the preview shows the workbook as it now is: each payment posted, and when.
        const again = await previewRemittance(workbook, { name: chosen.name, read: async () => chosen.bytes });
        setChosen({
          ...chosen,
          preview: again.ok ? { ...again.preview, exceptions: chosen.preview.exceptions } : chosen.preview,
          plan: undefined,
          posted: true,
        });
      },
      { afterWrite: { title: "Posted, but could not read the workbook again" } },
    );
  };

  const exportToSheet = async () => {
    if (!chosen) return;
    await run("exporting", "Could not export the exceptions", async () => {
      const applied = await exportExceptions(workbook, chosen.preview);
      onWorkbookChanged?.(applied);
      const sheet = applied.sheetsWritten[0];
      say({
        intent: "success",
        title: "Exceptions exported",
        body: `${plural(chosen.preview.exceptions.length, "exception is", "exceptions are")} on the sheet ${sheet ? `"${sheet}"` : "of exceptions"}. The Audit sheet records it.`,
      });
    });
  };

  const views = useMemo(() => chosen?.preview.remittances.map(remittanceView) ?? [], [chosen]);
  const exceptions = useMemo(() => (chosen ? exceptionViews(chosen.preview) : []), [chosen]);
  const summary = useMemo(() => (chosen ? previewSummary(chosen.preview) : undefined), [chosen]);
  const idle = busy === undefined;
  const importing = typeof busy === "object" ? busy : undefined;

  return (
    <div className={styles.root}>
      <Text as="h2" weight="semibold" size={400} className={styles.title}>
        Import remittance
      </Text>
      <Caption1 className={styles.hint}>
        Choose the 835 file (ERA) your payer or clearinghouse sent. It is read here; nothing is sent anywhere, and nothing is written until
        you click Post.
      </Caption1>
      <Button className={styles.chooser} icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()} disabled={!idle}>
        Choose an 835 file…
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".835,.txt,.edi,.x12"
        onChange={picked}
        data-testid="remittance-file"
        aria-label="Remittance file"
      />
      {importing && (
        <StageProgress
          label={stageLabel(importing.stage, importing.fileName)}
          value={STAGE_PROGRESS[importing.stage]}
          name="Import progress"
        />
      )}
      {(busy === "posting" || busy === "exporting") && (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={busy === "posting" ? "Posting…" : "Writing the exceptions sheet…"}
          className={styles.spinner}
        />
      )}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {chosen && summary && (
        <section className={styles.preview} aria-label="Remittance preview">
          <Text weight="semibold" className={styles.headline}>
            {summary.headline}
          </Text>
          {chosen.preview.warnings.length > 0 && <RemittanceWarnings warnings={chosen.preview.warnings} />}
          {views.map((view) => (
            <RemittanceCard key={view.key} view={view} />
          ))}
          {exceptions.length > 0 && <RemittanceExceptions exceptions={exceptions} />}
          <div className={styles.actions}>
            {chosen.plan && !chosen.posted && (
              <Button appearance="primary" icon={<CheckmarkRegular />} onClick={() => void post()} disabled={!idle}>
                Post
              </Button>
            )}
            {exceptions.length > 0 && (
              <Button icon={<TableAddRegular />} onClick={() => void exportToSheet()} disabled={!idle}>
                Export exceptions to a sheet
              </Button>
            )}
            <Button
              icon={<DismissRegular />}
              onClick={() => {
                setChosen(undefined);
                say(undefined);
              }}
              disabled={!idle}
            >
              {chosen.posted || !chosen.plan ? "Close" : "Cancel"}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
