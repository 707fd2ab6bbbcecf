// The task pane: one FluentProvider at the root, and a shell with the panels' navigation (tabs, or a
// "Panel" list in a narrow pane: PanelNav.tsx) over the open panel, the page's main landmark, headed
// by a level-one heading that names the panel. Pop-ups (lists, dialogs) are drawn inside that
// landmark, not at the end of the page. It is given a Workbook (Excel, or an .xlsx file in the
// browser host) and never touches Office.js itself.
// Every panel but the first is fetched when first shown (panels.tsx): a spinner stands in meanwhile,
// and a panel that cannot be downloaded (or fails to draw) says so in its place, with "Try again".
import { Component, Suspense, useRef, useState, type ReactNode } from "react";
import type { RootOptions } from "react-dom/client";
import { Button, FluentProvider, PortalMountNodeProvider, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { billerMessage } from "./billerMessage";
import { NoticeBar } from "./NoticeBar";
import { PanelNav, TABS_MIN_WIDTH, useWidthAtLeast } from "./PanelNav";
import { PANELS } from "./panels";
import type { PanelProps } from "./panelProps";
import { visuallyHidden } from "./visuallyHidden";

export type TaskPaneProps = PanelProps;

const useStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // Not a scroller itself, so a pop-up drawn in it (portals) is never clipped by the panel's scrolling.
  main: { flexGrow: 1, minHeight: 0, display: "flex", flexDirection: "column", position: "relative" },
  panel: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: "auto",
    padding: tokens.spacingHorizontalM,
  },
  heading: visuallyHidden,
  failed: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  loading: { justifyContent: "flex-start" },
});

/** webpack's error when a lazy chunk cannot be fetched (offline, or a new release replaced the files). */
const isChunkLoadError = (error: unknown) => error instanceof Error && error.name === "ChunkLoadError";

interface PanelBoundaryProps {
  label: string;
  onRetry: () => void;
  children: ReactNode;
}

/** What a panel that threw while loading or drawing leaves in its place: the reason, and "Try again". */
class PanelBoundary extends Component<PanelBoundaryProps, { error?: unknown; failed: boolean }> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const title = `Could not show ${this.props.label}`;
    const notice = isChunkLoadError(this.state.error)
      ? { title, body: "The pane could not download this panel. Check the connection and try again, or close and reopen the pane." }
      : billerMessage(this.state.error, title);
    return <PanelFailed notice={notice} onRetry={this.props.onRetry} />;
  }
}

function PanelFailed({ notice, onRetry }: { notice: { title: string; body: string }; onRetry: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.failed}>
      <NoticeBar notice={{ intent: "error", ...notice }} />
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}

/** The shell without a provider, for a host that already has one (the browser host). */
export function TaskPane(props: TaskPaneProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState(PANELS[0].id);
  // Bumped by "Try again": a fresh boundary (and a fresh download, if that was what failed).
  const [attempt, setAttempt] = useState(0);
  const shell = useRef<HTMLDivElement>(null);
  const tabs = useWidthAtLeast(shell, TABS_MIN_WIDTH);
  // Where Fluent draws the panels' pop-ups: inside main, so they are part of the page's content.
  const [popups, setPopups] = useState<HTMLDivElement | null>(null);
  const current = PANELS.find((p) => p.id === selected) ?? PANELS[0];
  return (
    <div className={styles.shell} ref={shell}>
      <PanelNav panels={PANELS} selected={current} onSelect={(panel) => setSelected(panel.id)} tabs={tabs} />
      <main className={styles.main}>
        <div className={styles.panel} role={tabs ? "tabpanel" : "region"} aria-label={current.label} data-testid="panel">
          <h1 className={styles.heading}>{current.label}</h1>
          <PortalMountNodeProvider value={popups ?? undefined}>
            <PanelBoundary
              key={`${current.id}:${attempt}`}
              label={current.label}
              onRetry={() => {
                current.preload?.();
                setAttempt((n) => n + 1);
              }}
            >
              <Suspense fallback={<Spinner size="tiny" labelPosition="after" label="Loading…" className={styles.loading} />}>
                <current.Panel {...props} />
              </Suspense>
            </PanelBoundary>
          </PortalMountNodeProvider>
        </div>
        <div ref={setPopups} />
      </main>
    </div>
  );
}

const useRootStyles = makeStyles({ root: { height: "100%" } });

/**
 * For the hosts' createRoot: what a panel threw is shown in its place by the shell's boundary, and
 * React would also write it to the console, where a cell value in it (patient data) does not belong.
 */
export const PANE_ROOT_OPTIONS: RootOptions = { onCaughtError: () => undefined };

/** The task pane as Excel shows it. */
export function App(props: TaskPaneProps) {
  const styles = useRootStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <TaskPane {...props} />
    </FluentProvider>
  );
}
