// What a check found, as the Codes and Claims panes list it: notes (what was not checked, and why),
// each with an info icon; and problem lines, each with its error or warning icon (the icon names
// itself, so the colour never speaks alone), a button that shows the problem's cell when there is
// one (Excel selects it; the browser host scrolls its preview to it), plain text when there is not.
import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import { clickableRow } from "./formLayout";

const useStyles = makeStyles({
  notes: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  note: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  noteIcon: { flexShrink: 0, marginTop: "1px", color: tokens.colorNeutralForeground3 },
  problem: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    backgroundColor: "transparent",
    textAlign: "left",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  clickable: clickableRow,
  icon: { marginTop: "1px", fontSize: "14px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface NoteListProps {
  /** The list's accessible name ("Check notes"). */
  label: string;
  notes: readonly string[];
  /** Added to each note's own style (a colour, wrapping). */
  noteClassName?: string;
}

export function NoteList({ label, notes, noteClassName }: NoteListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.notes} aria-label={label}>
      {notes.map((note, i) => (
        <li key={i} className={mergeClasses(styles.note, noteClassName)}>
          <InfoRegular className={styles.noteIcon} />
          <span>{note}</span>
        </li>
      ))}
    </ul>
  );
}

export interface ProblemLineProps {
  severity: "error" | "warning";
  /** Shows the problem's cell; without it the line is plain text. */
  onGoTo?: () => void;
  /** Where and what, in the second column (the first holds the icon). */
  children: ReactNode;
}

export function ProblemLine({ severity, onGoTo, children }: ProblemLineProps) {
  const styles = useStyles();
  const error = severity === "error";
  const Icon = error ? ErrorCircleRegular : WarningRegular;
  const content = (
    <>
      <Icon className={mergeClasses(styles.icon, error ? styles.error : styles.warning)} aria-label={error ? "Error" : "Warning"} />
      {children}
    </>
  );
  if (!onGoTo) return <div className={styles.problem}>{content}</div>;
  return (
    <button type="button" className={mergeClasses(styles.problem, styles.clickable)} onClick={onGoTo}>
      {content}
    </button>
  );
}
