// What the office does about the selected items: set their status (appealed, resubmitted, closed, back
// to open) with an optional follow-up date and note, or write them off with a reason (asked once more
// before anything is posted), or write an appeal letter for one claim's denied or underpaid lines. It stays at the bottom of the pane while the lists scroll, so the
// selection and the action are in sight together. A field that does not read is said on the field and
// nothing is written; the engine's refusals are the panel's notice.
import { useState } from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ConfirmDialog } from "../ConfirmDialog";
import { DismissRegular, DocumentTextRegular, MoneyOffRegular, TaskListLtrRegular } from "@fluentui/react-icons";
import { plural } from "../billerMessage";
import { errorsAfterEdit } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { ChoiceField, TextField, type ChoiceOption } from "../LabelledField";
import {
  EMPTY_ACTION_FORM,
  STATUS_CHOICES,
  appealTarget,
  readActionForm,
  selectionSummary,
  type ActionForm,
  type ActionFormErrors,
  type ItemView,
  type ReadAction,
} from "./followUpView";

const useStyles = makeStyles({
  ...formLayout,
  root: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
  },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  summary: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  confirmList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  why: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const ACTION_OPTIONS: readonly ChoiceOption<ActionForm["action"]>[] = [
  ...STATUS_CHOICES.map((status) => ({ value: status, label: status === "Open" ? "Set back to Open" : `Set to ${status}` })),
  { value: "Write off", label: "Write off" },
];

export type ActionRequest = Extract<ReadAction, { ok: true }>;

export interface FollowUpActionsProps {
  items: ItemView[];
  /** Write it; resolves true once written (the form is cleared then). */
  onApply: (request: ActionRequest) => Promise<boolean>;
  onClear: () => void;
  disabled: boolean;
  /** Write an appeal letter for the selected denied or underpaid lines of one claim. */
  onAppealLetter: (claimId: string, lines: string[]) => void;
}

export function FollowUpActions({ items, onApply, onClear, disabled, onAppealLetter }: FollowUpActionsProps) {
  const styles = useStyles();
  const [form, setForm] = useState<ActionForm>(EMPTY_ACTION_FORM);
  const [errors, setErrors] = useState<ActionFormErrors>({});
  const [confirming, setConfirming] = useState<ActionRequest>();

  const change = (next: Partial<ActionForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setErrors((e) => errorsAfterEdit(e, next));
  };

  const apply = async (request: ActionRequest) => {
    if (await onApply(request)) setForm((f) => ({ ...EMPTY_ACTION_FORM, action: f.action }));
  };

  const start = () => {
    const read = readActionForm(form);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    if (read.kind === "writeOff") setConfirming(read);
    else void apply(read);
  };

  const writingOff = form.action === "Write off";
  const appeal = appealTarget(items);

  return (
    <section className={styles.root} aria-label="Selected items">
      <div className={styles.head}>
        <Text weight="semibold" size={300} className={styles.summary}>
          {selectionSummary(items)}
        </Text>
        <Button appearance="subtle" size="small" icon={<DismissRegular />} onClick={onClear} disabled={disabled}>
          Clear
        </Button>
      </div>
      <div className={styles.fields}>
        <ChoiceField
          label="Action"
          size="small"
          wide
          value={form.action}
          options={ACTION_OPTIONS}
          onChange={(action) => change({ action })}
          disabled={disabled}
        />
        {writingOff ? (
          <TextField
            label="Reason"
            size="small"
            wide
            value={form.reason}
            placeholder="Denial not appealed"
            hint="Posted with each write-off and kept on the item's FollowUp row."
            error={errors.reason}
            onChange={(reason) => change({ reason })}
            disabled={disabled}
          />
        ) : (
          <>
            <TextField
              label="Follow-up date"
              size="small"
              value={form.followUpDate}
              placeholder="Optional"
              error={errors.followUpDate}
              onChange={(followUpDate) => change({ followUpDate })}
              disabled={disabled}
            />
            <TextField
              label="Note"
              size="small"
              value={form.note}
              placeholder="Optional"
              onChange={(note) => change({ note })}
              disabled={disabled}
            />
          </>
        )}
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          size="small"
          icon={writingOff ? <MoneyOffRegular /> : <TaskListLtrRegular />}
          onClick={start}
          disabled={disabled || items.length === 0}
        >
          {writingOff ? "Write off…" : "Set status"}
        </Button>
        <Button
          size="small"
          icon={<DocumentTextRegular />}
          onClick={() => appeal.ok && onAppealLetter(appeal.claimId, appeal.lines)}
          disabled={disabled || !appeal.ok}
          aria-describedby={appeal.ok ? undefined : "appeal-why"}
        >
          Appeal letter
        </Button>
      </div>
      {!appeal.ok && (
        <Caption1 id="appeal-why" className={styles.why}>
          {appeal.why}
        </Caption1>
      )}
      <ConfirmDialog
        open={confirming !== undefined}
        title={`Write off ${plural(items.length, "item")}?`}
        yes="Yes, write them off"
        onYes={() => {
          const request = confirming;
          setConfirming(undefined);
          if (request) void apply(request);
        }}
        onCancel={() => setConfirming(undefined)}
      >
        <p>
          What each payer still owes on these lines is posted as an office write-off (group WO), dated today, with the reason “
          {confirming?.kind === "writeOff" ? confirming.reason : ""}”, and the items are marked Written off. To undo it, reverse the
          postings on the Post payments tab.
        </p>
        <ul className={styles.confirmList}>
          {items.slice(0, 8).map((item) => (
            <li key={item.key}>
              {item.claimId} · {item.what} · {item.amountText}
            </li>
          ))}
          {items.length > 8 && <li>and {plural(items.length - 8, "more item")}</li>}
        </ul>
      </ConfirmDialog>
    </section>
  );
}
