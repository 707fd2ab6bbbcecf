// The real 835 samples in ../shared/data/x12-835/ (public parser fixtures) planned against the sample
// practice: none of their claims are ours, so each gives a preview with every claim not matched, no
// plan and no crash, and the preview's figures per payment are the ones data/README.md gives (BPR02,
// Σ CLP04, Σ PLB, the trace, the claim count), with totals that tie: posted 0, held = paid − PLB.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { eraPostingPlan, exceptionsSheetPlan } from "../../src/era/eraPlan";
import { inputs, sampleBook } from "./eraPlanBooks";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const folder = path.resolve(projectRoot, "../shared/data/x12-835");
const present = sharedDataPresent(folder);
if (!present) console.warn(`eraPlanRealFiles: skipped, ${folder} is missing (the shared real-data folder)`);

/** data/README.md: claims, BPR02, Σ CLP04 and Σ PLB in cents, TRN02. */
const FILES: [string, number, number, number, number, string][] = [
  ["lfh_managed-care.835", 2, 94500, 94500, 0, "7170066655"],
  ["lfh_medicare-part-a.835", 2, 15000000, 14999873, -127, "12345"],
  ["lfh_secondary-payment.835", 2, 122200, 122200, 0, "0012524965"],
  ["lfh_cob-contractural-adjustment.835", 1, 3400, 3400, 0, "0063158ABC"],
  ["lfh_tertiary-payment.835", 1, 18750, 18750, 0, "0012524879"],
  ["ks_united_healthcare_legacy_sample.txt", 2, 34999, 34999, 0, "1234567890"],
  ["ks_blue_cross_nc_sample_no_envelope.txt", 1, 192286, 192286, 0, "02790758"],
];

describe.skipIf(!present)("the real 835 samples against the sample practice", () => {
  it.each(FILES)(
    "%s: a preview with its figures, every claim not matched, nothing to post",
    async (name, claims, bpr02, paid, plb, trace) => {
      const book = await sampleBook(200);
      const { ledger, ctx } = await inputs(book);
      const bytes = new Uint8Array(readFileSync(path.join(folder, name)));
      const result = await eraPostingPlan({ name, bytes }, ledger, ctx);
      expect(result.ok, result.ok ? "" : result.error).toBe(true);
      if (!result.ok) return;
      expect(result.plan).toBeUndefined();
      const [r, ...others] = result.preview.remittances;
      expect(others).toEqual([]);
      expect(r).toMatchObject({ trace, amount: bpr02 });
      expect(r.claims).toHaveLength(claims);
      expect(r.claims.every((c) => c.outcome === "unmatched" && c.reason === `claim ${c.patientControl} is not in Charges`)).toBe(true);
      expect(r.totals).toEqual({ paid, plb, posted: 0, held: paid - plb, difference: 0 });
      expect(result.preview.exceptions).toHaveLength(claims);
      // The exceptions sheet names claims, never patients.
      const sheet = JSON.stringify(exceptionsSheetPlan(result.preview).ops);
      for (const c of r.claims) if (c.patientName) expect(sheet).not.toContain(c.patientName.split(",")[0]);
    },
  );
});
