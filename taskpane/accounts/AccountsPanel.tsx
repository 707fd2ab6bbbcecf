// The Patient accounts panel (issue 17): what an office does with a patient balance after the
// statement. Payment plans (PaymentPlansSection), credit balances and refunds (CreditsSection) and the
// collection agency hand-off (CollectionsSection) are sections of their own, each reading the workbook
// and writing its plans itself; this panel only stacks them.
import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import type { PanelProps } from "../panelProps";
import { CollectionsSection } from "./CollectionsSection";
import { CreditsSection } from "./CreditsSection";
import { PaymentPlansSection } from "./PaymentPlansSection";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
});

export function AccountsPanel(props: PanelProps) {
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <PaymentPlansSection {...props} />
      <Divider />
      <CreditsSection {...props} />
      <Divider />
      <CollectionsSection {...props} />
    </div>
  );
}
