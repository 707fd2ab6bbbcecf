// `npm run bench -- pane`: what the Excel host's page (dist/taskpane.html) downloads before the first
// panel shows, read from the production build: each script it names, raw and gzipped (zlib level 9),
// and the total against the 300 KB gzipped aim (issue 14). Office.js comes from Microsoft's CDN and is
// not ours to shrink: it is listed, not counted. The lazy chunks the page can fetch later (the other
// panels, Chart.js, pdf-lib, …) are summed apart: they are not part of the first load.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Issue 14: the pane's first load, gzipped. */
export const PANE_FIRST_LOAD_AIM_KB = 300;

export interface ScriptSize {
  file: string;
  rawKB: number;
  gzipKB: number;
}

export interface PaneLoad {
  dist: string;
  /** false when dist/ holds no production build (nothing else is filled in then). */
  built: boolean;
  /** Scripts from another origin (Office.js): named, not measured. */
  outside: string[];
  /** The page's own scripts, in the order it loads them. */
  firstLoad: ScriptSize[];
  /** Chunks the page's scripts can fetch later (their content hash is named in the first-load scripts). */
  lazy: ScriptSize[];
}

const KB = 1024;

async function sizeOf(dist: string, file: string): Promise<ScriptSize> {
  const bytes = await readFile(join(dist, file));
  return { file, rawKB: bytes.length / KB, gzipKB: gzipSync(bytes, { level: 9 }).length / KB };
}

/** The `src` of every script tag, in page order (the production build minifies the HTML: values may be unquoted). */
export function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
}

/** Reads the build in `dist` (MEDBILL_DIST, or dist/). */
export async function benchPaneLoad(dist = process.env.MEDBILL_DIST ?? "dist"): Promise<PaneLoad> {
  const page = join(dist, "taskpane.html");
  if (!existsSync(page)) return { dist, built: false, outside: [], firstLoad: [], lazy: [] };
  const sources = scriptSources(await readFile(page, "utf8"));
  const outside = sources.filter((s) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(s));
  const own = sources.filter((s) => !outside.includes(s)).map((s) => s.replace(/^\.?\//, "").replace(/[?#].*$/, ""));
  const firstLoad = await Promise.all(own.map((file) => sizeOf(dist, file)));
  // webpack's runtime names each lazy chunk it may fetch by its content hash ("[name].[contenthash:8].js").
  const firstCode = (await Promise.all(own.map((file) => readFile(join(dist, file), "utf8")))).join("\n");
  const lazyFiles = (await readdir(dist))
    .filter((f) => f.endsWith(".js") && !own.includes(f))
    .filter((f) => {
      const hash = /\.([0-9a-f]{8})\.js$/.exec(f)?.[1];
      return hash !== undefined && firstCode.includes(`"${hash}"`);
    })
    .sort();
  const lazy = await Promise.all(lazyFiles.map((file) => sizeOf(dist, file)));
  return { dist, built: true, outside, firstLoad, lazy };
}

const kb = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const sum = (sizes: ScriptSize[], key: "rawKB" | "gzipKB") => sizes.reduce((total, s) => total + s[key], 0);

export function paneLoadLines(load: PaneLoad): string[] {
  if (!load.built) return [`\nTask pane first load: no production build in ${load.dist}/ (no taskpane.html) — run \`npm run build\` first`];
  const width = Math.max(...load.firstLoad.map((s) => s.file.length), 12);
  const gzip = sum(load.firstLoad, "gzipKB");
  const lines = [
    `\nTask pane first load (${load.dist}/taskpane.html, before the first panel shows; gzip level 9)`,
    ...load.outside.map((s) => `  ${s} (from its CDN, not counted)`),
    ...load.firstLoad.map((s) => `  ${s.file.padEnd(width)} ${kb(s.rawKB).padStart(8)} KB raw ${kb(s.gzipKB).padStart(7)} KB gzipped`),
    `  ${"total".padEnd(width)} ${kb(sum(load.firstLoad, "rawKB")).padStart(8)} KB raw ${kb(gzip).padStart(7)} KB gzipped — aim ≤ ${PANE_FIRST_LOAD_AIM_KB} KB: ${
      gzip <= PANE_FIRST_LOAD_AIM_KB ? "met" : `over by ${kb(gzip - PANE_FIRST_LOAD_AIM_KB)} KB`
    }`,
  ];
  if (load.lazy.length > 0) {
    const largest = [...load.lazy].sort((a, b) => b.gzipKB - a.gzipKB).slice(0, 3);
    lines.push(
      `  later, on demand: ${load.lazy.length} lazy chunks, ${kb(sum(load.lazy, "gzipKB"))} KB gzipped in all (largest: ${largest
        .map((s) => `${s.file} ${kb(s.gzipKB)} KB`)
        .join(", ")})`,
    );
  }
  return lines;
}
