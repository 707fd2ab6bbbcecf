// `medbill codes import` and `codes check` with the real CMS files from ../shared/data: the FY2025
// ICD-10-CM zip as downloaded and the 2019 HCPCS file go into a sample practice whose dates of service
// all fall in FY2025; the sample checks clean, and a seeded header code is reported. Skipped, saying
// so, when the shared data folder is missing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CellValue } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { terminal, writeSample } from "./terminal";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const data = path.resolve(projectRoot, "../shared/data");
const icd10Zip = path.join(data, "icd10cm/cms_2025_dx.zip");
const hcpcsFile = path.join(data, "hcpcs/HCPC2019_CONTR_ANWEB.txt");
const present = sharedDataPresent(icd10Zip) && sharedDataPresent(hcpcsFile);
if (!present) console.warn(`Skipping the real-file codes CLI tests: ${data} (the shared CMS sample files) is missing.`);

describe.skipIf(!present)("medbill codes with the real FY2025 ICD-10-CM zip and the 2019 HCPCS file", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "medbill-codes-real-"));
  const book = path.join(folder, "sample.xlsx");
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  // Two real code sets imported, saved and read back twice: about 20 s alone, minutes on a loaded machine.
  it("imports both, checks the sample clean, then finds a seeded header code", { timeout: 300_000 }, async () => {
    // Dates of service 2024-10-01 to 2025-09-30: fiscal year 2025.
    await writeSample(book, { lines: 300, seed: 11, asOf: "2025-09-30" });

    const imported = terminal();
    expect(await imported.run("codes", "import", book, icd10Zip, hcpcsFile)).toBe(0);
    expect(imported.out[0]).toMatch(
      /^Imported FY2025 ICD-10-CM from cms_2025_dx\.zip\/icd10cm_order_2025\.txt: 97,584 codes \(74,260 billable, 23,324 headers\), in/,
    );
    expect(imported.out[1]).toMatch(/^Imported 2019 HCPCS from HCPC2019_CONTR_ANWEB\.txt: 6,440 codes, 360 modifiers, in/);

    const clean = terminal();
    expect(await clean.run("codes", "check", book)).toBe(0);
    expect(clean.text()).toContain("Code sets: FY2025 ICD-10-CM (97,584 codes), 2019 HCPCS (6,800 codes and modifiers)");
    expect(clean.text()).toContain("No problems found.");
    // No CPT list, and HCPCS codes of 2024-2025 checked against the 2019 file: both said once.
    expect(clean.text()).toMatch(/No CPT list is loaded: [\d,]+ CPT codes checked for format only/);
    expect(clean.text()).toMatch(/HCPCS codes? with service dates after 2019 (was|were) checked against the 2019 HCPCS file/);

    const workbook = await XlsxWorkbook.load(readFileSync(book));
    const charges = (await workbook.readTables(["Charges"])).Charges!;
    const dx1 = charges.headers.indexOf("Dx1");
    const values: CellValue[] = charges.rows.map((r) => r[dx1]);
    values[9] = "E11";
    values[20] = "M54.5";
    await workbook.write([{ kind: "setColumn", table: "Charges", column: "Dx1", values }]);
    writeFileSync(book, await workbook.save());

    const seeded = terminal();
    expect(await seeded.run("codes", "check", book)).toBe(1);
    expect(seeded.out.slice(seeded.out.indexOf("Problems: 2 errors, 0 warnings") + 1)).toEqual([
      '  Charges row 11, Dx1 "E11": E11 is a category header, not billable (FY2025 ICD-10-CM): use a code under it',
      '  Charges row 22, Dx1 "M54.5": M54.5 is a category header, not billable (FY2025 ICD-10-CM): use a code under it',
    ]);
  });
});
