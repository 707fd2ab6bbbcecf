// Secondary claims, in the Claims panel: the claims due to a patient's secondary payer (the primary
// answered every line and left the patient something no other payer has paid; never billed to the
// secondary nor crossed over), each with its secondary and primary payer, what is left, and whether it
// is ready or why it is held back; the claims a primary forwarded itself, said once; and Create
// secondary 837P, which writes the ready ones with the primary's answer on each line, records them in
// ClaimStatus (so they are not sent twice) and downloads the file. Read when the panel opens and on
// the panel's Refresh; nothing is written until the button is pressed.
import { useCallback, useEffect, useState } from "react";
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DocumentArrowDownRegular } from "@fluentui/react-icons";
import type { SecondaryBatch } from "../../src/claims/secondaryBatch";
import { todayIso } from "../../src/dates";
import type { AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { borderedList, formLayout } from "../formLayout";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { downloadClaimFile } from "./claimDownload";
import type { ExportedFile } from "./claimsRun";
import { ExportedClaimFile } from "./ExportedClaimFile";
import {
  crossedOverText,
  exportSecondaryClaims,
  readSecondaryBatch,
  secondaryExportedMessage,
  secondaryHeadline,
  secondaryRowView,
} from "./secondaryRun";

const useStyles = makeStyles({
  ...formLayout,
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  words: { overflowWrap: "anywhere", minWidth: 0 },
  list: { ...borderedList, minWidth: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "1px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    minWidth: 0,
  },
  held: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  head: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  claimId: { fontWeight: tokens.fontWeightSemibold },
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  problem: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

type SecondaryStage = "reading" | "writing";

export interface SecondaryClaimsProps {
  workbook: Workbook;
  onWorkbookChanged?: (applied: AppliedPlan) => void;
  /** The panel is busy with another job. */
  disabled?: boolean;
  /** Changed by the panel's Refresh (and after answers are recorded): the list is read again. */
  version?: number;
}

export function SecondaryClaims({ workbook, onWorkbookChanged, disabled = false, version = 0 }: SecondaryClaimsProps) {
  const styles = useStyles();
  const { busy, stage, notice, say, run } = useWorkbookOperation<SecondaryStage>();
  const [batch, setBatch] = useState<SecondaryBatch>();
  const [file, setFile] = useState<ExportedFile>();
  const off = disabled || busy;

  const read = useCallback(
    () =>
      run("reading", "Could not read the secondary claims", async () => {
        say(undefined);
        setBatch(await readSecondaryBatch(workbook, { today: todayIso() }));
      }),
    [run, say, workbook],
  );

  useEffect(() => {
    void read();
  }, [read, version]);

  const create = () =>
    void run(
      "writing",
      "Could not create the secondary 837P file",
      async ({ written }) => {
        say(undefined);
        setFile(undefined);
        const now = new Date();
        const result = await exportSecondaryClaims(workbook, { now, today: todayIso(now) });
        if (!result.ok) {
          say({ intent: "error", title: "Could not create the secondary 837P file", body: result.error });
          return;
        }
        written();
        const { outcome } = result;
        onWorkbookChanged?.(outcome.applied);
        setFile(outcome.file);
        say({ intent: "success", title: "Secondary 837P file created", body: secondaryExportedMessage(outcome) });
        downloadClaimFile(outcome.file);
        setBatch(await readSecondaryBatch(workbook, { today: todayIso(now) }));
      },
      { afterWrite: { title: "Created, but the list could not be read again", then: "Click Refresh before doing anything else." } },
    );

  const crossed = batch ? crossedOverText(batch.crossedOver) : undefined;
  return (
    <section className={styles.root} aria-label="Secondary claims">
      <div className={styles.heading}>
        <Text as="h3" weight="semibold" size={300} className={styles.title}>
          Secondary claims
        </Text>
      </div>
      <Caption1 className={styles.hint}>
        After the primary pays, what it left to the patient may be due to the patient&apos;s secondary payer, with the primary&apos;s answer
        on each line.
      </Caption1>
      {stage === "reading" && !batch && <Caption1>Reading the secondary claims…</Caption1>}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {file && <ExportedClaimFile file={file} onClose={() => setFile(undefined)} />}
      {batch && (
        <>
          <Text className={styles.words}>{secondaryHeadline(batch)}</Text>
          {crossed && <Caption1 className={styles.words}>{crossed}</Caption1>}
          {batch.entries.length > 0 && (
            <>
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  size="small"
                  icon={<DocumentArrowDownRegular />}
                  onClick={create}
                  disabled={off || batch.ready.length === 0}
                >
                  Create secondary 837P
                </Button>
              </div>
              <ul className={styles.list} aria-label="Claims due to a secondary payer">
                {batch.entries.map((entry) => {
                  const view = secondaryRowView(entry);
                  const held = view.status === "errors" || view.status === "refused";
                  return (
                    <li key={view.claimId} className={mergeClasses(styles.item, held && styles.held)} data-secondary={view.claimId}>
                      <span className={styles.head}>
                        <span className={styles.name}>
                          <span className={styles.claimId}>{view.claimId}</span> · {view.payers}
                        </span>
                        <span className={styles.amount}>{view.left}</span>
                      </span>
                      <span className={styles.sub}>{view.statusText}</span>
                      {view.problems.map((p, i) => (
                        <span key={i} className={held ? styles.problem : styles.sub}>
                          {p}
                        </span>
                      ))}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
