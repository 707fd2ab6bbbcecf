// What the production build ships, read from dist/ (no browser needed): ExcelJS is a lazy chunk
// of the browser host only, and the browser host's page references nothing outside its origin.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

const dist = process.env.E2E_DIST ?? "dist";
// Strings only ExcelJS (and the zip code it brings) carries; the last test proves they are found. Not
// "xl/workbook.xml": the Codes panel's own small .xlsx reader (src/codes/codeSetFiles.ts) names it too.
const EXCELJS_MARKERS = ["xl/sharedStrings.xml", "docProps/core.xml"];

async function scriptsOf(page: string): Promise<string[]> {
  const html = await readFile(join(dist, page), "utf8");
  // The production build minifies the HTML: attribute values may be unquoted.
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
}

const hasExcelJs = (code: string) => EXCELJS_MARKERS.some((m) => code.includes(m));

test("the Excel task pane's scripts do not contain ExcelJS, and Office.js is its only outside script", async () => {
  const scripts = await scriptsOf("taskpane.html");
  const outside = scripts.filter((s) => /^https?:/.test(s));
  expect(outside).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  const local = scripts.filter((s) => !/^https?:/.test(s));
  expect(local.length).toBeGreaterThan(0);
  for (const src of local) expect(hasExcelJs(await readFile(join(dist, src.replace(/^\//, "")), "utf8")), src).toBe(false);
});

test("the browser host loads ExcelJS only on demand, and its page references no other origin", async () => {
  const html = await readFile(join(dist, "browser.html"), "utf8");
  expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  for (const src of await scriptsOf("browser.html"))
    expect(hasExcelJs(await readFile(join(dist, src.replace(/^\//, "")), "utf8")), src).toBe(false);
  const chunks = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith(".js"));
  const withExcelJs = [];
  for (const f of chunks) if (hasExcelJs(await readFile(join(dist, f), "utf8"))) withExcelJs.push(f);
  expect(withExcelJs.length, "ExcelJS is in some lazy chunk").toBeGreaterThan(0);
});
