// The task pane's panels, as data: the shell draws one tab per entry, so a new panel (Codes,
// Post payments, Import remittance, Statements, Reports, Claims) is one line here and one component, nothing else.
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
import type { CodeSetLibrary } from "../src/codes/codeSetLibrary";
import type { Workbook } from "../src/workbook/port";
import type { AppliedPlan } from "../src/workbook/plan";
import { ClaimsPanel } from "./claims/ClaimsPanel";
import { CodesPanel } from "./codes/CodesPanel";
import { PaymentsPanel } from "./payments/PaymentsPanel";
import { RemittancePanel } from "./remittance/RemittancePanel";
import { ReportsPanel } from "./reports/ReportsPanel";
import { SetupPanel } from "./setup/SetupPanel";
import { StatementsPanel } from "./statements/StatementsPanel";

/** One cell of a billing table, as a check names it ("Charges row 14, Dx1"). */
export interface TableCell {
  table: string;
  sheet: string;
  /** Sheet row number as the user sees it. */
  row: number;
  /** 0-based row of the table's body. */
  bodyIndex: number;
  /** The column's header, as in the workbook. */
  column: string;
}

/** What every panel is given: the workbook, and the host's answers to what a panel asks of it. */
export interface PanelProps {
  workbook: Workbook;
  /** Called after a plan was applied, so the host can show what changed. */
  onWorkbookChanged?: (applied: AppliedPlan) => void;
  /** Show the user a cell: Excel selects it; the browser host scrolls its preview to it. Without it, problems are not clickable. */
  onGoToCell?: (cell: TableCell) => Promise<void>;
  /** The code sets changed (an import): in Excel, the custom functions check against them from now on. */
  onCodeSetsChanged?: (library: CodeSetLibrary) => Promise<void>;
}

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
