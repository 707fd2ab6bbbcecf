// The layer rules of DESIGN.md and STYLE.md, checked on the import statements themselves (read with a
// simple parser: `import ... from "x"`, `export ... from "x"`, `import "x"` and `import("x")`, type-only
// imports included, since a circle of types is still two modules that cannot be read apart):
// no import circle among the modules (src/, functions/, taskpane/), and dependencies pointing one way: the engine
// never imports taskpane/, functions/, the terminal (src/cli/) or the Excel adapter; functions/ never
// imports taskpane/; the terminal never imports the Excel adapter, taskpane/ or functions/.
// ESLint (eslint.config.mjs) refuses the same layer imports as they are typed; this catches circles.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const FOLDERS = ["src", "functions", "taskpane"];

/** Every .ts/.tsx file under a folder, as a path from the project root with forward slashes. */
function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(path.join(root, folder));
  return out;
}

/** The module specifiers a file imports: static, re-exports, side-effect and dynamic imports. */
export function importSpecifiers(text: string): string[] {
  // Comments out first, so an example in a comment is not an import.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const found: string[] = [];
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^"'`;]*?\sfrom\s*["']([^"']+)["']/g,
    /(?:^|[\s;])import\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

/** A relative specifier resolved to a source file of the project; undefined for packages and assets. */
function resolveImport(from: string, specifier: string, files: Set<string>): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.replace(/\.(js|jsx|mjs)$/, "");
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (files.has(candidate)) return candidate;
  }
  return undefined;
}

/** Each file's imports of other project files. */
function importGraph(): Map<string, string[]> {
  const files = FOLDERS.flatMap(sourceFiles);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    const targets = importSpecifiers(text).flatMap((s) => resolveImport(file, s, known) ?? []);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import circles: each strongly connected group of two or more files (or a file importing itself), sorted. */
function importCircles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred files through recursion.
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return circles.sort((a, b) => a[0].localeCompare(b[0]));
}


const isExcelAdapter = (file: string) => file === "src/workbook/excelWorkbook.ts" || file.startsWith("src/workbook/excel/");
const isCli = (file: string) => file.startsWith("src/cli/");
const isEngine = (file: string) => file.startsWith("src/") && !isCli(file) && !isExcelAdapter(file);

/** Why an import breaks a layer rule, or undefined when it keeps them. */
function layerViolation(from: string, to: string): string | undefined {
  const ui = to.startsWith("taskpane/") ? "the task pane" : to.startsWith("functions/") ? "the custom functions" : undefined;
  if (from.startsWith("src/") && ui) return `the engine and its adapters never import ${ui}`;
  if (isEngine(from) && isCli(to)) return "the engine never imports the terminal commands (src/cli/)";
  if (isEngine(from) && isExcelAdapter(to)) return "the engine never imports the Excel adapter (only the Excel host does)";
  if (isCli(from) && isExcelAdapter(to)) return "the terminal works on .xlsx files, never through the Excel adapter";
  if (from.startsWith("functions/") && to.startsWith("taskpane/")) return "the custom functions never import the task pane";
  return undefined;
}

describe("import statements", () => {
  it("are read by the parser: static, type-only, re-exports, side-effect and dynamic, not comments", () => {
    const text = [
      'import { a, type B } from "./one";',
      'import type { C } from "../two";',
      "import {\n  d,\n  e,\n} from './three';",
      'export { f } from "./four";',
      'export * from "./five";',
      'import "./six.css";',
      'const g = await import("./seven");',
      '// import { h } from "./not-this";',
      '/* import { i } from "./nor-this"; */',
    ].join("\n");
    expect(importSpecifiers(text)).toEqual(["./one", "../two", "./three", "./four", "./five", "./six.css", "./seven"]);
  });

  const graph = importGraph();

  it("cover the project (a parser that found nothing would pass everything)", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("src/cli/medbill.ts")).toContain("src/cli/claimsCommand.ts");
  });

  it("make no import circle (src/, functions/, taskpane/) but the known ones being untangled", () => {
    const circles = importCircles(graph).map((group) => group.join(" <-> "));
    expect(circles).toEqual([]);
  });

  it("keep the layers: engine, terminal, Excel adapter, custom functions, task pane", () => {
    const violations = [...graph].flatMap(([from, targets]) =>
      targets.flatMap((to) => {
        const why = layerViolation(from, to);
        return why ? [`${from} imports ${to}: ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });
});
