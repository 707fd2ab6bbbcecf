// A small code-set library for the function tests, read from synthetic CMS-shaped text by the same
// readers an import uses: two ICD-10-CM fiscal years (order-file lines), one HCPCS year (320-character
// records) and an office's CPT list (CSV). Codes and descriptions follow the real files; the E87.2 change
// (billable in FY2022, a header from FY2023) is the one the FY2023 addenda show.
import { parseCodeList } from "../../src/codes/codeList";
import { CodeSetLibrary, type ParsedCodeSet } from "../../src/codes/codeSetLibrary";
import { parseHcpcsText } from "../../src/codes/hcpcsFiles";
import { parseIcd10Order } from "../../src/codes/icd10cmFiles";
import type { Parsed } from "../../src/result";

type OrderRow = [code: string, billable: 0 | 1, description: string];

/** Order-file lines: order number, code (7 wide), flag, short description (60 wide), long description. */
function orderFile(rows: OrderRow[]): string {
  return rows
    .map(([code, flag, long], i) => `${String(i + 1).padStart(5, "0")} ${code.padEnd(7)} ${flag} ${long.slice(0, 60).padEnd(60)} ${long}`)
    .join("\r\n");
}

const COMMON: OrderRow[] = [
  ["E11", 0, "Type 2 diabetes mellitus"],
  ["E119", 1, "Type 2 diabetes mellitus without complications"],
  ["E87", 0, "Other disorders of fluid, electrolyte and acid-base balance"],
  ["S62", 0, "Fracture at wrist and hand level"],
  ["S625", 0, "Fracture of thumb"],
  ["S6250", 0, "Fracture of unspecified phalanx of thumb"],
  ["S62501", 0, "Fracture of unspecified phalanx of right thumb"],
  ["S62501A", 1, "Fracture of unspecified phalanx of right thumb, initial encounter for closed fracture"],
  ["T360X1", 0, "Poisoning by penicillins, accidental (unintentional)"],
  ["T360X1A", 1, "Poisoning by penicillins, accidental (unintentional), initial encounter"],
  ["T360X1D", 1, "Poisoning by penicillins, accidental (unintentional), subsequent encounter"],
];

export const FY2022_ORDER = orderFile([...COMMON, ["E872", 1, "Acidosis"]]);
export const FY2023_ORDER = orderFile([...COMMON, ["E872", 0, "Acidosis"], ["E8720", 1, "Acidosis, unspecified"]]);

interface HcpcsRecord {
  code: string;
  recordId: "3" | "4" | "7" | "8";
  long: string;
  short: string;
  added?: string;
  terminated?: string;
}

/** One 320-character record: code 1-5, sequence 6-10, record id 11, long 12-91, short 92-119, added 269-276, termination 285-292. */
function hcpcsLine(r: HcpcsRecord, sequence: number): string {
  const line = [
    r.code.padEnd(5),
    String(sequence).padStart(5, "0"),
    r.recordId,
    r.long.padEnd(80),
    r.short.padEnd(28),
    " ".repeat(149),
    (r.added ?? "").padEnd(8),
    " ".repeat(8),
    (r.terminated ?? "").padEnd(8),
  ].join("");
  return line.padEnd(320);
}

export const HCPCS_2019 = [
  {
    code: "G0439",
    recordId: "3",
    long: "Annual wellness visit, includes a personalized prevention plan of service (pps),",
    short: "Ppps, subseq visit",
    added: "20110101",
  },
  { code: "G0439", recordId: "4", long: "subsequent visit", short: "" },
  {
    code: "J1100",
    recordId: "3",
    long: "Injection, dexamethasone sodium phosphate, 1 mg",
    short: "Dexamethasone sodium phos",
    added: "20000101",
  },
  {
    code: "Q0001",
    recordId: "3",
    long: "A code discontinued in the middle of the year",
    short: "Discontinued mid-year",
    added: "20000101",
    terminated: "20190630",
  },
  { code: "G9999", recordId: "3", long: "A code added in the middle of the year", short: "Added mid-year", added: "20190701" },
  {
    code: "   LT",
    recordId: "7",
    long: "Left side (used to identify procedures performed on the left side of the body)",
    short: "Left side",
  },
  {
    code: "   RT",
    recordId: "7",
    long: "Right side (used to identify procedures performed on the right side of the body)",
    short: "Right side",
  },
  {
    code: "   GT",
    recordId: "7",
    long: "Via interactive audio and video telecommunication systems",
    short: "Interactive telecommunication",
  },
]
  .map((r, i) => hcpcsLine(r as HcpcsRecord, i + 1))
  .join("\r\n");

export const CPT_LIST_CSV =
  'Code,Description\r\n99213,"Office visit, established patient, low"\r\n99214,"Office visit, established patient, moderate"\r\n3074F,Most recent HbA1c level less than 7.0%\r\n';

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const IMPORTED = "2026-11-27";

export function icd10Years(): ParsedCodeSet[] {
  return [
    value(parseIcd10Order(FY2022_ORDER, "FY2022", "icd10cm_order_2022.txt")),
    value(parseIcd10Order(FY2023_ORDER, "FY2023", "icd10cm_order_2023.txt")),
  ];
}

export function hcpcs2019(): ParsedCodeSet {
  return value(parseHcpcsText(HCPCS_2019, "2019", "HCPC2019_CONTR_ANWEB.txt"));
}

export function cptList(): ParsedCodeSet {
  return value(parseCodeList(CPT_LIST_CSV, "CPT", "office_cpt.csv"));
}

/** All of the above, as the office would have them after importing each file. */
export function smallLibrary(sets: ParsedCodeSet[] = [...icd10Years(), hcpcs2019(), cptList()]): CodeSetLibrary {
  return CodeSetLibrary.fromSets(sets.map((set) => ({ set, importedOn: IMPORTED })));
}
