// What "Check the workbook" found: a headline, the notes (code sets that were not loaded), and the
// first problems, each a button that shows its cell (Excel selects it; the browser host scrolls to it).
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CodeCheckReport, CodeProblem } from "../../src/codes/checkWorkbookCodes";
import { NoteList, ProblemLine } from "../CheckFindings";
import { NoticeBar } from "../NoticeBar";
import { codeCheckView, problemPlace } from "./codeCheck";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
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
      {report.notes.length > 0 && <NoteList label="Check notes" notes={report.notes} />}
      {view.listTitle && (
        <>
          <Caption1>
            {view.listTitle}
            {onGoTo && " click one to go to its cell."}
          </Caption1>
          <ul className={styles.list} aria-label="Code problems">
            {view.shown.map((problem, i) => (
              <li key={i} className={styles.item}>
                <CodeProblemLine problem={problem} onGoTo={onGoTo} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function CodeProblemLine({ problem, onGoTo }: { problem: CodeProblem; onGoTo?: (problem: CodeProblem) => void }) {
  const styles = useStyles();
  return (
    <ProblemLine severity={problem.severity} onGoTo={onGoTo ? () => onGoTo(problem) : undefined}>
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
    </ProblemLine>
  );
}
