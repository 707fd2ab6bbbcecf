// The task pane's panels, as data: the shell draws one tab per entry, so a new panel (Codes,
// Post payments, Import remittance, Statements, Reports, Claims, Follow-up, Patient accounts, Month-end close) is one line here and one component, nothing else.
// What a panel is given lives in panelProps.ts, so the panels never import this file back.
//
// Only the first panel (Setup) is in the page's first load. Every other panel is a lazy chunk of its
// own ("panel-codes", …), fetched the first time its tab is chosen or pointed at (`preload`), so the
// Excel host draws the pane before it has downloaded the payment, remittance, statement, report,
// claim and follow-up code (bench/paneLoad.ts measures the first load against its 300 KB gzipped aim).
import { use, type ComponentType } from "react";
import type { FluentIcon } from "@fluentui/react-icons";
import {
  ClipboardTaskListLtrRegular,
  CodeTextRegular,
  DataBarVerticalRegular,
  DocumentBulletListRegular,
  LockClosedRegular,
  MailRegular,
  MoneyHandRegular,
  PersonMoneyRegular,
  ReceiptMoneyRegular,
  TableSettingsRegular,
} from "@fluentui/react-icons";
import { SetupPanel } from "./setup/SetupPanel";
import type { PanelProps } from "./panelProps";

export interface PanelDef {
  id: string;
  label: string;
  icon: FluentIcon;
  Panel: ComponentType<PanelProps>;
  /** A lazy panel's: starts fetching its code before it is shown (its tab is pointed at, focused or chosen), again if it failed. */
  preload?: () => void;
}

/**
 * A panel loaded on first use. `load` is a literal `import()` so webpack makes it a chunk of its own.
 * A failed download stays failed while the panel is drawn (the shell's boundary says so), and
 * `preload` (the tab pointed at or chosen, or "Try again") fetches it anew.
 */
function lazyPanel(name: string, load: () => Promise<ComponentType<PanelProps>>): Pick<PanelDef, "Panel" | "preload"> {
  let loaded: ComponentType<PanelProps> | undefined;
  let loading: Promise<ComponentType<PanelProps>> | undefined;
  let failed = false;
  const start = () =>
    (loading ??= load().then(
      (Panel) => (loaded = Panel),
      (error: unknown) => {
        failed = true;
        throw error;
      },
    ));
  function LazyPanel(props: PanelProps) {
    // Suspends (the shell's Suspense shows a spinner) until the chunk is in; throws to the shell's boundary if it failed.
    const Panel = loaded ?? use(start());
    return <Panel {...props} />;
  }
  LazyPanel.displayName = `Lazy(${name})`;
  const preload = () => {
    if (failed) [loading, failed] = [undefined, false];
    start().catch(() => undefined);
  };
  return { Panel: LazyPanel, preload };
}

export const PANELS: readonly PanelDef[] = [
  { id: "setup", label: "Setup", icon: TableSettingsRegular, Panel: SetupPanel },
  {
    id: "codes",
    label: "Codes",
    icon: CodeTextRegular,
    ...lazyPanel("CodesPanel", () => import(/* webpackChunkName: "panel-codes" */ "./codes/CodesPanel").then((m) => m.CodesPanel)),
  },
  {
    id: "payments",
    label: "Post payments",
    icon: MoneyHandRegular,
    ...lazyPanel("PaymentsPanel", () =>
      import(/* webpackChunkName: "panel-payments" */ "./payments/PaymentsPanel").then((m) => m.PaymentsPanel),
    ),
  },
  {
    id: "remittance",
    label: "Import remittance",
    icon: ReceiptMoneyRegular,
    ...lazyPanel("RemittancePanel", () =>
      import(/* webpackChunkName: "panel-remittance" */ "./remittance/RemittancePanel").then((m) => m.RemittancePanel),
    ),
  },
  {
    id: "statements",
    label: "Statements",
    icon: MailRegular,
    ...lazyPanel("StatementsPanel", () =>
      import(/* webpackChunkName: "panel-statements" */ "./statements/StatementsPanel").then((m) => m.StatementsPanel),
    ),
  },
  {
    id: "reports",
    label: "Reports",
    icon: DataBarVerticalRegular,
    ...lazyPanel("ReportsPanel", () =>
      import(/* webpackChunkName: "panel-reports" */ "./reports/ReportsPanel").then((m) => m.ReportsPanel),
    ),
  },
  {
    id: "claims",
    label: "Claims",
    icon: DocumentBulletListRegular,
    ...lazyPanel("ClaimsPanel", () => import(/* webpackChunkName: "panel-claims" */ "./claims/ClaimsPanel").then((m) => m.ClaimsPanel)),
  },
  {
    id: "followup",
    label: "Follow-up",
    icon: ClipboardTaskListLtrRegular,
    ...lazyPanel("FollowUpPanel", () =>
      import(/* webpackChunkName: "panel-followup" */ "./followup/FollowUpPanel").then((m) => m.FollowUpPanel),
    ),
  },
  {
    id: "accounts",
    label: "Patient accounts",
    icon: PersonMoneyRegular,
    ...lazyPanel("AccountsPanel", () =>
      import(/* webpackChunkName: "panel-accounts" */ "./accounts/AccountsPanel").then((m) => m.AccountsPanel),
    ),
  },
  {
    id: "close",
    label: "Month-end close",
    icon: LockClosedRegular,
    ...lazyPanel("ClosePanel", () => import(/* webpackChunkName: "panel-close" */ "./close/ClosePanel").then((m) => m.ClosePanel)),
  },
];
