// manifest.xml, checked offline the way CI checks it (scripts/validate-manifest.mjs): the Office XML
// schema, resource ids defined once and used, one shared runtime for the pane and the functions, icons
// that exist at the size they claim, and the production rewrite of every dev-server URL.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkResids, checkSharedRuntime, definedResources, usedResids, validateAgainstSchema } from "../../scripts/manifest-check.mjs";
import { DEFAULT_PROD_URL, DEV_URL, productionUrl, rewriteManifestUrls } from "../../scripts/manifest-urls.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const schemaDir = path.resolve(projectRoot, "../shared/manifest-xsd");
const haveSchemas = existsSync(path.join(schemaDir, "OfficeAppManifestV1_1.xsd"));
const manifest = readFileSync(path.join(projectRoot, "manifest.xml"), "utf8");

describe.skipIf(!haveSchemas)("manifest.xml against the Office schemas (../shared/manifest-xsd)", () => {
  it("is valid", async () => {
    const { problems, notes } = await validateAgainstSchema(manifest, schemaDir);
    expect(problems).toEqual([]);
    // The 2020 schemas predate <Runtimes>: validated without it, and said so.
    expect(notes.join(" ")).toMatch(/Runtimes/);
  });

  it("catches a broken manifest (the validation is real)", async () => {
    const broken = manifest.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>");
    const { problems } = await validateAgainstSchema(broken, schemaDir);
    expect(problems.join("\n")).toMatch(/Permissions/);
  });

  it("still validates everything after <Runtimes>, and keeps line numbers", async () => {
    const broken = manifest.replace("<Namespace resid=", "<Namespaces resid=");
    const { problems } = await validateAgainstSchema(broken, schemaDir);
    const line = manifest.slice(0, manifest.indexOf("<Namespace resid=")).split("\n").length;
    expect(problems.join("\n")).toMatch(new RegExp(`line ${line}:.*Namespaces`));
  });
});

if (!haveSchemas) {
  describe("manifest.xml against the Office schemas", () => {
    it.skip(`skipped: ${schemaDir} is missing (the Office XSDs live beside the project)`, () => {});
  });
}

describe("manifest.xml resources", () => {
  it("defines every resid it uses exactly once, with the right kind, and uses every one it defines", () => {
    expect(checkResids(manifest)).toEqual([]);
    const defined = definedResources(manifest).map((r) => r.id);
    expect(new Set(defined).size).toBe(defined.length);
    expect(new Set(usedResids(manifest).map((u) => u.resid))).toEqual(new Set(defined));
  });

  it("reports an undefined, a duplicated, an unused and a wrong-kind resid", () => {
    const broken = manifest
      .replace('<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Titel"/>')
      .replace(
        '<bt:Url id="Functions.Metadata.Url"',
        '<bt:Url id="Functions.Metadata.Url" DefaultValue="x"/>\n<bt:Url id="Functions.Metadata.Url"',
      )
      .replace('<Label resid="MedBill.Group.Label"/>', '<Label resid="OpenPane.Tooltip"/>');
    const problems = checkResids(broken).join("\n");
    expect(problems).toMatch(/GetStarted\.Titel.*does not define/);
    expect(problems).toMatch(/"Functions\.Metadata\.Url" is defined 2 times/);
    expect(problems).toMatch(/"GetStarted\.Title" is defined but never used/);
    expect(problems).toMatch(/OpenPane\.Tooltip.*needs a ShortString/);
  });

  it("runs the pane and the functions in one shared runtime", () => {
    expect(checkSharedRuntime(manifest)).toEqual([]);
    const runtime = manifest.match(/<Runtime\s+resid="([^"]+)"\s+lifetime="long"/)?.[1];
    expect(runtime).toBe("Taskpane.Url");
    const source = (element: string) => manifest.match(new RegExp(`<${element}>\\s*<SourceLocation resid="([^"]+)"`))?.[1];
    expect(source("Script")).toBe(runtime);
    expect(source("Page")).toBe(runtime);
    expect(manifest.match(/<FunctionFile resid="([^"]+)"/)?.[1]).toBe(runtime);
  });

  it("notices a custom functions page that would start a second runtime", () => {
    const split = manifest.replace(/(<Page>\s*<SourceLocation resid=")Taskpane\.Url/, "$1Functions.Page.Url");
    expect(checkSharedRuntime(split).join("\n")).toMatch(/<Page> uses resid "Functions\.Page\.Url"/);
    const short = manifest.replace('lifetime="long"', 'lifetime="short"');
    expect(checkSharedRuntime(short).join("\n")).toMatch(/lifetime="long"/);
  });

  it("has every icon it names, at the size it claims", () => {
    const icons = [...manifest.matchAll(/(?:IconUrl|HighResolutionIconUrl|bt:Image id="Icon\.(\d+)x\d+")\s*DefaultValue="([^"]+)"/g)];
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const [, declaredSize, url] of icons) {
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      const file = path.join(projectRoot, url.slice(DEV_URL.length));
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      const nameSize = Number(url.match(/icon-(\d+)\.png$/)?.[1]);
      expect([width, height]).toEqual([nameSize, nameSize]);
      if (declaredSize) expect(width).toBe(Number(declaredSize));
    }
  });

  it("points every URL at the dev server, so the production rewrite catches them all", () => {
    const urls = [...manifest.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
    const schemaNamespaces = urls.filter((u) => u.includes("schemas.microsoft.com") || u.includes("www.w3.org"));
    const addinUrls = urls.filter((u) => !schemaNamespaces.includes(u));
    expect(addinUrls.length).toBeGreaterThan(8);
    for (const url of addinUrls) expect(url.startsWith("https://localhost:3000")).toBe(true);
  });
});

describe("the production manifest", () => {
  const urlProd = "https://billing.example.org/medbill/";
  const devCount = manifest.split(DEV_URL).length - 1;

  it("has every dev URL rewritten, none left behind", () => {
    const prod = rewriteManifestUrls(manifest, urlProd);
    expect(devCount).toBeGreaterThan(8);
    expect(prod).not.toMatch(/\/\/localhost/);
    expect(prod.split(urlProd).length - 1).toBe(devCount);
    expect(prod).toContain("<AppDomain>https://billing.example.org</AppDomain>");
    expect(prod).toContain(`<SourceLocation DefaultValue="${urlProd}taskpane.html"/>`);
    expect(checkResids(prod)).toEqual([]);
    expect(checkSharedRuntime(prod)).toEqual([]);
  });

  it("rewrites repeated occurrences on one line, not only the first", () => {
    const line = `<a x="${DEV_URL}a.png"/><b y="${DEV_URL}b.png"/>`;
    expect(rewriteManifestUrls(line, urlProd)).toBe(`<a x="${urlProd}a.png"/><b y="${urlProd}b.png"/>`);
  });

  it("takes the production address from MEDBILL_URL_PROD, https only, always ending in /", () => {
    expect(productionUrl(undefined)).toBe(DEFAULT_PROD_URL);
    expect(productionUrl("")).toBe(DEFAULT_PROD_URL);
    expect(productionUrl("https://billing.example.org/medbill")).toBe("https://billing.example.org/medbill/");
    expect(() => productionUrl("http://billing.example.org/")).toThrow(/https/);
    expect(() => productionUrl("not a url")).toThrow(/not a web address/);
  });
});
