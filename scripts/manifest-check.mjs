// Offline checks of manifest.xml: the XML schema (office-addin-manifest validate needs Microsoft's web
// service, which these machines cannot reach) and the resource ids, which no schema checks: a resid
// that is not defined, defined twice, of the wrong kind, or a shared runtime whose pages disagree all
// pass the XSD and then fail silently inside Excel.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

/** The entry schema first, then everything it imports (xmllint resolves imports by file name). */
const SCHEMA_FILES = [
  "OfficeAppManifestV1_1.xsd",
  "OfficeAppBasicTypesV1_0.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
];

// The schemas on hand date from 2020 and predate <Runtimes> (the shared runtime). It is taken out
// before schema validation and checked by checkSharedRuntime instead; the rest is validated as is.
const RUNTIMES_ELEMENT = /<Runtimes>[\s\S]*?<\/Runtimes>/g;

/** Which kind of resource each element's resid must name. */
const RESID_KIND = {
  Image: "Image",
  SourceLocation: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  Runtime: "Url",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};

const withoutComments = (xml) => xml.replace(/<!--[\s\S]*?-->/g, "");
const localName = (tag) => tag.slice(tag.indexOf(":") + 1);

/**
 * Validate against the Office XSDs in schemaDir.
 * @param {string} xml
 * @param {string} schemaDir
 * @returns {Promise<{ problems: string[], notes: string[] }>}
 */
export async function validateAgainstSchema(xml, schemaDir) {
  const [schema, ...imports] = await Promise.all(
    SCHEMA_FILES.map(async (fileName) => ({ fileName, contents: await readFile(path.join(schemaDir, fileName), "utf8") })),
  );
  const notes = [];
  const runtimes = xml.match(RUNTIMES_ELEMENT) ?? [];
  if (runtimes.length > 0)
    notes.push("<Runtimes> is newer than the 2020 schemas: validated without it, checked by the shared-runtime check instead");
  // Replace with as many newlines, so the schema's line numbers still match the file.
  const checked = xml.replace(RUNTIMES_ELEMENT, (block) => "\n".repeat(block.split("\n").length - 1));
  const result = await validateXML({ xml: [{ fileName: "manifest.xml", contents: checked }], schema: [schema], preload: imports });
  const problems = result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message));
  if (!result.valid && problems.length === 0) problems.push(result.rawOutput.trim() || "the schema validation failed without a message");
  return { problems, notes };
}

/**
 * The resources a manifest defines, by id, with their kind.
 * @param {string} xml
 * @returns {{ id: string, kind: string, value: string }[]}
 */
export function definedResources(xml) {
  const resources = withoutComments(xml).match(/<Resources>([\s\S]*?)<\/Resources>/)?.[1] ?? "";
  const found = [];
  const add = (block, kind, pattern) => {
    for (const m of block.matchAll(pattern)) {
      const attrs = m[1];
      found.push({ kind, id: attrs.match(/\bid="([^"]*)"/)?.[1] ?? "", value: attrs.match(/\bDefaultValue="([^"]*)"/)?.[1] ?? "" });
    }
  };
  const section = (name) => resources.match(new RegExp(`<bt:${name}>([\\s\\S]*?)</bt:${name}>`))?.[1] ?? "";
  add(section("Images"), "Image", /<bt:Image\b([^>]*)>/g);
  add(section("Urls"), "Url", /<bt:Url\b([^>]*)>/g);
  add(section("ShortStrings"), "ShortString", /<bt:String\b([^>]*)>/g);
  add(section("LongStrings"), "LongString", /<bt:String\b([^>]*)>/g);
  return found;
}

/**
 * Every resid used, with the element that uses it.
 * @param {string} xml
 * @returns {{ element: string, resid: string }[]}
 */
export function usedResids(xml) {
  return [...withoutComments(xml).matchAll(/<([\w:]+)\b[^>]*?\bresid="([^"]*)"/g)].map((m) => ({ element: localName(m[1]), resid: m[2] }));
}

/**
 * Every resid used is defined exactly once, with the right kind, and every resource defined is used.
 * @param {string} xml
 * @returns {string[]} problems, empty when all is well
 */
export function checkResids(xml) {
  const problems = [];
  const defined = definedResources(xml);
  const used = usedResids(xml);
  const byId = new Map();
  for (const r of defined) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  for (const [id, list] of byId) {
    if (list.length > 1) problems.push(`resource "${id}" is defined ${list.length} times`);
    if (list.some((r) => r.value === "")) problems.push(`resource "${id}" has no DefaultValue`);
  }
  for (const { element, resid } of used) {
    const list = byId.get(resid);
    if (!list) {
      problems.push(`<${element} resid="${resid}"> names a resource that Resources does not define`);
      continue;
    }
    const want = RESID_KIND[element];
    if (want && list[0].kind !== want)
      problems.push(`<${element} resid="${resid}"> needs a ${want} resource, but "${resid}" is a ${list[0].kind}`);
  }
  const usedIds = new Set(used.map((u) => u.resid));
  for (const id of byId.keys()) if (!usedIds.has(id)) problems.push(`resource "${id}" is defined but never used`);
  return problems;
}

/**
 * The shared runtime: one Runtime (lifetime long), and the custom functions Script and Page, the
 * FunctionFile and every ShowTaskpane button name that same resid. Its URL is the task pane page.
 * @param {string} xml
 * @returns {string[]} problems, empty when all is well
 */
export function checkSharedRuntime(xml) {
  const text = withoutComments(xml);
  const problems = [];
  const runtimes = [...text.matchAll(/<Runtime\b([^>]*)>/g)].map((m) => m[1]);
  if (runtimes.length !== 1) return [`expected exactly one <Runtime>, found ${runtimes.length}`];
  const runtimeResid = runtimes[0].match(/\bresid="([^"]*)"/)?.[1];
  if (!runtimeResid) return ["<Runtime> has no resid"];
  if (runtimes[0].match(/\blifetime="([^"]*)"/)?.[1] !== "long")
    problems.push('<Runtime> needs lifetime="long" so functions keep running when the pane is closed');
  const sourceIn = (element) => text.match(new RegExp(`<${element}>\\s*<SourceLocation\\s+resid="([^"]*)"`))?.[1];
  const expectSame = (what, resid) => {
    if (resid !== runtimeResid) problems.push(`${what} uses resid "${resid ?? "(none)"}" but the shared runtime is "${runtimeResid}"`);
  };
  expectSame("custom functions <Script>", sourceIn("Script"));
  expectSame("custom functions <Page>", sourceIn("Page"));
  expectSame("<FunctionFile>", text.match(/<FunctionFile\s+resid="([^"]*)"/)?.[1]);
  const taskpaneActions = [...text.matchAll(/<Action\s+xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation\s+resid="([^"]*)"/g)];
  if (taskpaneActions.length === 0) problems.push("no ShowTaskpane button opens the pane");
  for (const m of taskpaneActions) expectSame("the ShowTaskpane button", m[1]);
  const runtimeUrl = definedResources(xml).find((r) => r.id === runtimeResid)?.value;
  const defaultPage = text.match(/<DefaultSettings>\s*<SourceLocation\s+DefaultValue="([^"]*)"/)?.[1];
  if (runtimeUrl !== undefined && defaultPage !== runtimeUrl)
    problems.push(`DefaultSettings opens "${defaultPage}" but the shared runtime page is "${runtimeUrl}"`);
  return problems;
}

/**
 * All checks. Schema validation is skipped (with a note) when schemaDir is undefined.
 * @param {string} xml
 * @param {string | undefined} schemaDir
 * @returns {Promise<{ problems: string[], notes: string[] }>}
 */
export async function checkManifest(xml, schemaDir) {
  const schema = schemaDir
    ? await validateAgainstSchema(xml, schemaDir)
    : { problems: [], notes: ["schema validation skipped: no schema folder"] };
  return {
    problems: [...schema.problems.map((p) => `schema: ${p}`), ...checkResids(xml), ...checkSharedRuntime(xml)],
    notes: schema.notes,
  };
}
