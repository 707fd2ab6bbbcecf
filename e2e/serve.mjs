// A tiny static server for the end-to-end tests: serves the production build in dist/ on
// localhost only, so Playwright drives exactly what `npm run build` emits. Build first
// (`npm run build`); this refuses to start without dist/browser.html and warns when sources are
// newer than the build.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
// E2E_DIST points at another build folder (a scratch build while dist/ is in use); default dist/.
const dist = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(root, "dist");
const port = Number(process.env.PORT ?? 3100);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

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

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = normalize(join(dist, decodeURIComponent(url.pathname === "/" ? "/browser.html" : url.pathname)));
    if (path !== dist && !path.startsWith(dist + sep)) {
      res.writeHead(403).end();
      return;
    }
    const body = await readFile(path);
    const headers = { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" };
    // Text gzip-compressed when the browser accepts it, as `npm start` serves it.
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && !/^image\//.test(headers["content-type"]);
    res.writeHead(200, gzip ? { ...headers, "content-encoding": "gzip", vary: "Accept-Encoding" } : headers);
    res.end(req.method === "HEAD" ? undefined : gzip ? gzipSync(body) : body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
  }
});

server.listen(port, "127.0.0.1", () => console.log(`serving ${dist} on http://127.0.0.1:${port}/`));
