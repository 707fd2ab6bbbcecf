// Setup › Practice settings: every setting MedBill reads from the Practice table, edited in the pane,
// so an office without Excel (the browser host) can fill in what an 837P or a statement needs. Closed
// until the biller opens it (Setup stays short); opened, it reads the Practice table and shows the
// settings group by group with their help, each mistake under its field, and Save, which writes the
// changed settings only, with an Audit row. The form stays in place while it saves and reads again
// (Save keeps the focus), so a keyboard user is not dropped at the top of the page. The work is in
// practiceSettingsForm.ts and the engine's practiceForm.ts.
import { useCallback, useEffect, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, ArrowUndoRegular, SaveRegular } from "@fluentui/react-icons";
import { practiceProblems, type PracticeField, type PracticeGroup, type PracticeValues } from "../../src/workbook/practiceForm";
import { errorsAfterEdit, fieldValidation, FixMarkedFields } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { TextField } from "../LabelledField";
import { NoticeBar } from "../NoticeBar";
import type { PanelProps } from "../panelProps";
import { useWorkbookOperation } from "../useWorkbookOperation";
import {
  fieldHint,
  fieldPlaceholder,
  FORM_GROUPS,
  groupsWithProblems,
  readPracticeSettings,
  reloaded,
  savedMessage,
  savePracticeSettings,
  unsavedCount,
} from "./practiceSettingsForm";

type Stage = "reading" | "saving";

const STAGE_LABEL: Record<Stage, string> = {
  reading: "Reading the Practice table…",
  saving: "Saving the settings…",
};

const useStyles = makeStyles({
  ...formLayout,
  body: { ...formLayout.root, minWidth: 0, paddingBottom: tokens.spacingVerticalM },
  title: { fontWeight: tokens.fontWeightSemibold },
  groupHeader: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, width: "100%", minWidth: 0 },
  groupFields: { ...formLayout.fields, paddingBottom: tokens.spacingVerticalS },
});

export interface PracticeSettingsFormProps extends PanelProps {
  /** Anything that changes when the Setup panel reads the workbook again (a table created): the form reads again too. */
  readKey?: unknown;
}

interface Loaded {
  sheet: string;
  read: PracticeValues;
  typed: PracticeValues;
}

export function PracticeSettingsForm({ workbook, onWorkbookChanged, readKey }: PracticeSettingsFormProps) {
  const styles = useStyles();
  const op = useWorkbookOperation<Stage>();
  const { run, say } = op;
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>();
  const [missing, setMissing] = useState<string>();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [openGroups, setOpenGroups] = useState<PracticeGroup[]>([]);

  /** Read the table; what the biller typed and has not saved is kept. */
  const load = useCallback(
    () =>
      run("reading", "Could not read the Practice settings", async () => {
        const read = await readPracticeSettings(workbook);
        if (!read.ok) {
          setMissing(read.problem);
          setLoaded(undefined);
          return true;
        }
        setMissing(undefined);
        setLoaded((before) => ({
          sheet: read.sheet,
          ...(before ? reloaded(before.read, before.typed, read.values) : { read: read.values, typed: read.values }),
        }));
        return true;
      }),
    [run, workbook],
  );

  useEffect(() => {
    if (open) void load();
  }, [open, load, readKey]);

  const change = (name: string, value: string) => {
    setLoaded((l) => l && { ...l, typed: { ...l.typed, [name]: value } });
    setProblems((p) => errorsAfterEdit(p, { [name]: value }));
  };

  const save = async () => {
    if (!loaded || op.busy) return;
    say(undefined);
    const found = practiceProblems(loaded.typed);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setOpenGroups((g) => [...new Set([...g, ...groupsWithProblems(found)])]);
      return;
    }
    const done = await run("saving", "The settings were not saved", () => savePracticeSettings(workbook, loaded.read, loaded.typed));
    if (!done) return;
    if (done.kind === "unchanged") return say({ intent: "info", body: "No setting was changed: nothing was written." });
    if (done.kind === "invalid") {
      setProblems(done.problems);
      setOpenGroups((g) => [...new Set([...g, ...groupsWithProblems(done.problems)])]);
      return;
    }
    if (done.kind === "refused") return say({ intent: "warning", title: "Nothing was saved", body: done.problem });
    onWorkbookChanged?.(done.applied);
    // Read again from the workbook, so the form shows what was written (a failure to read says so instead).
    if (await load()) say({ intent: "success", title: "Settings saved", body: savedMessage(done.saved) });
  };

  const unsaved = loaded ? unsavedCount(loaded.read, loaded.typed) : 0;
  const problemCount = Object.keys(problems).length;

  return (
    <Accordion collapsible openItems={open ? ["practice"] : []} onToggle={(_, data) => setOpen(data.openItems.includes("practice"))}>
      <AccordionItem value="practice">
        <AccordionHeader size="large" expandIconPosition="end">
          <span className={styles.title}>Practice settings</span>
        </AccordionHeader>
        <AccordionPanel>
          <section className={styles.body} aria-label="Practice settings">
            {op.stage && <Spinner size="tiny" labelPosition="after" label={STAGE_LABEL[op.stage]} />}
            {op.notice && <NoticeBar notice={op.notice} onDismiss={() => say(undefined)} />}
            {missing && <Caption1>{missing}</Caption1>}
            {loaded && (
              <>
                <Caption1 className={styles.hint}>
                  What MedBill reads from the Practice table ({loaded.sheet} sheet), group by group. A blank setting takes the default said
                  under it; only the settings you change are saved.
                </Caption1>
                <Accordion
                  multiple
                  collapsible
                  openItems={openGroups}
                  onToggle={(_, data) => setOpenGroups(data.openItems as PracticeGroup[])}
                >
                  {FORM_GROUPS.map(({ group, fields }) => {
                    const wrong = fields.filter((f) => problems[f.name] !== undefined).length;
                    return (
                      <AccordionItem key={group} value={group}>
                        <AccordionHeader size="small" expandIconPosition="end">
                          <span className={styles.groupHeader}>
                            <span>{group}</span>
                            {wrong > 0 && (
                              <Badge appearance="tint" color="danger">
                                {wrong === 1 ? "1 to fix" : `${wrong} to fix`}
                              </Badge>
                            )}
                          </span>
                        </AccordionHeader>
                        <AccordionPanel>
                          <div className={styles.groupFields} role="group" aria-label={group}>
                            {fields.map((f) => (
                              <SettingField
                                key={f.name}
                                field={f}
                                value={loaded.typed[f.name] ?? ""}
                                error={problems[f.name]}
                                disabled={op.busy}
                                onChange={(value) => change(f.name, value)}
                              />
                            ))}
                          </div>
                        </AccordionPanel>
                      </AccordionItem>
                    );
                  })}
                </Accordion>
                <FixMarkedFields count={problemCount} then="save" />
                <div className={styles.actions}>
                  <Button appearance="primary" size="small" icon={<SaveRegular />} onClick={() => void save()} disabledFocusable={op.busy}>
                    Save settings
                  </Button>
                  <Button
                    size="small"
                    icon={<ArrowUndoRegular />}
                    onClick={() => {
                      setLoaded((l) => l && { ...l, typed: l.read });
                      setProblems({});
                    }}
                    disabled={op.busy || unsaved === 0}
                  >
                    Discard changes
                  </Button>
                  <Button size="small" appearance="subtle" icon={<ArrowClockwiseRegular />} onClick={() => void load()} disabled={op.busy}>
                    Refresh
                  </Button>
                </div>
                {unsaved > 0 && (
                  <Caption1 className={styles.hint}>
                    {unsaved === 1 ? "1 change not saved yet." : `${unsaved} changes not saved yet.`}
                  </Caption1>
                )}
              </>
            )}
          </section>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

interface SettingFieldProps {
  field: PracticeField;
  value: string;
  error?: string;
  disabled: boolean;
  onChange: (value: string) => void;
}

/** One setting: a line of text, several lines (messages, the remit-to address), or MedBill's own number, shown only. */
function SettingField({ field: f, value, error, disabled, onChange }: SettingFieldProps) {
  const styles = useStyles();
  const hint = fieldHint(f);
  if (f.kind === "kept") {
    return (
      <Field label={f.name} hint={hint} className={mergeClasses(styles.field, styles.wide)}>
        <Input className={styles.control} size="small" value={value} placeholder="None yet" readOnly />
      </Field>
    );
  }
  if (f.kind === "longText") {
    return (
      <Field label={f.name} hint={hint} className={mergeClasses(styles.field, styles.wide)} {...fieldValidation(error)}>
        <Textarea
          className={styles.control}
          size="small"
          resize="vertical"
          value={value}
          placeholder={fieldPlaceholder(f)}
          onChange={(_, data) => onChange(data.value)}
          disabled={disabled}
        />
      </Field>
    );
  }
  const numeric = f.kind === "days" || f.kind === "money" || f.kind === "percent";
  return (
    <TextField
      label={f.name}
      size="small"
      wide
      hint={hint}
      value={value}
      placeholder={fieldPlaceholder(f)}
      inputMode={numeric ? "decimal" : undefined}
      error={error}
      onChange={onChange}
      disabled={disabled}
    />
  );
}
