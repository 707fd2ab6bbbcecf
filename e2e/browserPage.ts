// What every browser-host spec shares: the guard that fails a test on any request to another
// origin or any console output (a stray log could hold a patient's name), the page's parts,
// opening the sample practice, opening a panel (by its tab or from the narrow pane's "Panel" list),
// squeezing the pane to Excel's narrowest, the check that a panel neither reaches past its edge nor
// scrolls sideways, Save, and the pane's screenshot for docs/ (at 350 pixels).
import { mkdir, readFile } from "node:fs/promises";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";
import { watchOrigins, type OriginWatch } from "./sameOrigin";

/** Call once at the top of a spec file: every test in it is watched. */
export function guardEveryTest(): void {
  let watch: OriginWatch;
  let consoleLines: string[];
  test.beforeEach(async ({ page, context, baseURL }) => {
    watch = await watchOrigins(context, new URL(baseURL!).origin);
    consoleLines = [];
    page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));
    // Anything the page's Content-Security-Policy refuses (an eval, an inline script, another origin) is
    // a console error too, so the check below fails on it.
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP refused ${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`),
      );
    });
  });
  test.afterEach(() => {
    expect(watch.all.length, "the page loaded its own files").toBeGreaterThan(0);
    expect(watch.foreign, "requests to another origin").toEqual([]);
    expect(consoleLines, "console output").toEqual([]);
  });
}

export const toolbar = (page: Page) => page.getByRole("toolbar", { name: "Workbook" });
/** The task pane (not a landmark: its "Panels" navigation and main landmark are the page's). */
export const pane = (page: Page) => page.getByTestId("task-pane");
export const preview = (page: Page) => page.getByRole("region", { name: "Sheet preview", exact: true });

/** The panels, in the order the pane offers them. */
export const PANEL_NAMES = [
  "Setup",
  "Codes",
  "Post payments",
  "Import remittance",
  "Statements",
  "Reports",
  "Claims",
  "Follow-up",
  "Patient accounts",
  "Month-end close",
];

/** The open panel, by the name its level-one heading gives it. */
export const panelOf = (page: Page, name: string) =>
  pane(page)
    .getByTestId("panel")
    .filter({ has: page.getByRole("heading", { level: 1, name, exact: true }) });

/**
 * Opens a panel the way a user would at the pane's width: its tab in a wide pane, the "Panel" list
 * in a narrow one. Resolves to the panel, once it is the one shown.
 */
export async function openPanel(page: Page, name: string): Promise<Locator> {
  const nav = pane(page).getByRole("navigation", { name: "Panels" });
  const tab = nav.getByRole("tab", { name, exact: true });
  const picker = nav.getByRole("combobox", { name: "Panel" });
  await expect(tab.or(picker)).toBeVisible();
  if (await picker.isVisible()) await picker.selectOption({ label: name });
  else await tab.click();
  const panel = panelOf(page, name);
  await expect(panel).toBeVisible();
  return panel;
}

/** Fluent's accordion and message bars animate: a screenshot waits until every animation is done. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

/** Click Save and take the downloaded workbook's bytes. */
export async function save(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), toolbar(page).getByRole("button", { name: "Save" }).click()]);
  return { download, bytes: await readFile((await download.path())!) };
}

/** "12 of 12 tables found.": every billing table is there, however many that is. */
export const ALL_TABLES_FOUND = /^(\d+) of \1 tables found\.$/;

/** The browser host on the sample practice, once Setup has found all of its tables. */
export async function openSample(page: Page): Promise<void> {
  await page.goto("/browser.html?sample=1");
  await expect(pane(page).getByText(ALL_TABLES_FOUND)).toBeVisible({ timeout: 60_000 });
}

/** Excel's narrowest task pane is about 320 pixels wide: the browser host's pane (beside the preview) is squeezed to it. */
export async function narrowPane(page: Page): Promise<void> {
  await page.addStyleTag({ content: '[data-testid="host-page"] { --pane-width: 320px; }' });
}

/** The width of the window the docs/ screenshots are taken at: the page stacks, and the pane is as wide as a phone's or a narrow Excel pane. */
export const SHOT_WIDTH = 350;

/** What reaches past the panel's right edge, and how far it scrolls sideways: `{ scroll: 0, wide: [] }` when nothing does. */
export async function overflow(panel: Locator): Promise<{ scroll: number; wide: string[] }> {
  return panel.evaluate((el) => {
    const edge = el.getBoundingClientRect().right + 1;
    const wide = [...el.querySelectorAll<HTMLElement>("*")].filter((e) => e.getBoundingClientRect().right > edge);
    return { scroll: el.scrollWidth - el.clientWidth, wide: wide.map((e) => `${e.tagName} ${e.textContent}`.slice(0, 80)) };
  });
}

export interface PaneShot {
  /** Where in docs/ ("docs/taskpane-claims.png"). */
  path: string;
  /** The window's height while the picture is taken: tall enough for the whole panel down to `end`. */
  height: number;
  /** The last thing the picture shows; the pane below it is left out. */
  end: Locator;
  /** Pixels kept below `end`. */
  margin?: number;
  /** Waits for anything the taller window redraws (a chart), once animations are done. */
  ready?: () => Promise<void>;
}

/**
 * The screenshot for docs/: the pane, in a window SHOT_WIDTH pixels wide (the page stacks, the pane on
 * top) and tall enough that nothing is cut off, from the top of the pane down to `end`, with
 * animations done; the window is back to 1280 × 900 after.
 */
export async function paneScreenshot(page: Page, panel: Locator, shot: PaneShot): Promise<void> {
  await page.setViewportSize({ width: SHOT_WIDTH, height: shot.height });
  await panel.evaluate((el) => el.scrollTo(0, 0));
  await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir("docs", { recursive: true });
  await settled(page);
  await shot.ready?.();
  const paneBox = (await pane(page).boundingBox())!;
  const end = await shot.end.evaluate((el) => el.getBoundingClientRect().bottom);
  await page.screenshot({
    path: shot.path,
    clip: { ...paneBox, height: Math.min(paneBox.height, Math.ceil(end - paneBox.y) + (shot.margin ?? 16)) },
    // Page coordinates (scrolled to the top above): a stacked page may be taller than the window.
    fullPage: true,
    animations: "disabled",
  });
  await page.setViewportSize({ width: 1280, height: 900 });
}
