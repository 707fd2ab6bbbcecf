// Importing a code file: what the file holds and its year when its name does not say (both
// optional), a button that opens the file picker, and a progress bar through the stages of the import.
import { useRef, type ChangeEvent } from "react";
import { Button, Dropdown, Field, Input, Option, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import type { CodeSetKind } from "../../src/codes/codeSetLibrary";
import { StageProgress } from "../StageProgress";
import { STAGE_PROGRESS, stageLabel, type ImportForm, type ImportStage } from "./codeImport";

const KIND_CHOICES: { value: ImportForm["kind"]; text: string }[] = [
  { value: "auto", text: "Find out from the file" },
  { value: "ICD10CM", text: "ICD-10-CM (order or codes file)" },
  { value: "HCPCS", text: "HCPCS Level II" },
  { value: "LIST", text: "Two-column list (code, description)" },
];

const YEAR_HINT: Record<ImportForm["kind"], string> = {
  auto: "Only when the file name has no year.",
  ICD10CM: "The fiscal year, e.g. FY2026 (Oct 2025 to Sep 2026).",
  HCPCS: "The year of the file, e.g. 2026.",
  LIST: "",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Aligned to the top: the Year field's hint makes it taller, and a stretched Field spreads its label and control apart.
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)", alignItems: "start", gap: tokens.spacingHorizontalS },
  field: { minWidth: 0 },
  // Fluent gives inputs and dropdowns a minimum width that a 320-pixel pane has no room for.
  control: { minWidth: 0, width: "100%" },
  button: { alignSelf: "flex-start" },
  hidden: { display: "none" },
});

export interface ImportProgress {
  stage: ImportStage;
  codes?: number;
}

export interface CodeFileImportProps {
  form: ImportForm;
  onFormChange: (form: ImportForm) => void;
  onFile: (file: File) => void;
  /** Set while an import runs. */
  progress?: ImportProgress;
  disabled: boolean;
}

export function CodeFileImport({ form, onFormChange, onFile, progress, disabled }: CodeFileImportProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const chosen = KIND_CHOICES.find((c) => c.value === form.kind) ?? KIND_CHOICES[0];

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // so picking the same file again (after choosing its year) imports it
    if (file) onFile(file);
  };

  return (
    <div className={styles.root}>
      <div className={styles.fields}>
        <Field label="What the file holds" className={styles.field}>
          <Dropdown
            className={styles.control}
            value={chosen.text}
            selectedOptions={[chosen.value]}
            onOptionSelect={(_, data) => data.optionValue && onFormChange({ ...form, kind: data.optionValue as CodeSetKind | "auto" })}
            disabled={disabled}
            size="small"
          >
            {KIND_CHOICES.map((c) => (
              <Option key={c.value} value={c.value}>
                {c.text}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {form.kind === "LIST" ? (
          <Field label="List name" hint="e.g. CPT" className={styles.field}>
            <Input
              className={styles.control}
              size="small"
              value={form.listName}
              placeholder="The file's name"
              onChange={(_, data) => onFormChange({ ...form, listName: data.value })}
              disabled={disabled}
            />
          </Field>
        ) : (
          <Field label="Year" hint={YEAR_HINT[form.kind]} className={styles.field}>
            <Input
              className={styles.control}
              size="small"
              value={form.version}
              placeholder="From the name"
              onChange={(_, data) => onFormChange({ ...form, version: data.value })}
              disabled={disabled}
            />
          </Field>
        )}
      </div>
      <Button className={styles.button} icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()} disabled={disabled}>
        Import a code file…
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".txt,.zip,.xlsx,.csv"
        onChange={picked}
        data-testid="code-file"
        aria-label="Code file"
      />
      {progress && (
        <StageProgress label={stageLabel(progress.stage, progress.codes)} value={STAGE_PROGRESS[progress.stage]} name="Import progress" />
      )}
    </div>
  );
}
