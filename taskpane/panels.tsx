// The task pane's panels, as data: the shell draws one tab per entry, so a new panel (Codes,
// Post payments, Import remittance, Statements, Reports, Claims) is one line here and one component, nothing else.
// What a panel is given lives in panelProps.ts, so the panels never import this file back.
import type { ComponentType } from "react";
import type { FluentIcon } from "@fluentui/react-icons";
import {
  CodeTextRegular,
  DataBarVerticalRegular,
  DocumentBulletListRegular,
  MailRegular,
  MoneyHandRegular,
  ReceiptMoneyRegular,
  TableSettingsRegular,
} from "@fluentui/react-icons";
import { ClaimsPanel } from "./claims/ClaimsPanel";
import { CodesPanel } from "./codes/CodesPanel";
import { PaymentsPanel } from "./payments/PaymentsPanel";
import { RemittancePanel } from "./remittance/RemittancePanel";
import { ReportsPanel } from "./reports/ReportsPanel";
import { SetupPanel } from "./setup/SetupPanel";
import { StatementsPanel } from "./statements/StatementsPanel";
import type { PanelProps } from "./panelProps";

export interface PanelDef {
  id: string;
  label: string;
  icon: FluentIcon;
  Panel: ComponentType<PanelProps>;
}

export const PANELS: readonly PanelDef[] = [
  { id: "setup", label: "Setup", icon: TableSettingsRegular, Panel: SetupPanel },
  { id: "codes", label: "Codes", icon: CodeTextRegular, Panel: CodesPanel },
  { id: "payments", label: "Post payments", icon: MoneyHandRegular, Panel: PaymentsPanel },
  { id: "remittance", label: "Import remittance", icon: ReceiptMoneyRegular, Panel: RemittancePanel },
  { id: "statements", label: "Statements", icon: MailRegular, Panel: StatementsPanel },
  { id: "reports", label: "Reports", icon: DataBarVerticalRegular, Panel: ReportsPanel },
  { id: "claims", label: "Claims", icon: DocumentBulletListRegular, Panel: ClaimsPanel },
];
