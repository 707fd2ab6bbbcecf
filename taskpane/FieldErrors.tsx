// How a pane's form says what does not read: each mistake on its own field (fieldValidation), a
// count under the form saying what to do next (FixMarkedFields), and a field's mistake gone as soon
// as the biller edits that field (errorsAfterEdit).
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** A Field's validation props: the message in red, or nothing. */
export function fieldValidation(message: string | undefined) {
  return {
    validationMessage: message,
    validationState: message ? ("error" as const) : ("none" as const),
  };
}

/** The mistakes left once the fields in `edited` changed: theirs go, the others stay. */
export function errorsAfterEdit<E extends Partial<Record<string, string>>>(errors: E, edited: object): E {
  const cleared = Object.keys(edited);
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !cleared.includes(k))) as E;
}

/** "Fix the 2 fields marked in red, then run again." Nothing when no field is marked. */
export function FixMarkedFields({ count, then }: { count: number; then: "run" | "preview" | "save" }) {
  const styles = useStyles();
  if (count === 0) return null;
  return (
    <Caption1 className={styles.error}>
      {count === 1 ? `Fix the field marked in red, then ${then} again.` : `Fix the ${count} fields marked in red, then ${then} again.`}
    </Caption1>
  );
}
