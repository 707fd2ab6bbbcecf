// Placeholder until issue 17's Credits section is written.
import type { PanelProps } from "../panelProps";

export function CreditsSection(_props: PanelProps) {
  return null;
}
