// What every browser-host spec shares: the guard that fails a test on any request to another
// origin or any console output (a stray log could hold a patient's name), and the page's landmarks.
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
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
  });
  test.afterEach(() => {
    expect(watch.all.length, "the page loaded its own files").toBeGreaterThan(0);
    expect(watch.foreign, "requests to another origin").toEqual([]);
    expect(consoleLines, "console output").toEqual([]);
  });
}

export const toolbar = (page: Page) => page.getByRole("toolbar", { name: "Workbook" });
export const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
export const preview = (page: Page) => page.getByRole("region", { name: "Sheet preview" });

/** Fluent's accordion and message bars animate: a screenshot waits until every animation is done. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

/** Click Save and take the downloaded workbook's bytes. */
export async function save(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), toolbar(page).getByRole("button", { name: "Save" }).click()]);
  return { download, bytes: await readFile((await download.path())!) };
}
