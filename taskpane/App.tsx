// The task pane: one FluentProvider at the root, and a shell with a tab per panel. It is given a
// Workbook (Excel, or an .xlsx file in the browser host) and never touches Office.js itself.
// Every panel but the first is fetched when first shown (panels.tsx): a spinner stands in meanwhile,
// and a panel that cannot be downloaded (or fails to draw) says so in its place, with "Try again".
import { Component, Suspense, useState, type ReactNode } from "react";
import type { RootOptions } from "react-dom/client";
import { Button, FluentProvider, Spinner, Tab, TabList, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { billerMessage } from "./billerMessage";
import { NoticeBar } from "./NoticeBar";
import { PANELS } from "./panels";
import type { PanelProps } from "./panelProps";

export type TaskPaneProps = PanelProps;

const useStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  nav: {
    flexShrink: 0,
    // Excel's narrowest pane (320 px) has no room for every tab in one row: they wrap, none is hidden.
    flexWrap: "wrap",
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: {
    flexGrow: 1,
    overflowY: "auto",
    padding: tokens.spacingHorizontalM,
  },
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
  const current = PANELS.find((p) => p.id === selected) ?? PANELS[0];
  return (
    <div className={styles.shell}>
      <TabList
        className={styles.nav}
        size="small"
        selectedValue={current.id}
        onTabSelect={(_, data) => {
          PANELS.find((p) => p.id === data.value)?.preload?.();
          setSelected(String(data.value));
        }}
        aria-label="Task pane panels"
      >
        {PANELS.map(({ id, label, icon: Icon, preload }) => (
          <Tab key={id} value={id} icon={<Icon />} onPointerEnter={preload} onFocus={preload}>
            {label}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" aria-label={current.label}>
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
      </div>
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
