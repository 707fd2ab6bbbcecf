// What "Check the workbook" found: a headline, the notes (code sets that were not loaded), and the
// first problems, each a button that shows its cell (Excel selects it; the browser host scrolls to it).
import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import type { CodeCheckReport, CodeProblem } from "../../src/codes/checkWorkbookCodes";
import { NoticeBar } from "../NoticeBar";
import { codeCheckView, problemPlace } from "./codeCheck";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  notes: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  note: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  noteIcon: { flexShrink: 0, marginTop: "1px", color: tokens.colorNeutralForeground3 },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    maxHeight: "360px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: { ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
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
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  icon: { marginTop: "1px", fontSize: "14px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  place: { fontWeight: tokens.fontWeightSemibold },
  value: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: "0 3px",
    overflowWrap: "anywhere",
  },
  reason: { gridColumn: "2", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface CodeProblemListProps {
  report: CodeCheckReport;
  /** The code sets changed after this check ran. */
  stale: boolean;
  /** Show the problem's cell; without it the problems are plain text. */
  onGoTo?: (problem: CodeProblem) => void;
  onDismiss: () => void;
}

export function CodeProblemList({ report, stale, onGoTo, onDismiss }: CodeProblemListProps) {
  const styles = useStyles();
  const view = codeCheckView(report);
  return (
    <section className={styles.root} aria-label="Code check">
      <NoticeBar
        notice={{ intent: view.intent, title: view.shown.length > 0 ? "Codes to fix" : "Codes checked", body: view.headline }}
        onDismiss={onDismiss}
      />
      {stale && <Caption1 className={styles.stale}>The code sets changed after this check: check again.</Caption1>}
      {report.notes.length > 0 && (
        <ul className={styles.notes} aria-label="Check notes">
          {report.notes.map((note, i) => (
            <li key={i} className={styles.note}>
              <InfoRegular className={styles.noteIcon} />
              <span>{note}</span>
            </li>
          ))}
        </ul>
      )}
      {view.listTitle && (
        <>
          <Caption1>
            {view.listTitle}
            {onGoTo && " click one to go to its cell."}
          </Caption1>
          <ul className={styles.list} aria-label="Code problems">
            {view.shown.map((problem, i) => (
              <li key={i} className={styles.item}>
                <ProblemLine problem={problem} onGoTo={onGoTo} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ProblemLine({ problem, onGoTo }: { problem: CodeProblem; onGoTo?: (problem: CodeProblem) => void }) {
  const styles = useStyles();
  const error = problem.severity === "error";
  const Icon = error ? ErrorCircleRegular : WarningRegular;
  const content = (
    <>
      <Icon className={mergeClasses(styles.icon, error ? styles.error : styles.warning)} aria-label={error ? "Error" : "Warning"} />
      <Text size={200}>
        <span className={styles.place}>{problemPlace(problem)}</span>
        {problem.value !== "" && (
          <>
            {" "}
            <span className={styles.value}>{problem.value}</span>
          </>
        )}
      </Text>
      <span className={styles.reason}>{problem.reason}</span>
    </>
  );
  if (!onGoTo) return <div className={styles.problem}>{content}</div>;
  return (
    <button type="button" className={mergeClasses(styles.problem, styles.clickable)} onClick={() => onGoTo(problem)}>
      {content}
    </button>
  );
}
