// Issue 14: only the first panel (Setup) is in the page's first load; every other panel is a chunk
// of its own ("panel-claims.<hash>.js", …) fetched when its tab is first chosen. A panel whose chunk
// cannot be downloaded says so in its place, and "Try again" fetches it anew.
import { expect, test } from "@playwright/test";
import { openPanel, openSample, panelOf } from "./browserPage";
import { watchOrigins } from "./sameOrigin";

const PANEL_CHUNK = /\/panel-[a-z]+\.[0-9a-f]+\.js$/;

test("the panels after Setup are fetched when first shown, and one that fails to download can be tried again", async ({
  page,
  context,
  baseURL,
}) => {
  const watch = await watchOrigins(context, new URL(baseURL!).origin);
  const consoleLines: string[] = [];
  page.on("console", (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => consoleLines.push(`pageerror: ${error.message}`));

  // The Claims chunk cannot be downloaded (offline, or a release replaced the files) until `offline` is
  // cleared. Choosing the panel asks for it (in a pane wide enough for tabs, pointing at its tab already does).
  let offline = true;
  let claimsRefused = 0;
  await page.route(/\/panel-claims\.[0-9a-f]+\.js$/, async (route) => {
    if (!offline) return route.continue();
    claimsRefused++;
    return route.abort("internetdisconnected");
  });

  await openSample(page);
  expect(
    watch.all.filter((url) => PANEL_CHUNK.test(url)),
    "panel chunks in the first load",
  ).toEqual([]);

  await openPanel(page, "Codes");
  await expect(panelOf(page, "Codes").getByRole("button").first()).toBeVisible({ timeout: 60_000 });
  expect(
    watch.all.some((url) => /\/panel-codes\./.test(url)),
    "the Codes chunk, fetched on demand",
  ).toBe(true);

  const panel = await openPanel(page, "Claims");
  await expect(panel.getByRole("alert")).toContainText("Could not show Claims");
  await expect(panel.getByRole("alert")).toContainText("could not download this panel");
  expect(claimsRefused).toBeGreaterThan(0);
  offline = false;
  await panel.getByRole("button", { name: "Try again" }).click();
  await expect(panel.getByRole("region", { name: "Claims to bill" })).toBeVisible({ timeout: 60_000 });

  expect(watch.foreign, "requests to another origin").toEqual([]);
  // The refused download is the browser's own line; the pane itself writes nothing to the console.
  expect(
    consoleLines.filter((line) => !/^error: Failed to load resource/.test(line)),
    "console output",
  ).toEqual([]);
});
