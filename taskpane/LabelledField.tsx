// A labelled field of a pane's form, the one way the forms draw one: a typed value (TextField) or a
// choice from a list (ChoiceField), with its label, its mistake in red under it, half a row or the
// whole row, and the control as wide as the field (formLayout.ts says why).
import type { KeyboardEvent } from "react";
import { Field, Input, Select, makeStyles, mergeClasses } from "@fluentui/react-components";
import { fieldValidation } from "./FieldErrors";
import { formLayout } from "./formLayout";

const useStyles = makeStyles({
  field: formLayout.field,
  wide: formLayout.wide,
  control: formLayout.control,
});

interface LabelledProps {
  label: string;
  /** The field's mistake, said under it in red. */
  error?: string;
  /** Across the whole row instead of half of it. */
  wide?: boolean;
  /** A grey line under the field. */
  hint?: string;
  disabled?: boolean;
  size?: "small" | "medium";
}

export interface TextFieldProps extends LabelledProps {
  value: string;
  onChange: (value: string) => void;
  inputMode?: "decimal" | "numeric";
  placeholder?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

export function TextField({
  label,
  error,
  wide,
  hint,
  disabled,
  size,
  value,
  onChange,
  inputMode,
  placeholder,
  onKeyDown,
}: TextFieldProps) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint} className={mergeClasses(styles.field, wide && styles.wide)} {...fieldValidation(error)}>
      <Input
        className={styles.control}
        size={size}
        inputMode={inputMode}
        placeholder={placeholder}
        value={value}
        onChange={(_, data) => onChange(data.value)}
        onKeyDown={onKeyDown}
        disabled={disabled}
      />
    </Field>
  );
}

/** One entry of a choice's list; a "Choose…" entry is an option whose value is "". */
export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceFieldProps<T extends string> extends LabelledProps {
  value: T;
  options: readonly ChoiceOption<T>[];
  onChange: (value: T) => void;
}

export function ChoiceField<T extends string>({ label, error, wide, hint, disabled, size, value, options, onChange }: ChoiceFieldProps<T>) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint} className={mergeClasses(styles.field, wide && styles.wide)} {...fieldValidation(error)}>
      <Select className={styles.control} size={size} value={value} onChange={(_, data) => onChange(data.value as T)} disabled={disabled}>
        {options.map((o, i) => (
          // By place too: a list may hold "" twice (Every payer, and a payer with no PayerID).
          <option key={`${i}|${o.value}`} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
