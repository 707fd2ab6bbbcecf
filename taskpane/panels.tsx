// The task pane's panels, as data: the shell draws one tab per entry, so a new panel (Codes,
// Post payments, Statements, Reports) is one line here and one component, nothing else.
import type { ComponentType } from "react";
import type { FluentIcon } from "@fluentui/react-icons";
import { TableSettingsRegular } from "@fluentui/react-icons";
import type { Workbook } from "../src/workbook/port";
import type { AppliedPlan } from "../src/workbook/plan";
import { SetupPanel } from "./setup/SetupPanel";

/** What every panel is given: the workbook, and a way to say it wrote to it. */
export interface PanelProps {
  workbook: Workbook;
  /** Called after a plan was applied, so the host can show what changed. */
  onWorkbookChanged?: (applied: AppliedPlan) => void;
}

export interface PanelDef {
  id: string;
  label: string;
  icon: FluentIcon;
  Panel: ComponentType<PanelProps>;
}

export const PANELS: readonly PanelDef[] = [{ id: "setup", label: "Setup", icon: TableSettingsRegular, Panel: SetupPanel }];
