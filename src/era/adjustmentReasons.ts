// What a remittance's adjustment codes mean to the office, and what to do next (issue 15, "Denials with
// a next step"). The group code says who owes the money (CO: the provider, by contract or rule; PR: the
// patient; OA and PI: neither, for other reasons); the reason code (CARC) says why; a remark code (RARC)
// says more. The words here are MedBill's own short wording of the public code meanings, written for a
// biller: X12's descriptor texts are copyrighted (DOMAIN.md) and none is copied here. An office that
// imports its own CARC/RARC list sees its wording instead (codes/codeList.ts).
//
// Each meaning carries the next action a biller takes:
// - "nothing to do": the money was handled as agreed (CO-45 alone is paid as contracted; CO-253 is the
//   Medicare sequestration cut);
// - "bill the patient": PR reasons (deductible, coinsurance, copay, and the payer's other PR reasons);
// - "correct and resubmit": the claim had a fixable error (missing information, a code or modifier that
//   does not fit, the wrong place of service);
// - "appeal": the payer judged the service (medical necessity, authorization, frequency); a corrected
//   claim cannot fix it, an appeal with records can;
// - "bill another payer": another payer is primary, or this payer is not the patient's;
// - "write off": nothing more can be collected from anyone (timely filing missed by the office);
// - "review": the code needs a person's look (OA and PI reasons, and any code not in the list).
// An unknown code is never an error: it gets the group's general meaning and "review".

/** What a biller does next about an adjustment. */
export type NextAction =
  "nothing to do" | "bill the patient" | "correct and resubmit" | "appeal" | "bill another payer" | "write off" | "review";

export interface AdjustmentMeaning {
  /** "CO-50". */
  code: string;
  /** In a biller's words: "not medically necessary, in the payer's judgment". */
  words: string;
  action: NextAction;
  /** False when the reason code is not in MedBill's list (words then say so). */
  known: boolean;
}

type Entry = readonly [words: string, action: NextAction];

/**
 * Common claim adjustment reason codes (CARC), in MedBill's own words. The action is the one for the
 * CO group (the provider's loss unless something is done); the group can change it (see meaningOf).
 */
const REASONS: Readonly<Record<string, Entry>> = {
  "1": ["deductible", "bill the patient"],
  "2": ["coinsurance", "bill the patient"],
  "3": ["copay", "bill the patient"],
  "4": ["the modifier does not fit the procedure code, or one is missing", "correct and resubmit"],
  "5": ["the procedure code or type of bill does not fit the place of service", "correct and resubmit"],
  "6": ["the procedure does not fit the patient's age", "correct and resubmit"],
  "7": ["the procedure does not fit the patient's sex", "correct and resubmit"],
  "8": ["the procedure does not fit the provider's specialty", "correct and resubmit"],
  "9": ["the diagnosis does not fit the patient's age", "correct and resubmit"],
  "10": ["the diagnosis does not fit the patient's sex", "correct and resubmit"],
  "11": ["the diagnosis does not support the procedure", "correct and resubmit"],
  "13": ["the date of death is before the date of service", "review"],
  "15": ["the authorization number is missing or does not match", "correct and resubmit"],
  "16": ["information is missing or wrong on the claim (see the remark codes)", "correct and resubmit"],
  "18": ["a duplicate of a claim or service already sent", "nothing to do"],
  "19": ["a work injury: bill the workers' compensation carrier", "bill another payer"],
  "20": ["an injury covered by another liability payer", "bill another payer"],
  "21": ["covered by no-fault or auto insurance", "bill another payer"],
  "22": ["another payer is primary under coordination of benefits", "bill another payer"],
  "23": ["reduced for what an earlier payer paid or adjusted", "nothing to do"],
  "24": ["covered by a capitation agreement or a managed care plan", "bill another payer"],
  "26": ["served before the patient's coverage began", "bill another payer"],
  "27": ["served after the patient's coverage ended", "bill another payer"],
  "29": ["the time limit for filing has passed", "write off"],
  "31": ["the payer cannot identify the patient as its member", "correct and resubmit"],
  "32": ["the patient is not an eligible dependent", "bill another payer"],
  "33": ["the plan does not cover this dependent", "bill another payer"],
  "39": ["denied when authorization was asked for", "appeal"],
  "45": ["above the contracted or allowed amount (contractual adjustment)", "nothing to do"],
  "49": ["a routine or preventive service the plan does not cover", "bill the patient"],
  "50": ["not medically necessary, in the payer's judgment", "appeal"],
  "51": ["a pre-existing condition the plan does not cover", "appeal"],
  "54": ["an assistant surgeon is not covered for this procedure", "appeal"],
  "55": ["experimental or investigational, in the payer's judgment", "appeal"],
  "56": ["not proven effective, in the payer's judgment", "appeal"],
  "58": ["billed for the wrong place of service", "correct and resubmit"],
  "59": ["reduced under the rules for multiple or concurrent procedures", "nothing to do"],
  "96": ["not covered by the plan", "bill the patient"],
  "97": ["included in another service paid on this claim or an earlier one", "correct and resubmit"],
  "107": ["a related or qualifying claim or service was not paid", "review"],
  "109": ["not covered by this payer: send it to the right payer or contractor", "bill another payer"],
  "119": ["the plan's benefit maximum for the period has been reached", "bill the patient"],
  "129": ["an earlier claim or service needs to be processed first", "review"],
  "140": ["the patient's or insured's name does not match the payer's", "correct and resubmit"],
  "146": ["the diagnosis code is not valid for the date of service", "correct and resubmit"],
  "150": ["the payer deems the service level more than the information supports", "appeal"],
  "151": ["more services than the payer allows for the period", "appeal"],
  "167": ["the diagnosis is not covered", "appeal"],
  "170": ["not paid when this type of provider bills it", "review"],
  "181": ["the procedure code is not valid for the date of service", "correct and resubmit"],
  "182": ["the modifier is not valid for the date of service", "correct and resubmit"],
  "183": ["the referring provider may not refer this service", "correct and resubmit"],
  "185": ["the rendering provider may not provide this service", "review"],
  "189": ["an unlisted code was billed when a specific code exists", "correct and resubmit"],
  "197": ["authorization, precertification or notification was missing", "appeal"],
  "198": ["more than the authorization allowed", "appeal"],
  "204": ["not covered under the patient's current benefit plan", "bill the patient"],
  "226": ["information the payer asked the provider for was not received", "correct and resubmit"],
  "227": ["information the payer asked the patient for was not received", "review"],
  "234": ["this procedure is not paid separately", "nothing to do"],
  "236": ["not allowed together with another procedure on the same day (coding edits)", "correct and resubmit"],
  "242": ["the provider is not in the patient's network", "review"],
  "252": ["an attachment or other documentation is needed", "correct and resubmit"],
  "253": ["sequestration: the federal payment cut", "nothing to do"],
  A1: ["the claim or service was denied", "review"],
  B7: ["the provider was not certified or eligible on the date of service", "review"],
  B13: ["already paid in full on an earlier claim", "nothing to do"],
  B15: ["needs a qualifying service or procedure that was not paid", "review"],
};

/** Common remark codes (RARC), in MedBill's own words. */
const REMARKS: Readonly<Record<string, string>> = {
  M15: "paid as part of another procedure billed with it",
  M20: "the HCPCS code is missing or not valid",
  M51: "the procedure code is missing or not valid",
  M76: "the diagnosis is missing or not complete",
  M77: "the place of service is missing or not valid",
  M80: "not covered when done on the same day as another service",
  M86: "the service was denied because a payment was already made for a similar procedure",
  MA04: "secondary payment cannot be considered without the primary payer's information",
  MA18: "the claim was forwarded to the patient's supplemental insurer",
  MA130: "the claim has missing or invalid information and cannot be appealed: correct it and send it again",
  N4: "the prior insurance's payment information is missing or not complete",
  N20: "not paid separately when done with another service",
  N30: "the patient is not eligible for this service",
  N130: "see the plan's benefit limits for this service",
  N290: "the rendering provider's identifier is missing or not valid",
  N362: "more units than the payer allows for the day",
  N386: "decided under a national coverage determination",
  N425: "a statutorily excluded service",
  N479: "the payer's explanation of benefits from the primary payer is missing",
  N522: "a duplicate of a claim processed on the same day",
};

/** Group codes in words: whose money the adjustment is. */
const GROUPS: Readonly<Record<string, string>> = {
  CO: "contractual obligation (the provider's, not the patient's)",
  PR: "patient responsibility",
  OA: "other adjustment",
  PI: "payer-initiated reduction",
};

const CODE = /^[A-Z0-9]{1,5}$/;

/** The reason code as written, trimmed and upper case ("45", "A1"). */
function normal(code: string | undefined): string {
  return (code ?? "").trim().toUpperCase();
}

/**
 * What an adjustment means and what to do next, from its group (CO, PR, OA, PI) and reason (CARC). The
 * group wins where it changes the answer: any PR reason is the patient's to pay; a reason that would be
 * the patient's is not under CO, OA or PI (review: a waiver decides); an OA or PI reason is for review
 * unless it needs nothing or belongs to another payer. `officeWords`, when given, is the office's own wording of a code
 * (an imported CARC list) and replaces MedBill's words.
 */
export function adjustmentMeaning(
  group: string | undefined,
  reason: string | undefined,
  officeWords?: (code: string) => string | undefined,
): AdjustmentMeaning {
  const g = normal(group);
  const r = normal(reason);
  const code = g && r ? `${g}-${r}` : g || r || "(no code)";
  const entry = CODE.test(r) ? REASONS[r] : undefined;
  const own = r ? officeWords?.(r)?.trim() : undefined;
  const known = entry !== undefined;
  const words =
    own || entry?.[0] || (r ? `reason ${r}, not in MedBill's list: see the payer's remittance advice` : (GROUPS[g] ?? "no reason given"));
  return { code, words, action: actionFor(g, entry), known };
}

function actionFor(group: string, entry: Entry | undefined): NextAction {
  if (group === "PR") return "bill the patient";
  if (!entry) return "review";
  const action = entry[1];
  // A reason that would be the patient's under PR is not, under CO, OA or PI: the patient may be billed
  // only with a signed waiver, so a person decides (write it off, or bill it with the waiver).
  if (action === "bill the patient") return group === "" ? action : "review";
  // OA and PI reasons: the payer's own judgment, or about another payer; a person looks at all but these two.
  if (group === "OA" || group === "PI") return action === "nothing to do" || action === "bill another payer" ? action : "review";
  return action;
}

/** A remark code (RARC) in words, or undefined when it is not in MedBill's list (nor the office's). */
export function remarkWords(remark: string | undefined, officeWords?: (code: string) => string | undefined): string | undefined {
  const r = normal(remark);
  if (!r) return undefined;
  return officeWords?.(r)?.trim() || REMARKS[r];
}

/** "CO-50 not medically necessary, in the payer's judgment: appeal", for a preview or a worklist. */
export function describeAdjustment(meaning: AdjustmentMeaning): string {
  return `${meaning.code} ${meaning.words}: ${meaning.action}`;
}
