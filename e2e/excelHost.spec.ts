// The Excel host's page (taskpane.html) in a plain browser, with Office.js answered by a small stand-in
// instead of Microsoft's CDN (no network here): the page boots, registers the custom functions of the
// shared runtime, and, as Office.js reports no host outside Excel, says to open the add-in from Excel.
import { expect, test } from "@playwright/test";
import { watchOrigins } from "./sameOrigin";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// What a plain browser gets from the real office.js: onReady resolves with no host.
const OFFICE_STAND_IN = `
  window.registeredFunctions = [];
  window.CustomFunctions = { associate: (id) => window.registeredFunctions.push(id) };
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: (callback) => Promise.resolve({ host: null, platform: null }).then((info) => { if (callback) callback(info); return info; }),
  };
`;

test("outside Excel the task pane page starts, registers MEDBILL.NPI and points to the browser version", async ({
  page,
  context,
  baseURL,
}) => {
  const watch = await watchOrigins(context, new URL(baseURL!).origin);
  const problems: string[] = [];
  page.on("console", (m) => problems.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: OFFICE_STAND_IN }));

  await page.goto("/taskpane.html");
  await expect(page.getByText("Open this add-in from Excel")).toBeVisible();
  await expect(page.getByRole("link", { name: "browser version" })).toHaveAttribute("href", "browser.html");
  expect(await page.evaluate(() => (window as unknown as { registeredFunctions: string[] }).registeredFunctions)).toContain("NPI");
  // Office.js is the one outside script this page asks for, and nothing else leaves the origin.
  expect(watch.foreign).toEqual([OFFICE_JS]);
  expect(problems).toEqual([]);
});
