// The look Reconcile's two lists share (deposits, and payments holding a credit): a bordered list,
// one row per item with its name and amount on top, and grey or red lines under it.
import { tokens } from "@fluentui/react-components";
import { borderedList } from "../formLayout";

export const reconcileLayout = {
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: {
    ...borderedList,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  top: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
} as const;
