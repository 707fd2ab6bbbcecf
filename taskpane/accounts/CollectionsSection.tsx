// Placeholder until issue 17's Collections section is written.
import type { PanelProps } from "../panelProps";

export function CollectionsSection(_props: PanelProps) {
  return null;
}
