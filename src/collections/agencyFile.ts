// The file a collection agency takes (issue 17): one CSV row per account sent, minimum necessary.
// It carries who owes (account, name, address, phone, date of birth), how much and since when (balance
// sent, oldest date of service, last payment, last statement) and nothing clinical: no diagnosis, no
// procedure code, no line detail, no member ID, no SSN (the workbook holds none). Date of birth is in
// because the agency must be sure it is asking the right person: with name and address it is how an
// agency traces a patient who moved and keeps from dunning a namesake; the statements leave it off,
// an agency cannot work without it. The Patients table has no guarantor: the patient is the account.
// Every cell goes through src/csvCells.ts, so a name that starts like a formula stays text.
import { csvDollars, csvLine, csvText } from "../csvCells";
import type { IsoDate } from "../dates";
import type { Cents } from "../money";

export interface AgencyAccount {
  patientId: string;
  lastName: string;
  firstName: string;
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  zip?: string;
  phone?: string;
  dob?: IsoDate;
  /** The patient balance written off to bad debt and placed with the agency. */
  balance: Cents;
  lines: number;
  oldestDos: IsoDate;
  lastPayment?: { date: IsoDate; amount: Cents };
  lastStatement?: IsoDate;
}

export const AGENCY_FILE_HEADERS = [
  "Account",
  "Last Name",
  "First Name",
  "Address",
  "Address 2",
  "City",
  "State",
  "ZIP",
  "Phone",
  "Date of Birth",
  "Balance",
  "Oldest Service Date",
  "Last Payment Date",
  "Last Payment",
  "Last Statement Date",
  "Placed On",
  "Agency",
];

/** The CSV text (CRLF line ends, as RFC 4180 and Excel have them), headers first. */
export function agencyFile(accounts: AgencyAccount[], placedOn: IsoDate, agency: string): string {
  const t = (s: string | undefined) => csvText(s ?? "");
  const lines = [csvLine(AGENCY_FILE_HEADERS)];
  for (const a of accounts) {
    lines.push(
      [
        t(a.patientId),
        t(a.lastName),
        t(a.firstName),
        t(a.address1),
        t(a.address2),
        t(a.city),
        t(a.state),
        t(a.zip),
        t(a.phone),
        t(a.dob),
        csvDollars(a.balance),
        t(a.oldestDos),
        t(a.lastPayment?.date),
        a.lastPayment ? csvDollars(a.lastPayment.amount) : "",
        t(a.lastStatement),
        t(placedOn),
        t(agency),
      ].join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/** The file's name: "collections-<agency>-2026-06-30.csv", the agency's name reduced to letters and digits. */
export function agencyFileName(agency: string, placedOn: IsoDate): string {
  const name = agency
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `collections-${name || "agency"}-${placedOn}.csv`;
}
