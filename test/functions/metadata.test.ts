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

// Every function Excel will show: its parameters (each a range, optional ones marked), a matrix result,
// and whether it is async (the ones that may have to read the code sets from the workbook first).
const EXPECTED: { id: string; parameters: [string, boolean][]; async: boolean }[] = [
  { id: "NPI", parameters: [["value", false]], async: false },
  {
    id: "ICD10",
    parameters: [
      ["code", false],
      ["date_of_service", true],
    ],
    async: true,
  },
  {
    id: "ICD10DESC",
    parameters: [
      ["code", false],
      ["date_of_service", true],
    ],
    async: true,
  },
  { id: "CPT", parameters: [["code", false]], async: true },
  {
    id: "HCPCS",
    parameters: [
      ["code", false],
      ["date_of_service", true],
    ],
    async: true,
  },
  { id: "MODIFIER", parameters: [["modifier", false]], async: true },
  { id: "POS", parameters: [["code", false]], async: false },
  { id: "NDC11", parameters: [["ndc", false]], async: false },
  { id: "EIN", parameters: [["ein", false]], async: false },
  { id: "TAXONOMY", parameters: [["code", false]], async: false },
  {
    id: "CODECHECK",
    parameters: [
      ["code", false],
      ["kind", true],
      ["date_of_service", true],
    ],
    async: true,
  },
  {
    id: "BALANCES",
    parameters: [
      ["charge_ids", false],
      ["charges_table", false],
      ["postings_table", false],
      ["payments_table", true],
      ["what", true],
      ["as_of", true],
      ["payers_table", true],
    ],
    async: false,
  },
  {
    id: "AGEDAYS",
    parameters: [
      ["date", false],
      ["as_of", true],
    ],
    async: false,
  },
  {
    id: "AGINGBUCKET",
    parameters: [
      ["date", false],
      ["as_of", true],
      ["bounds", true],
    ],
    async: false,
  },
  {
    id: "PATIENTRESP",
    parameters: [
      ["allowed", false],
      ["deductible_left", false],
      ["coinsurance", false],
      ["copay", false],
    ],
    async: false,
  },
  {
    id: "FILINGDEADLINE",
    parameters: [
      ["date_of_service", false],
      ["days", false],
    ],
    async: false,
  },
  {
    id: "EXPECTED",
    parameters: [
      ["code", false],
      ["payer", false],
      ["date_of_service", false],
      ["contracts_table", false],
      ["modifier", true],
      ["units", true],
    ],
    async: false,
  },
  {
    id: "VARIANCE",
    parameters: [
      ["allowed", false],
      ["code", false],
      ["payer", false],
      ["date_of_service", false],
      ["contracts_table", false],
      ["modifier", true],
      ["units", true],
    ],
    async: false,
  },
  {
    id: "SCRUB",
    parameters: [
      ["claim_id", false],
      ["charges_table", false],
      ["patients_table", false],
      ["payers_table", false],
    ],
    async: true,
  },
];

/** Functions whose answer depends on today when an argument is left out: Excel recalculates them every time. */
const VOLATILE = ["AGEDAYS", "AGINGBUCKET"];

describe("the MEDBILL functions in functions.json", () => {
  it("declares exactly the expected functions", async () => {
    const { functions } = await generate();
    expect(functions.map((f) => f.id).sort()).toEqual(EXPECTED.map((e) => e.id).sort());
  });

  it.each(EXPECTED)(
    "$id: its name, range parameters with the optional ones marked, a range result, one line of description",
    async (expected) => {
      const { functions } = await generate();
      const f = functions.find((x) => x.id === expected.id)!;
      expect(f.name).toBe(expected.id);
      expect(f.parameters.map((p) => [p.name, p.optional === true])).toEqual(expected.parameters);
      for (const p of f.parameters) expect(p.dimensionality, `${f.id}(${p.name})`).toBe("matrix");
      expect(f.result.dimensionality).toBe("matrix");
      expect(f.description).toMatch(/^\S.{20,}$/);
    },
  );

  it.each(EXPECTED)(
    "$id: JSDoc with @param for each parameter, @returns and an =MEDBILL example; async only where code sets are needed",
    async (expected) => {
      const source = readFileSync(functionsFile, "utf8");
      const block = source.match(
        new RegExp(
          `/\\*\\*((?:(?!\\*/)[\\s\\S])*?@customfunction ${expected.id}\\b[\\s\\S]*?)\\*/\\s*export (async )?function ${expected.id}\\(`,
        ),
      );
      expect(block, `the JSDoc of ${expected.id}`).not.toBeNull();
      const [, doc, asyncKeyword] = block!;
      for (const [name, optional] of expected.parameters) expect(doc).toContain(`@param ${optional ? `[${name}]` : name} `);
      expect(doc).toMatch(/@returns \S/);
      expect(doc).toMatch(new RegExp(`@example =MEDBILL\\.${expected.id}\\(`));
      expect(asyncKeyword !== undefined).toBe(expected.async);
    },
  );

  it.each(EXPECTED)("$id: volatile only when today is its default as-of date", async (expected) => {
    const { functions } = await generate();
    const f = functions.find((x) => x.id === expected.id)! as FunctionMetadata & { options?: { volatile?: boolean } };
    expect(f.options?.volatile === true).toBe(VOLATILE.includes(expected.id));
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
    expect(typeof module.CODECHECK).toBe("function");
    expect(associate).not.toHaveBeenCalled();
  });
});
