// The task pane: one FluentProvider at the root, and a shell with a tab per panel. It is given a
// Workbook (Excel, or an .xlsx file in the browser host) and never touches Office.js itself.
import { useState } from "react";
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
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
});

/** The shell without a provider, for a host that already has one (the browser host). */
export function TaskPane(props: TaskPaneProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState(PANELS[0].id);
  const current = PANELS.find((p) => p.id === selected) ?? PANELS[0];
  return (
    <div className={styles.shell}>
      <TabList
        className={styles.nav}
        size="small"
        selectedValue={current.id}
        onTabSelect={(_, data) => setSelected(String(data.value))}
        aria-label="Task pane panels"
      >
        {PANELS.map(({ id, label, icon: Icon }) => (
          <Tab key={id} value={id} icon={<Icon />}>
            {label}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" aria-label={current.label}>
        <current.Panel {...props} />
      </div>
    </div>
  );
}

const useRootStyles = makeStyles({ root: { height: "100%" } });

/** The task pane as Excel shows it. */
export function App(props: TaskPaneProps) {
  const styles = useRootStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <TaskPane {...props} />
    </FluentProvider>
  );
}
