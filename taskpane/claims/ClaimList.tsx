// The claims not yet billed, by payer: each claim a row with its status light (an icon, a colour and
// the word: Ready, Warnings, Errors), its ID, patient, dates and total. Opening one shows its problems
// in a biller's words, each a button that shows its cell (Excel selects it; the browser host scrolls
// its preview to it), and the claim form button. Compact for a 320-pixel pane: rows wrap, never scroll
// sideways; a list of thousands shows the first ones and more on request.
import { Button, Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircleFilled,
  ChevronDownRegular,
  ChevronRightRegular,
  DocumentTextRegular,
  ErrorCircleFilled,
  WarningFilled,
} from "@fluentui/react-icons";
import { borderedList, clickableRow } from "../formLayout";
import type { ClaimBooks } from "../../src/claims/claimBooks";
import { ProblemLine } from "../CheckFindings";
import type { ClaimEntry, ClaimStatus } from "./claimsRun";
import { STATUS_TEXT, claimLineView, countsLine, problemViews, type PayerGroup, type ProblemView } from "./claimsView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  groupTitle: { margin: 0, overflowWrap: "anywhere" },
  groupCounts: { color: tokens.colorNeutralForeground3 },
  list: {
    ...borderedList,
    minWidth: 0,
  },
  item: {
    minWidth: 0,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  itemErrors: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  itemWarnings: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  itemReady: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  row: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: "1px",
    alignItems: "baseline",
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    backgroundColor: "transparent",
    textAlign: "left",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    ...clickableRow,
  },
  chevron: { alignSelf: "center", fontSize: "12px", color: tokens.colorNeutralForeground3 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  claimId: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  total: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", textAlign: "right" },
  sub: { gridColumn: "2 / -1", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  light: { display: "inline-flex", alignItems: "center", gap: "2px", whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  lightIcon: { fontSize: "14px", alignSelf: "center" },
  ready: { color: tokens.colorPaletteGreenForeground1 },
  warnings: { color: tokens.colorPaletteDarkOrangeForeground1 },
  errors: { color: tokens.colorPaletteRedForeground1 },
  detail: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    minWidth: 0,
  },
  problems: {
    ...borderedList,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  problemItem: { ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
  place: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  message: { gridColumn: "2", color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ClaimListProps {
  groups: PayerGroup[];
  /** Show each payer's heading (every payer is listed). */
  headings: boolean;
  /** How many claims to list, over all groups. */
  limit: number;
  tables: ClaimBooks["tables"];
  openId?: string;
  onToggle: (claimId: string) => void;
  /** Show a problem's cell; without it problems are plain text. */
  onGoTo?: (problem: ProblemView) => void;
  onClaimForm: (entry: ClaimEntry) => void;
  disabled: boolean;
}

export function ClaimList({ groups, headings, limit, tables, openId, onToggle, onGoTo, onClaimForm, disabled }: ClaimListProps) {
  const styles = useStyles();
  let left = limit;
  return (
    <div className={styles.root}>
      {groups.map((group) => {
        const shown = group.entries.slice(0, Math.max(0, left));
        left -= shown.length;
        if (shown.length === 0) return null;
        return (
          <section key={group.payerId} className={styles.group} aria-label={group.label}>
            {headings && (
              <Text as="h3" size={300} weight="semibold" className={styles.groupTitle}>
                {group.label}{" "}
                <Caption1 className={styles.groupCounts}>
                  {group.entries.length.toLocaleString("en-US")}: {countsLine(group.counts)}
                </Caption1>
              </Text>
            )}
            <ul className={styles.list} aria-label={`Claims of ${group.label}`}>
              {shown.map((entry) => (
                <ClaimItem
                  key={entry.claimId}
                  entry={entry}
                  open={entry.claimId === openId}
                  tables={tables}
                  onToggle={onToggle}
                  onGoTo={onGoTo}
                  onClaimForm={onClaimForm}
                  disabled={disabled}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

const ITEM_STYLE: Record<ClaimStatus, "itemReady" | "itemWarnings" | "itemErrors"> = {
  ready: "itemReady",
  warnings: "itemWarnings",
  errors: "itemErrors",
};

const LIGHT_ICON = { ready: CheckmarkCircleFilled, warnings: WarningFilled, errors: ErrorCircleFilled };

/** The status light: an icon, its colour and the word, so the colour never speaks alone. */
export function StatusLight({ status }: { status: ClaimStatus }) {
  const styles = useStyles();
  const Icon = LIGHT_ICON[status];
  return (
    <span className={mergeClasses(styles.light, styles[status])} data-status={status}>
      <Icon className={styles.lightIcon} aria-hidden />
      {STATUS_TEXT[status]}
    </span>
  );
}

interface ClaimItemProps {
  entry: ClaimEntry;
  open: boolean;
  tables: ClaimBooks["tables"];
  onToggle: (claimId: string) => void;
  onGoTo?: (problem: ProblemView) => void;
  onClaimForm: (entry: ClaimEntry) => void;
  disabled: boolean;
}

function ClaimItem({ entry, open, tables, onToggle, onGoTo, onClaimForm, disabled }: ClaimItemProps) {
  const styles = useStyles();
  const view = claimLineView(entry);
  const Chevron = open ? ChevronDownRegular : ChevronRightRegular;
  const detailId = `claim-detail-${entry.claimId}`;
  return (
    <li className={mergeClasses(styles.item, styles[ITEM_STYLE[entry.status]])} data-claim={entry.claimId}>
      <button
        type="button"
        className={styles.row}
        aria-expanded={open}
        aria-controls={open ? detailId : undefined}
        onClick={() => onToggle(entry.claimId)}
      >
        <Chevron className={styles.chevron} aria-hidden />
        <span className={styles.head}>
          <span className={styles.claimId}>{view.claimId}</span>
          <StatusLight status={entry.status} />
        </span>
        <span className={styles.total}>{view.total}</span>
        <span className={styles.sub}>{[view.patient, view.dates].filter(Boolean).join(" · ") || view.lines}</span>
        {view.problems && <span className={styles.sub}>{view.problems}</span>}
        {view.rejected && <span className={styles.sub}>{view.rejected}</span>}
      </button>
      {open && <ClaimDetail id={detailId} entry={entry} tables={tables} onGoTo={onGoTo} onClaimForm={onClaimForm} disabled={disabled} />}
    </li>
  );
}

function ClaimDetail({
  id,
  entry,
  tables,
  onGoTo,
  onClaimForm,
  disabled,
}: {
  id: string;
  entry: ClaimEntry;
  tables: ClaimBooks["tables"];
  onGoTo?: (problem: ProblemView) => void;
  onClaimForm: (entry: ClaimEntry) => void;
  disabled: boolean;
}) {
  const styles = useStyles();
  const problems = problemViews(entry, tables);
  const view = claimLineView(entry);
  return (
    <div id={id} className={styles.detail} role="region" aria-label={`Claim ${entry.claimId}`}>
      {entry.claim && (
        <Caption1 className={styles.hint}>
          {view.lines} · {view.total} · {entry.claim.payer.name || entry.claim.payer.payerId}
        </Caption1>
      )}
      {problems.length === 0 ? (
        <Caption1>No problems found: this claim is ready to send.</Caption1>
      ) : (
        <>
          <Caption1>
            {problems.length === 1 ? "1 problem" : `${problems.length} problems`}
            {onGoTo && problems.some((p) => p.cell) ? ": click one to go to its cell." : ":"}
          </Caption1>
          <ul className={styles.problems} aria-label={`Problems of claim ${entry.claimId}`}>
            {problems.map((problem) => (
              <li key={problem.key} className={styles.problemItem}>
                <ProblemLine severity={problem.severity} onGoTo={onGoTo && problem.cell ? () => onGoTo(problem) : undefined}>
                  <span className={styles.place}>{problem.place}</span>
                  <span className={styles.message}>{problem.message}</span>
                </ProblemLine>
              </li>
            ))}
          </ul>
        </>
      )}
      {entry.claim && (
        <div className={styles.actions}>
          <Button size="small" icon={<DocumentTextRegular />} onClick={() => onClaimForm(entry)} disabled={disabled}>
            Claim form
          </Button>
        </div>
      )}
    </div>
  );
}
