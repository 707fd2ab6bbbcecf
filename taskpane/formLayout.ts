// The layout the panes' forms share (Post, Reverse, Reconcile, Reports, Statements, Claims): a
// column of sections; fields two to a row that shrink with a narrow pane instead of scrolling it
// sideways, or one across the row; controls as wide as their field (Fluent gives inputs a minimum
// width a 320-pixel pane has no room for); a grey hint; a row of buttons that wraps. And the bordered
// list the panels show their items in (lines, claims, deposits, exceptions), spread into a list's style.
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
  wide: { gridColumn: "1 / -1" },
  control: { minWidth: 0, width: "100%" },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
} as const;

/** A list with no bullets or indent inside a thin rounded border. */
export const borderedList = {
  listStyleType: "none",
  margin: 0,
  padding: 0,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
} as const;

/** A list row that is a button: a pointer, the hover shade, and the focus ring drawn inside it. */
export const clickableRow = {
  cursor: "pointer",
  ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
} as const;
