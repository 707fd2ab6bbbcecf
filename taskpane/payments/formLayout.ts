// The layout the payment forms share (Post, Reverse, Reconcile): a column of sections, and fields
// two to a row that shrink with a narrow pane instead of scrolling it sideways.
import { tokens } from "@fluentui/react-components";

export const formLayout = {
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  field: { minWidth: 0 },
} as const;
