// The Month-end close panel: what is closed now; the period to close (through the last day of the
// previous month unless the biller types another, from the day after the last close); Preview, which
// shows the close report's equation and whether it ties to the cent; "Close the books through …",
// asked once more before anything is written; and Reopen, which needs a reason. The work is in
// closeRun.ts, the words in closeView.ts; a refusal is the panel's notice, nothing written.
import { useCallback, useEffect, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ConfirmDialog } from "../ConfirmDialog";
import { CalendarCheckmarkRegular, EyeRegular, LockOpenRegular } from "@fluentui/react-icons";
import type { ClosedBooks } from "../../src/close/closedBooks";
import type { ClosePeriod } from "../../src/close/closePlan";
import type { CloseReport } from "../../src/close/closeReport";
import { todayIso } from "../../src/dates";
import type { PanelProps } from "../panelProps";
import { FixMarkedFields, errorsAfterEdit } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { TextField } from "../LabelledField";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { STAGE_LABEL, closeTheBooks, previewClose, readClosedBooks, reopenTheBooks, type CloseStage } from "./closeRun";
import {
  closeButtonLabel,
  closedMessage,
  closedStatus,
  confirmCloseText,
  equationView,
  newCloseForm,
  readCloseForm,
  readReopenForm,
  reopenedMessage,
  unreadableNote,
  type CloseForm,
  type CloseFormErrors,
  type ReopenForm,
  type ReopenFormErrors,
} from "./closeView";

const useStyles = makeStyles({
  ...formLayout,
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  title: { margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  cell: {
    padding: `2px ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "left",
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  money: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  total: { fontWeight: tokens.fontWeightSemibold },
});

export function ClosePanel({ workbook, onWorkbookChanged }: PanelProps) {
  const styles = useStyles();
  const { busy, stage, notice, say, run } = useWorkbookOperation<CloseStage>();
  const [closed, setClosed] = useState<ClosedBooks>();
  const [form, setForm] = useState<CloseForm>(() => newCloseForm(todayIso(), undefined));
  const [errors, setErrors] = useState<CloseFormErrors>({});
  const [preview, setPreview] = useState<{ period: ClosePeriod; report: CloseReport; unreadable: number }>();
  const [confirming, setConfirming] = useState<ClosePeriod>();
  const [reopen, setReopen] = useState<ReopenForm>({ through: "", reason: "" });
  const [reopenErrors, setReopenErrors] = useState<ReopenFormErrors>({});

  const refresh = useCallback(async () => {
    const now = await readClosedBooks(workbook);
    setClosed(now);
    setForm(newCloseForm(todayIso(), now.ok ? now.closedThrough : undefined));
  }, [workbook]);

  useEffect(() => {
    void run("reading", "Could not read what is closed", refresh);
  }, [run, refresh]);

  const change = (next: Partial<CloseForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setErrors((e) => errorsAfterEdit(e, next));
    setPreview(undefined);
  };

  const showPreview = async () => {
    const read = readCloseForm(form);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    say(undefined);
    setPreview(undefined);
    await run("reading", "Could not preview the close", async () => {
      const made = await previewClose(workbook, read.period);
      if (!made.ok) say({ intent: "error", title: "Could not preview the close", body: made.problems.join(" ") });
      else setPreview({ period: read.period, report: made.report, unreadable: made.unreadable });
    });
  };

  const close = async (period: ClosePeriod) => {
    say(undefined);
    await run("closing", "Could not close the books", async ({ written }) => {
      const done = await closeTheBooks(workbook, period, todayIso());
      if (!done.ok) {
        say({ intent: "error", title: "The books were not closed", body: done.problems.join(" ") });
        return;
      }
      written();
      onWorkbookChanged?.(done.applied);
      setPreview(undefined);
      say({ intent: "success", title: "Books closed", body: closedMessage(period) });
      await refresh();
    });
  };

  const reopenBooks = async () => {
    const read = readReopenForm(reopen);
    if (!read.ok) {
      setReopenErrors(read.errors);
      return;
    }
    setReopenErrors({});
    say(undefined);
    await run("reopening", "Could not reopen the books", async ({ written }) => {
      const done = await reopenTheBooks(workbook, read.reopening, todayIso());
      if (!done.ok) {
        say({ intent: "error", title: "The books were not reopened", body: done.problems.join(" ") });
        return;
      }
      written();
      onWorkbookChanged?.(done.applied);
      setReopen({ through: "", reason: "" });
      setPreview(undefined);
      say({ intent: "success", title: "Books reopened", body: reopenedMessage(read.reopening) });
      await refresh();
    });
  };

  const view = preview && equationView(preview.report);
  const note = preview && unreadableNote(preview.unreadable);
  const isClosed = closed?.ok === true && closed.closedThrough !== undefined;

  return (
    <div className={styles.root}>
      <Text as="h2" weight="semibold" size={400} className={styles.title}>
        Month-end close
      </Text>
      <Text role="status">{closedStatus(closed)}</Text>
      <Caption1 className={styles.hint}>
        Closing refuses every payment, posting, adjustment and refund dated in the period. Preview first: the books close only when A/R at
        end ties to the cent.
      </Caption1>

      <section className={styles.section} aria-label="Period to close">
        <div className={styles.fields}>
          <TextField label="From" value={form.from} error={errors.from} onChange={(from) => change({ from })} disabled={busy} />
          <TextField
            label="Through"
            value={form.through}
            error={errors.through}
            onChange={(through) => change({ through })}
            disabled={busy}
          />
        </div>
        <FixMarkedFields count={Object.keys(errors).length} then="preview" />
        <div className={styles.actions}>
          <Button icon={<EyeRegular />} onClick={() => void showPreview()} disabled={busy}>
            Preview
          </Button>
        </div>
      </section>

      {stage && <Spinner size="tiny" labelPosition="after" label={STAGE_LABEL[stage]} />}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}

      {preview && view && (
        <section className={styles.section} aria-label="Close report">
          <Text weight="semibold">
            {preview.period.from} to {preview.period.through}
          </Text>
          <table className={styles.table}>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.label} className={row.total ? styles.total : undefined}>
                  <td className={styles.cell}>{row.label}</td>
                  <td className={`${styles.cell} ${styles.money}`}>{row.amount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MessageBar intent={view.ties ? "success" : "error"} layout="multiline">
            <MessageBarBody>{view.verdict}</MessageBarBody>
          </MessageBar>
          <Caption1 className={styles.hint}>{view.endParts}</Caption1>
          {note && <Caption1 className={styles.hint}>{note}</Caption1>}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<CalendarCheckmarkRegular />}
              onClick={() => setConfirming(preview.period)}
              disabled={busy || !view.ties}
            >
              {closeButtonLabel(preview.period.through)}
            </Button>
          </div>
        </section>
      )}

      {isClosed && (
        <section className={styles.section} aria-label="Reopen">
          <Text weight="semibold">Reopen</Text>
          <div className={styles.fields}>
            <TextField
              label="Closed through, after"
              hint="An earlier date, or blank for nothing closed"
              value={reopen.through}
              error={reopenErrors.through}
              onChange={(through) => {
                setReopen((r) => ({ ...r, through }));
                setReopenErrors((e) => errorsAfterEdit(e, { through }));
              }}
              disabled={busy}
            />
            <TextField
              label="Reason"
              wide
              value={reopen.reason}
              error={reopenErrors.reason}
              onChange={(reason) => {
                setReopen((r) => ({ ...r, reason }));
                setReopenErrors((e) => errorsAfterEdit(e, { reason }));
              }}
              disabled={busy}
            />
          </div>
          <div className={styles.actions}>
            <Button icon={<LockOpenRegular />} onClick={() => void reopenBooks()} disabled={busy}>
              Reopen
            </Button>
          </div>
        </section>
      )}

      <ConfirmDialog
        open={confirming !== undefined}
        title={confirming ? `${closeButtonLabel(confirming.through)}?` : ""}
        yes="Yes, close the books"
        onYes={() => {
          const period = confirming;
          setConfirming(undefined);
          if (period) void close(period);
        }}
        onCancel={() => setConfirming(undefined)}
      >
        {confirming ? confirmCloseText(confirming) : ""}
      </ConfirmDialog>
    </div>
  );
}
