// How the pane offers its panels, as its navigation landmark: a row of tabs where the pane is wide
// enough for them (TABS_MIN_WIDTH), and a "Panel" list in a narrower pane (Excel's usual 320-350
// pixels), where ten tabs would wrap to four rows. Both show the panel that is open; choosing one
// starts fetching a lazy panel's code at once (panels.tsx).
import { useLayoutEffect, useState, type RefObject } from "react";
import { Field, Select, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { PanelDef } from "./panels";

/** Below this pane width (pixels) the panels are a list to pick from, not tabs. */
export const TABS_MIN_WIDTH = 480;

const useStyles = makeStyles({
  nav: {
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // A pane between TABS_MIN_WIDTH and the tabs' full width wraps them: none is hidden.
  tabs: { flexWrap: "wrap" },
  picker: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalXS,
    gridTemplateColumns: "auto minmax(0, 1fr)",
  },
  select: { minWidth: 0 },
});

/** Whether the element is at least `min` pixels wide, measured before the first paint and again on every resize. */
export function useWidthAtLeast(element: RefObject<HTMLElement | null>, min: number): boolean {
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = element.current;
    if (!el) return;
    const measure = () => setWide(el.getBoundingClientRect().width >= min);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [element, min]);
  return wide;
}

export interface PanelNavProps {
  panels: readonly PanelDef[];
  selected: PanelDef;
  onSelect: (panel: PanelDef) => void;
  /** Tabs (a wide pane) or the "Panel" list (a narrow one). */
  tabs: boolean;
}

export function PanelNav({ panels, selected, onSelect, tabs }: PanelNavProps) {
  const styles = useStyles();
  const choose = (id: unknown) => {
    const panel = panels.find((p) => p.id === id);
    if (!panel) return;
    panel.preload?.();
    onSelect(panel);
  };
  return (
    <nav className={styles.nav} aria-label="Panels">
      {tabs ? (
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={selected.id}
          onTabSelect={(_, data) => choose(data.value)}
          aria-label="Task pane panels"
        >
          {panels.map(({ id, label, icon: Icon, preload }) => (
            <Tab key={id} value={id} icon={<Icon />} onPointerEnter={preload} onFocus={preload}>
              {label}
            </Tab>
          ))}
        </TabList>
      ) : (
        <Field label="Panel" orientation="horizontal" className={styles.picker}>
          <Select className={styles.select} value={selected.id} onChange={(_, data) => choose(data.value)}>
            {panels.map(({ id, label }) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </nav>
  );
}
