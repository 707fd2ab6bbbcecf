// Synthetic 835 remittances for the model, balancing and robustness tests: a header (BPR, TRN, payer,
// payee) and claims that balance by construction, each line paid 70% with a CO-45 and a PR-2.
import type { Segment, TransactionSpec, WriteOptions } from "../x12/x12Fixtures";
import { writeX12 } from "../x12/x12Fixtures";

const dollars = (cents: number) => (cents / 100).toFixed(2);

export function header(paidCents: number, trace = "TRACE0001"): Segment[] {
  return [
    [
      "BPR",
      "I",
      dollars(paidCents),
      "C",
      "ACH",
      "CCP",
      "01",
      "999999992",
      "DA",
      "123456",
      "1512345678",
      "",
      "01",
      "999988880",
      "DA",
      "98765",
      "20260110",
    ],
    ["TRN", "1", trace, "1512345678"],
    ["DTM", "405", "20260109"],
    ["N1", "PR", "SAMPLE HEALTH PLAN", "XV", "SHP01"],
    ["N3", "1 MAIN ST"],
    ["N4", "SPRINGFIELD", "IL", "62701"],
    ["REF", "2U", "87726"],
    ["N1", "PE", "LAKESIDE FAMILY MEDICINE", "XX", "1234567893"],
    ["REF", "TJ", "123456789"],
  ];
}

/** Segments for one claim of `lines` lines; returns the claim's paid amount in cents. */
export function claimSegments(index: number, lines: number): { segments: Segment[]; paid: number } {
  const segments: Segment[] = [];
  let charge = 0;
  let paid = 0;
  let pr = 0;
  const lineSegments: Segment[] = [];
  for (let j = 0; j < lines; j++) {
    const lineCharge = 10_000 + ((index * 7 + j * 13) % 5_000);
    const linePaid = Math.round(lineCharge * 0.7);
    const linePr = Math.round(lineCharge * 0.1);
    const co = lineCharge - linePaid - linePr;
    charge += lineCharge;
    paid += linePaid;
    pr += linePr;
    lineSegments.push(
      ["SVC", ["HC", "99213", "25"], dollars(lineCharge), dollars(linePaid), "", "1"],
      ["DTM", "472", "20260102"],
      ["CAS", "CO", "45", dollars(co)],
      ["CAS", "PR", "2", dollars(linePr)],
      ["REF", "6R", `L${index}-${j}`],
      ["AMT", "B6", dollars(linePaid + linePr)],
    );
  }
  segments.push(
    ["LX", String(index + 1)],
    ["CLP", `CL${index}`, "1", dollars(charge), dollars(paid), dollars(pr), "12", `PCN${index}`],
    ["NM1", "QC", "1", "DOE", "JANE", "Q", "", "", "MI", "W123456789"],
    ["DTM", "232", "20260102"],
    ["DTM", "233", "20260102"],
    ...lineSegments,
  );
  return { segments, paid };
}

/** A balanced remittance of `claims` claims of `linesPerClaim` lines each. */
export function synthetic835(claims: number, linesPerClaim = 2, options: WriteOptions = {}): { text: string; paid: number } {
  const body: Segment[] = [];
  let paid = 0;
  for (let i = 0; i < claims; i++) {
    const claim = claimSegments(i, linesPerClaim);
    for (const s of claim.segments) body.push(s);
    paid += claim.paid;
  }
  const spec: TransactionSpec = { control: "0001", body: header(paid).concat(body) };
  return { text: writeX12([spec], options), paid };
}

/** Two claims (one with two lines, one denied with none) and two PLB items; every line, claim and the total (60.00 − 5.00 PLB = 55.00) balance. */
export const fullBody: Segment[] = [
  ...header(5_500, "EFT778899"),
  ["LX", "1"],
  ["CLP", "CL100", "1", "215.00", "60.00", "35.00", "12", "PCN-77", "11", "1"],
  ["CAS", "OA", "23", "10.00", "", "94", "5.00", "2"],
  ["NM1", "QC", "1", "DOE", "JANE", "Q", "", "", "MI", "W123"],
  ["DTM", "232", "20260102"],
  ["DTM", "233", "20260103"],
  ["SVC", ["HC", "99214", "25", "59"], "150.00", "45.00", "", "2", ["HC", "99215", "25"]],
  ["DTM", "472", "20260102"],
  ["CAS", "CO", "45", "90.00"],
  ["CAS", "PR", "1", "15.00", "1"],
  ["REF", "6R", "CHG-1"],
  ["AMT", "B6", "60.00"],
  ["LQ", "HE", "N130"],
  ["LQ", "HE", "M15"],
  ["SVC", ["HC", "36415"], "50.00", "15.00"],
  ["DTM", "150", "20260103"],
  ["DTM", "151", "20260104"],
  ["CAS", "PR", "2", "5.00", "", "3", "15.00"],
  ["CAS", "CO", "45", "15.00"],
  ["LX", "2"],
  ["CLP", "CL200", "4", "75.00", "0", "", "12", "PCN-78"],
  ["CAS", "CO", "31", "75.00"],
  ["PLB", "1234567893", "20261231", ["L6", "INT-1"], "-2.50", ["WO", "RECOUP-9"], "7.50"],
];
