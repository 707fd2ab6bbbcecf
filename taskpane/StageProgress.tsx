// The progress bar a pane shows while a long job (an import, a report, a batch of statements, a
// claims check) goes through its stages, with the stage in words under it; and nextPaint, which
// lets the browser draw the bar before the next synchronous stretch of work.
import { Field, ProgressBar } from "@fluentui/react-components";

/** Lets the browser draw a state change (the progress bar) before the next synchronous stretch of work. */
export const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

export interface StageProgressProps {
  /** The stage in words ("Reading the workbook…"). */
  label: string;
  /** How far along, from 0 to 1. */
  value: number;
  /** The bar's accessible name ("Report progress"). */
  name: string;
}

export function StageProgress({ label, value, name }: StageProgressProps) {
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={value} thickness="large" aria-label={name} />
    </Field>
  );
}
