// functions.json as Excel will read it: generated from the JSDoc in functions/functions.ts by the same
// library the webpack plugin uses. The generator exits cleanly on errors (TOOLCHAIN.md), so `.errors` is
// what proves a signature or tag is acceptable.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { afterEach, describe, expect, it, vi } from "vitest";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const functionsFile = path.join(projectRoot, "functions/functions.ts");

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; type?: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
}

async function generate() {
  const result = await generateCustomFunctionsMetadata(functionsFile);
  const json = JSON.parse(result.metadataJson || "{}") as { functions?: FunctionMetadata[] };
  return { result, functions: json.functions ?? [] };
}

describe("functions.json", () => {
  it("generates without errors", async () => {
    const { result } = await generate();
    expect(result.errors).toEqual([]);
  });

  it("declares NPI with a matrix parameter and a matrix result, one line of description", async () => {
    const { functions } = await generate();
    const npi = functions.find((f) => f.id === "NPI");
    expect(npi).toBeDefined();
    expect(npi!.name).toBe("NPI");
    expect(npi!.parameters).toHaveLength(1);
    expect(npi!.parameters[0]).toMatchObject({ name: "value", dimensionality: "matrix" });
    expect(npi!.result.dimensionality).toBe("matrix");
    expect(npi!.description).toBeTruthy();
    expect(npi!.description).not.toContain("\n");
  });

  it("is MEDBILL.NPI once the manifest's namespace is applied", async () => {
    const manifest = readFileSync(path.join(projectRoot, "manifest.xml"), "utf8");
    const namespaceId = manifest.match(/<Namespace\s+resid="([^"]+)"/)?.[1];
    const namespace = manifest.match(new RegExp(`<bt:String\\s+id="${namespaceId}"\\s+DefaultValue="([^"]+)"`))?.[1];
    const { functions } = await generate();
    expect(functions.map((f) => `${namespace}.${f.name}`)).toContain("MEDBILL.NPI");
  });

  it("associates every function id with a function the module exports", async () => {
    // The plugin appends CustomFunctions.associate(id, functionName) to the built file for each entry.
    const { result } = await generate();
    const module: Record<string, unknown> = await import("../../functions/functions");
    expect(result.associate.map((a) => a.id)).toContain("NPI");
    for (const { functionName } of result.associate) expect(typeof module[functionName]).toBe("function");
  });
});

describe("importing functions/functions.ts", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("registers nothing by itself: the build appends the associate calls", async () => {
    const associate = vi.fn();
    vi.stubGlobal("CustomFunctions", { associate });
    vi.resetModules();
    const module = await import("../../functions/functions");
    expect(typeof module.NPI).toBe("function");
    expect(associate).not.toHaveBeenCalled();
  });
});
