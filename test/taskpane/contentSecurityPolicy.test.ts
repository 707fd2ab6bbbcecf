// The Content-Security-Policy of both pages, read from their templates (the build copies the meta tag
// as it is, and webpack.config.js fails a build whose pages lose it): each page has one; none allows
// eval; the browser host loads from its own origin only; the Excel host adds only the Office.js CDN;
// inline styles only (Fluent UI's Griffel inserts its rules at run time), never inline scripts. The
// development build must not need eval either (no eval source maps), and zod is set jitless first.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** webpack.config.js's exported function (plain JavaScript, so typed here by what the test reads). */
type BuildConfig = (env: object, argv: { mode: string }) => Promise<{ devtool: unknown; entry: unknown }>;
const WEBPACK_CONFIG = "../../webpack.config.js";
const config = async (env: object, argv: { mode: string }) =>
  ((await import(/* @vite-ignore */ WEBPACK_CONFIG)) as { default: BuildConfig }).default(env, argv);

/** The policy in a page's `<meta http-equiv="Content-Security-Policy">`, as directive → sources. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi)];
  if (metas.length !== 1) return undefined;
  const content = /\bcontent="([^"]*)"/i.exec(metas[0][0])?.[1];
  if (content === undefined) return undefined;
  const policy = new Map<string, string[]>();
  for (const directive of content.split(";").map((d) => d.trim().split(/\s+/))) {
    if (directive[0]) policy.set(directive[0].toLowerCase(), directive.slice(1));
  }
  return policy;
}

const pages = [
  { file: "taskpane/browser.html", scripts: ["'self'"] },
  { file: "taskpane/taskpane.html", scripts: ["'self'", OFFICE_CDN] },
];

describe.each(pages)("$file", ({ file, scripts }) => {
  const html = readFileSync(file, "utf8");
  const policy = policyOf(html);

  it("has one Content-Security-Policy, with no 'unsafe-eval' and no wildcard", () => {
    expect(policy).toBeDefined();
    const sources = [...policy!.values()].flat();
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'wasm-unsafe-eval'");
    expect(sources.filter((s) => s.includes("*") || s === "https:" || s === "http:")).toEqual([]);
  });

  it("runs scripts only from our origin (and, in Excel, the Office.js CDN), never inline ones", () => {
    expect(policy!.get("default-src")).toEqual(["'self'"]);
    expect(policy!.get("script-src")).toEqual(scripts);
    expect(policy!.get("object-src")).toEqual(["'none'"]);
    expect(policy!.get("base-uri")).toEqual(["'self'"]);
    // 'unsafe-inline' only where Fluent UI needs it: styles.
    for (const [directive, sources] of policy!) if (directive !== "style-src") expect(sources).not.toContain("'unsafe-inline'");
    // Nothing but our origin, data:/blob: images, and the Office.js CDN is named anywhere.
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", "data:", "blob:", ...scripts]);
    expect([...policy!.values()].flat().filter((s) => !allowed.has(s))).toEqual([]);
  });

  it("allows every script the page itself names", () => {
    for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)) {
      expect(scripts.includes("'self'") && !/^[a-z]+:/i.test(src) ? true : scripts.includes(new URL(src).origin)).toBe(true);
    }
  });
});

describe("the build", () => {
  it("uses no eval source maps, in development or production (the policy would refuse them)", async () => {
    for (const mode of ["development", "production"]) {
      const built = await config({}, { mode });
      expect(String(built.devtool)).not.toMatch(/eval/);
    }
  });

  it("starts every page with taskpane/contentSecurity.ts, so zod never probes for eval", async () => {
    const built = await config({}, { mode: "production" });
    for (const modules of Object.values(built.entry as Record<string, string[]>)) expect(modules[0]).toBe("./taskpane/contentSecurity.ts");
  });
});
