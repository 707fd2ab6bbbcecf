// The office's rows found on plain sheets (a header row and rows below it, not an Excel table): one
// card per sheet saying where the rows are and how the headers map to the billing table, and Make it
// a table, which asks first (ConfirmDialog) and then makes the block the table where it is, through a
// plan with its Audit row. Nothing is moved or changed; missing columns are shown, never added.
import { useState } from "react";
import { Badge, Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TableRegular, WarningRegular } from "@fluentui/react-icons";
import type { AppliedPlan } from "../../src/workbook/plan";
import { applyPlan } from "../../src/workbook/plan";
import { makeTablesPlan, type PlainRange } from "../../src/workbook/plainRanges";
import type { Workbook } from "../../src/workbook/port";
import { ConfirmDialog } from "../ConfirmDialog";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { madeMessage, plainRangeCard, type PlainRangeCard } from "./plainRangesView";
import { TableColumns } from "./TableStatusList";

export interface PlainRangesProps {
  workbook: Workbook;
  /** What Setup found (readSetupStatus); read again by the panel after a table is made. */
  ranges: PlainRange[];
  /** Another Setup operation is running. */
  disabled?: boolean;
  /** A table was made: the panel reads the workbook again and tells the host. */
  onMade?: (applied: AppliedPlan) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  title: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold },
  problem: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function PlainRanges({ workbook, ranges, disabled, onMade }: PlainRangesProps) {
  const styles = useStyles();
  const [asking, setAsking] = useState<PlainRange>();
  const { stage: busy, notice, say, run } = useWorkbookOperation<"making">();

  const make = async (found: PlainRange) => {
    setAsking(undefined);
    say(undefined);
    await run("making", `Could not make sheet ${found.sheet} a table`, async ({ written }) => {
      const applied = await applyPlan(workbook, makeTablesPlan([found])!);
      written();
      say({ intent: "success", body: madeMessage(found, applied) });
      onMade?.(applied);
    });
  };

  if (ranges.length === 0 && !notice) return null;
  const card = asking && plainRangeCard(asking);
  return (
    <section className={styles.root} aria-labelledby="plain-ranges-heading">
      {ranges.length > 0 && (
        <>
          <Text as="h3" id="plain-ranges-heading" weight="semibold" size={300} className={styles.heading}>
            Your rows on plain sheets
          </Text>
          <Caption1>
            These sheets hold billing rows as plain ranges, not Excel tables, so the add-in cannot read them yet. Make each one a table
            where it is: every row, column and value stays as it is.
          </Caption1>
        </>
      )}
      {ranges.map((found) => (
        <PlainRangeItem
          key={found.table}
          card={plainRangeCard(found)}
          disabled={disabled || busy !== undefined}
          onMake={() => setAsking(found)}
        />
      ))}
      {busy && <Spinner size="tiny" labelPosition="after" label="Making the table…" />}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
      {card && (
        <ConfirmDialog
          open
          title={card.confirm.title}
          yes={card.confirm.yes}
          onYes={() => void make(asking!)}
          onCancel={() => setAsking(undefined)}
        >
          {card.confirm.body}
        </ConfirmDialog>
      )}
    </section>
  );
}

function PlainRangeItem({ card, disabled, onMake }: { card: PlainRangeCard; disabled: boolean; onMake: () => void }) {
  const styles = useStyles();
  const blocked = card.problems.length > 0;
  return (
    <div className={styles.card} data-plain-range={card.table}>
      <div className={styles.title}>
        <span className={styles.name}>{card.table}</span>
        <Badge appearance="tint" color="informative">
          on sheet {card.sheet}
        </Badge>
      </div>
      <Text size={200}>{card.where}</Text>
      <TableColumns report={card.report} />
      {card.problems.map((problem) => (
        <div key={problem} className={styles.problem} role="note">
          <WarningRegular />
          <span>{problem}</span>
        </div>
      ))}
      <div className={styles.actions}>
        <Button icon={<TableRegular />} onClick={onMake} disabled={disabled || blocked}>
          Make it a table
        </Button>
      </div>
      {blocked && <Caption1>Fix the header row on the sheet, then click Refresh.</Caption1>}
    </div>
  );
}
