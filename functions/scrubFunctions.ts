// MEDBILL.SCRUB in cells: the claims asked for are built from the tables passed (each with its header
// row, like Charges[#All]) and scrubbed as the Claims panel scrubs them (scrubClaimsInTables); this
// module checks the table arguments and lays the problems out in the IDs' shape.
import { scrubClaimsInTables } from "../src/claims/claimBooks";
import { describeProblem } from "../src/claims/scrubber";
import { todayIso } from "../src/dates";
import { asText } from "../src/workbook/cells";
import { mapColumns } from "../src/workbook/mapTable";
import { Charges, Patients, Payers } from "../src/workbook/tables";
import { answerEach, cellError, cellRows, isBlankCell, tableArgument, type Answer } from "./cellRanges";
import type { CodeSets } from "./codeFunctions";

/**
 * SCRUB's answers: for one ClaimID a column of its problems ("error: ...", "warning: ...") or "OK"; for a
 * range of ClaimIDs one cell each, its problems joined by "; ". Billing-provider rules need the Practice
 * settings, which are not passed: they are skipped and nothing is said about them. For the same reason
 * the practice's "Scrub Rules Off" is not known: every other rule is on. When the workbook's code sets
 * cannot be read, codes are checked for format only and a last warning says so.
 */
export function scrubCells(claimIds: unknown, charges: unknown, patients: unknown, payers: unknown, sets: CodeSets): Answer[][] {
  const ids = cellRows(claimIds);
  const tables = {
    [Charges.name]: tableArgument(Charges.name, charges),
    [Patients.name]: tableArgument(Patients.name, patients),
    [Payers.name]: tableArgument(Payers.name, payers),
  };
  let unusable: string | undefined;
  for (const def of [Charges, Patients, Payers]) {
    const raw = tables[def.name];
    const like = `pass it with its headers, like ${def.name}[#All]`;
    if (!raw) unusable ??= `the ${def.name} table is missing: ${like}`;
    else {
      const missing = mapColumns(def, raw.headers).missingRequired;
      const fields = def.fields as Record<string, { header: string }>;
      if (missing.length > 0)
        unusable ??= `the ${def.name} table has no ${missing.map((f) => `"${fields[f].header}"`).join(", ")} column: ${like}`;
    }
  }
  if (unusable) {
    const reason = unusable;
    return answerEach(ids, (id) => (isBlankCell(id) ? "" : cellError("#VALUE!", reason)));
  }
  const asked = ids
    .flat()
    .filter((id) => !isBlankCell(id))
    .map((id) => asText(id));
  const { problems } = scrubClaimsInTables(tables, asked, { today: todayIso(), library: sets.library, skipBilling: true });
  const unreadable = sets.unreadable ? [`warning: ${sets.unreadable}; the codes were checked for format only`] : [];
  const lines = (id: unknown) => {
    const found = problems.get(asText(id));
    return found ? [...found.map((p) => `${p.severity}: ${describeProblem(p)}`), ...unreadable] : undefined;
  };
  const notFound = (id: unknown) => cellError("#N/A", `no claim ${asText(id)} in the Charges table`);
  if (ids.length === 1 && ids[0].length === 1) {
    const id = ids[0][0];
    if (isBlankCell(id)) return [[""]];
    const found = lines(id);
    if (!found) return [[notFound(id)]];
    return found.length === 0 ? [["OK"]] : found.map((line) => [line]);
  }
  return answerEach(ids, (id) => {
    if (isBlankCell(id)) return "";
    const found = lines(id);
    if (!found) return notFound(id);
    return found.length === 0 ? "OK" : found.join("; ");
  });
}
