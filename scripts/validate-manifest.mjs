#!/usr/bin/env node
// `npm run validate`: manifest.xml checked offline (schema, resource ids, shared runtime) for CI.
// Usage: node scripts/validate-manifest.mjs [manifest.xml] [--schemas ../shared/manifest-xsd]
// Exit code 1 on any problem, or when the schema folder is missing (CI must not pass unchecked).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkManifest } from "./manifest-check.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const schemaFlag = args.indexOf("--schemas");
const schemaDir = path.resolve(schemaFlag >= 0 ? args[schemaFlag + 1] : path.join(projectRoot, "../shared/manifest-xsd"));
const positional = args.filter((a, i) => !a.startsWith("--") && (schemaFlag < 0 || i !== schemaFlag + 1));
const manifestPath = path.resolve(positional[0] ?? path.join(projectRoot, "manifest.xml"));

if (!existsSync(path.join(schemaDir, "OfficeAppManifestV1_1.xsd"))) {
  console.error(`validate-manifest: no Office schemas in ${schemaDir} (expected OfficeAppManifestV1_1.xsd); pass --schemas <folder>`);
  process.exit(1);
}
const { problems, notes } = await checkManifest(await readFile(manifestPath, "utf8"), schemaDir);
const shown = path.relative(process.cwd(), manifestPath) || manifestPath;
for (const note of notes) console.log(`note: ${note}`);
if (problems.length > 0) {
  console.error(`${shown}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(
  `${shown}: valid against ${path.relative(process.cwd(), schemaDir) || schemaDir}; every resid defined once and used; one shared runtime`,
);
