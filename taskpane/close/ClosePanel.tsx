// Placeholder until issue 17's month-end close panel is written.
import type { PanelProps } from "../panelProps";

export function ClosePanel(_props: PanelProps) {
  return null;
}
