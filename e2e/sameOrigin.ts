// Records every request a browser context makes and stops any that would leave the page's own
// origin, so a test can assert that nothing (patient data least of all) went anywhere else.
import type { BrowserContext } from "@playwright/test";

export interface OriginWatch {
  /** URLs of requests to any other origin (blocked, and a test failure). */
  foreign: string[];
  /** Every URL requested, for the report. */
  all: string[];
}

/** `data:` URLs are not requests to anyone; `blob:` URLs of our own origin are the page's own bytes. */
export function isOwnOrigin(url: string, origin: string): boolean {
  if (url.startsWith("data:")) return true;
  if (url.startsWith("blob:")) return url.slice(5).startsWith(origin + "/");
  return new URL(url).origin === origin;
}

export async function watchOrigins(context: BrowserContext, origin: string): Promise<OriginWatch> {
  const watch: OriginWatch = { foreign: [], all: [] };
  context.on("request", (request) => {
    watch.all.push(request.url());
    if (!isOwnOrigin(request.url(), origin)) watch.foreign.push(request.url());
  });
  await context.route(
    (url) => !isOwnOrigin(url.href, origin),
    (route) => route.abort("blockedbyclient"),
  );
  return watch;
}
