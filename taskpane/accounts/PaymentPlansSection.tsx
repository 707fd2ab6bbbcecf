// Placeholder until issue 17's PaymentPlans section is written.
import type { PanelProps } from "../panelProps";

export function PaymentPlansSection(_props: PanelProps) {
  return null;
}
