// Text a screen reader reads and the eye does not see (the pane's level-one heading, the preview's
// corner header "Row"): clipped to one pixel, still in the accessibility tree, unlike display: none.
export const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  border: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;
