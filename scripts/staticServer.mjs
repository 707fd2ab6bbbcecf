// The one static server for a built add-in: serves a build folder (dist/) on the loopback address
// only, text gzip-compressed when the browser accepts it (each file compressed once, then kept), no
// caching, and nothing outside the folder. `npm start` (browser host) and the end-to-end tests use it.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

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

/**
 * Serve `dist` on `host`:`port`; resolves with the listening server. "/" is browser.html. Files are
 * read per request (a rebuild is picked up); the gzip of a file is kept while its bytes are the same.
 */
export function serveFolder(dist, { port, host }) {
  const compressed = new Map();
  const gzipOf = (path, body) => {
    const kept = compressed.get(path);
    if (kept && kept.body.equals(body)) return kept.gzip;
    const gzip = gzipSync(body);
    compressed.set(path, { body, gzip });
    return gzip;
  };
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
      const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && !/^image\//.test(headers["content-type"]);
      res.writeHead(200, gzip ? { ...headers, "content-encoding": "gzip", vary: "Accept-Encoding" } : headers);
      res.end(req.method === "HEAD" ? undefined : gzip ? gzipOf(path, body) : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
