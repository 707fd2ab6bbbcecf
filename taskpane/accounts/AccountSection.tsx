// One section of the Patient accounts panel as the biller meets it, whatever it holds (payment plans,
// credits, the collection agency): its heading with the button that reads the workbook ("Show …",
// then "Refresh"), the running stage, the notice, then the section's own content once read. The
// section styles its own rows from `accountRow`, the one home of a list row's spacing and rule.
import type { ReactNode } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { formLayout } from "../formLayout";
import { NoticeBar } from "../NoticeBar";
import type { WorkbookOperation } from "../useWorkbookOperation";

/** A row of a section's list: padded, ruled below, never wider than the pane. */
export const accountRow = {
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  minWidth: 0,
} as const;

const useStyles = makeStyles({
  root: { ...formLayout.root, minWidth: 0 },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
});

export interface AccountSectionProps<Stage extends string> {
  title: string;
  /** The section's landmark name (its title unless given). */
  label?: string;
  /** The button before the first read ("Show plans"); "Refresh" once read. */
  showLabel: string;
  loaded: boolean;
  onLoad: () => void;
  op: WorkbookOperation<Stage>;
  stageLabel: Record<Stage, string>;
  children?: ReactNode;
}

export function AccountSection<Stage extends string>({
  title,
  label,
  showLabel,
  loaded,
  onLoad,
  op,
  stageLabel,
  children,
}: AccountSectionProps<Stage>) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={label ?? title}>
      <div className={styles.heading}>
        <Text as="h2" weight="semibold" size={400} className={styles.title}>
          {title}
        </Text>
        <Button size="small" icon={<ArrowClockwiseRegular />} onClick={onLoad} disabled={op.busy}>
          {loaded ? "Refresh" : showLabel}
        </Button>
      </div>
      {op.stage && <Spinner size="tiny" labelPosition="after" label={stageLabel[op.stage]} />}
      {op.notice && <NoticeBar notice={op.notice} onDismiss={() => op.say(undefined)} />}
      {loaded && children}
    </section>
  );
}
