// A tiny static server for the end-to-end tests: serves the production build in dist/ on
// localhost only, so Playwright drives exactly what `npm run build` emits. Build first
// (`npm run build`); this refuses to start without dist/browser.html and warns when sources are
// newer than the build.
import { stat, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveFolder } from "../scripts/staticServer.mjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
// E2E_DIST points at another build folder (a scratch build while dist/ is in use); default dist/.
const dist = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(root, "dist");
const port = Number(process.env.PORT ?? 3100);

if (!existsSync(join(dist, "browser.html"))) {
  console.error(`${join(dist, "browser.html")} is missing: run \`npm run build\` before the end-to-end tests.`);
  process.exit(1);
}

async function newest(dir) {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? await newest(path) : (await stat(path)).mtimeMs);
  }
  return latest;
}
const built = (await stat(join(dist, "browser.html"))).mtimeMs;
const sources = Math.max(
  ...(await Promise.all(["src", "taskpane", "functions"].filter((d) => existsSync(join(root, d))).map((d) => newest(join(root, d))))),
);
if (sources > built) console.warn("warning: sources changed after the last build; run `npm run build` to test the current code.");

await serveFolder(dist, { port, host: "127.0.0.1" });
console.log(`serving ${dist} on http://127.0.0.1:${port}/`);
