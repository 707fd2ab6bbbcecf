// Acknowledgements, at the foot of the Claims panel: the biller picks the clearinghouse's 999 or the
// payer's 277CA (or several), the pane shows per file how many claims were accepted, rejected and not
// matched, each rejected claim with its payer and the reason in words, what could not be tied to a
// claim and any warnings, before anything is written. Record adds one ClaimStatus row per claim
// answered, with the Audit row (acksRun.ts makes the plan again on the workbook as it is then); the
// panel then reads its claims again, so a rejected claim is back in the list to correct and resend.
import { useMemo, useRef, useState, type ChangeEvent } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkRegular, DismissRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import type { AckBooks, AckFile } from "../../src/acks/acksPlan";
import type { AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { formLayout } from "../formLayout";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { ACK_FILE_TYPES, previewAcks, readAckTables, readPickedAcks, recordAcks, rejectedLine } from "./acksRun";

const useStyles = makeStyles({
  ...formLayout,
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0 },
  files: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalXS, minWidth: 0 },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  words: { overflowWrap: "anywhere", minWidth: 0 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

type AckStage = "reading" | "writing";

const STAGE_LABEL: Record<AckStage, string> = {
  reading: "Reading the acknowledgement…",
  writing: "Recording the answers…",
};

export interface AckImportProps {
  workbook: Workbook;
  /** Called once the answers are written, so the host can show what changed. */
  onWorkbookChanged?: (applied: AppliedPlan) => void;
  /** Called after a write, for the panel to read its claims again (a rejected claim is to send again). */
  onRecorded?: () => void;
  /** The panel is busy with another job. */
  disabled?: boolean;
}

export function AckImport({ workbook, onWorkbookChanged, onRecorded, disabled = false }: AckImportProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { busy, stage, notice, say, run } = useWorkbookOperation<AckStage>();
  const [picked, setPicked] = useState<{ files: AckFile[]; books: AckBooks }>();

  // Against ClaimStatus and Charges as read when the files were picked: Record plans on them read again.
  const preview = useMemo(() => (picked ? previewAcks(picked.files, picked.books) : undefined), [picked]);
  const off = disabled || busy;

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = ""; // so picking the same file again reads it again
    if (chosen.length === 0) return;
    await run("reading", "Could not read the acknowledgement", async () => {
      say(undefined);
      setPicked(undefined);
      const read = readPickedAcks(
        await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
      );
      if (!read.ok) {
        say({ intent: "error", title: "Could not read the acknowledgement", body: read.problem });
        return;
      }
      setPicked({ files: read.files, books: await readAckTables(workbook) });
    });
  };

  const record = () => {
    if (!picked) return;
    void run(
      "writing",
      "Could not record the acknowledgement",
      async ({ written }) => {
        say(undefined);
        const result = await recordAcks(workbook, picked.files);
        if (!result.ok) {
          say({ intent: "warning", title: "Nothing was recorded", body: result.problem });
          return;
        }
        setPicked(undefined);
        if (!result.applied) {
          say({ intent: "info", title: "Nothing new to record", body: result.message });
          return;
        }
        written();
        onWorkbookChanged?.(result.applied);
        say({ intent: "success", title: "Acknowledgement recorded", body: result.message });
        onRecorded?.();
      },
      { afterWrite: { title: "Recorded, but something went wrong after", then: "Click Refresh before recording anything else." } },
    );
  };

  return (
    <section className={styles.root} aria-label="Acknowledgements">
      <Text as="h3" weight="semibold" size={300} className={styles.title}>
        Acknowledgements
      </Text>
      <Caption1 className={styles.hint}>
        Import the 999 from your clearinghouse or the 277CA from a payer: each claim it answers gets an Accepted or Rejected row in
        ClaimStatus, with the reason.
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()} disabled={off}>
          {picked ? "Choose another file…" : "Import acknowledgement…"}
        </Button>
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept={ACK_FILE_TYPES}
        onChange={(event) => void pick(event)}
        data-testid="ack-file"
        aria-label="Acknowledgement file (999 or 277CA)"
      />
      {stage && <Spinner size="tiny" labelPosition="after" label={STAGE_LABEL[stage]} />}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {picked && preview && (
        <MessageBar intent={preview.ok ? "info" : "warning"} layout="multiline" role="status">
          <MessageBarBody className={styles.words}>
            <MessageBarTitle>
              {!preview.ok ? "Cannot record these answers" : preview.adds > 0 ? "Ready to record" : "Nothing new"}
            </MessageBarTitle>
            {preview.ok ? (
              <div className={styles.files}>
                {preview.files.map((f, i) => (
                  <div key={i} className={styles.file}>
                    <Text weight="semibold" className={styles.words}>
                      {f.headline}
                    </Text>
                    <Caption1 className={styles.words}>{f.source}</Caption1>
                    {f.rejected.length > 0 && (
                      <ul className={styles.lines} aria-label={`Rejected claims in ${f.name}`}>
                        {f.rejected.map((claim) => (
                          <li key={claim.claimId}>{rejectedLine(claim)}</li>
                        ))}
                      </ul>
                    )}
                    {f.notMatched.length > 0 && (
                      <ul className={styles.lines} aria-label={`Not matched in ${f.name}`}>
                        {f.notMatched.map((line, k) => (
                          <li key={k}>{line}</li>
                        ))}
                      </ul>
                    )}
                    {f.warnings.length > 0 && (
                      <ul className={styles.lines} aria-label={`Warnings in ${f.name}`}>
                        {f.warnings.map((line, k) => (
                          <li key={k}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                ))}
                <span className={styles.words}>{preview.closing}</span>
              </div>
            ) : (
              <span className={styles.words}>{preview.problem}</span>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {picked && (
        <div className={styles.actions}>
          {preview?.ok && preview.adds > 0 && (
            <Button appearance="primary" size="small" icon={<CheckmarkRegular />} onClick={record} disabled={off}>
              Record
            </Button>
          )}
          <Button size="small" icon={<DismissRegular />} onClick={() => setPicked(undefined)} disabled={off}>
            Cancel
          </Button>
        </div>
      )}
    </section>
  );
}
