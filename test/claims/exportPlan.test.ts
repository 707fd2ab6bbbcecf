// The export plan: the exported claims' lines get today's Billed Date (one setColumn over the whole
// column, every other row's value as it was, blank and unreadable rows included), Practice keeps the
// file's control number (its row updated, or added when the office has none), and the Audit row
// names the file, claims, payers and ISA13 with ΣCLM02, never a patient. Also the envelope a file is
// written with, from Practice and Providers; and the refusals when the workbook cannot take the plan.
import { describe, expect, it } from "vitest";
import { write837p } from "../../src/claims/837pWriter";
import { readClaimBooks } from "../../src/claims/claimBooks";
import { controlNumbersFrom, envelopeFrom, ExportRefused, exportPlan, exportRefusals } from "../../src/claims/exportPlan";
import { isoToSerial } from "../../src/dates";
import { mapColumns, rowToCells } from "../../src/workbook/mapTable";
import { MemoryWorkbook, type MemoryTable } from "../../src/workbook/memoryWorkbook";
import { applyPlan, createTableOp } from "../../src/workbook/plan";
import type { CellValue } from "../../src/workbook/port";
import { Charges, ClaimStatus, Patients, Payers, Practice, Providers, type RowOf, type TableDef } from "../../src/workbook/tables";

const TODAY = "2026-03-16";
const NOW = new Date(2026, 2, 16, 9, 5);
const RENDERING = "1987654328";

/** A table with Setup's headers (or the given ones) holding engine rows turned into cells. */
function table<D extends TableDef>(def: D, rows: Partial<Record<keyof RowOf<D> & string, unknown>>[], headers?: string[]): MemoryTable {
  const own = headers ?? createTableOp(def).headers;
  const mapping = mapColumns(def, own);
  return {
    name: def.name,
    headers: own,
    rows: rows.map((row) => {
      const cells = rowToCells(def, mapping, row);
      return own.map((h): CellValue => cells[h] ?? null);
    }),
  };
}

const SETTINGS: [string, string][] = [
  ["Practice Name", "Sampleton Family Medicine"],
  ["Address", "100 Sample Way"],
  ["City", "Sampleton"],
  ["State", "IL"],
  ["ZIP", "62701-1234"],
  ["Phone", "217-555-0100"],
  ["Tax ID", "12-3456789"],
  ["Billing NPI", "1234567893"],
  ["Taxonomy", "207Q00000X"],
  ["Submitter ID", "SAMPLE01"],
  ["Receiver ID", "CLEARHOUSE"],
  ["Receiver Name", "Sample Clearinghouse"],
];

const line = (chargeId: string, claimId: string, patientId: string, payerId: string, extra: Partial<RowOf<typeof Charges>> = {}) => ({
  chargeId,
  claimId,
  patientId,
  payerId,
  providerNpi: RENDERING,
  dos: "2026-03-02",
  pos: "11",
  code: "99213",
  dx1: "I10",
  units: 1,
  amount: 12_500,
  ...extra,
});

interface BookOptions {
  lastControl?: string | null;
  chargesHeaders?: string[];
}

/** Two unbilled claims for two payers, one billed claim, a blank row and a row that does not read. */
function workbook(options: BookOptions = {}): MemoryWorkbook {
  const settings = [...SETTINGS];
  if (options.lastControl !== null) settings.push(["Last Interchange Control #", options.lastControl ?? "41"]);
  const charges = table(
    Charges,
    [
      line("L1", "CLM1", "P1", "SHP"),
      line("L2", "CLM1", "P1", "SHP", { code: "90686", amount: 3_500 }),
      line("L3", "OLD1", "P2", "SHP", { billedDate: "2026-01-10", dos: "2026-01-05" }),
      {},
      line("L4", "CLM2", "P2", "MCR", { amount: 9_000 }),
      line("L5", "CLM9", "P1", "SHP"),
    ],
    options.chargesHeaders,
  );
  // A row that does not read: its Billed Date cell holds text the plan must give back as it was.
  const bad = charges.rows[5];
  bad[charges.headers.indexOf("Amount")] = "twelve dollars";
  const billed = charges.headers.indexOf("Billed Date");
  if (billed >= 0) bad[billed] = "pending";
  return MemoryWorkbook.withTables([
    { name: Practice.name, headers: ["Setting", "Value"], rows: settings.map(([k, v]) => [k, v]) },
    table(Patients, [
      {
        patientId: "P1",
        lastName: "Testperson",
        firstName: "Alex",
        dob: "1960-05-04",
        sex: "F",
        address1: "12 Elm St",
        city: "Sampleton",
        state: "IL",
        zip: "62702",
        primaryPayerId: "SHP",
        primaryMemberId: "XYZ1",
      },
      {
        patientId: "P2",
        lastName: "Sampleperson",
        firstName: "Jo",
        dob: "1950-01-02",
        sex: "M",
        address1: "9 Oak St",
        city: "Sampleton",
        state: "IL",
        zip: "62702",
        primaryPayerId: "MCR",
        primaryMemberId: "1EG4TE5MK73",
        secondaryPayerId: "SHP",
        secondaryMemberId: "XYZ2",
      },
    ]),
    table(Payers, [
      { payerId: "SHP", name: "Sample Health Plan", type: "Commercial", x12PayerId: "SHP01", timelyFilingDays: 180 },
      { payerId: "MCR", name: "Medicare Part B", type: "Medicare", x12PayerId: "00123", timelyFilingDays: 365 },
    ]),
    table(Providers, [{ npi: RENDERING, lastName: "Rendering", firstName: "Dana", taxonomy: "207Q00000X" }]),
    charges,
  ]);
}

async function exported(book: MemoryWorkbook) {
  const books = await readClaimBooks(book, { unbilledOnly: true });
  const written = write837p(books.claims, { ...envelopeFrom(books), now: NOW });
  return { books, written, file: { name: "claims-2026-03-16.837", text: written.text, control: written.control } };
}

const column = (book: MemoryWorkbook, tableName: string, header: string) => {
  const t = book.sheets.find((s) => s.table?.name === tableName)!.table!;
  const i = t.headers.indexOf(header);
  return t.rows.map((r) => r[i]);
};

describe("the envelope from the books", () => {
  it("takes submitter, receiver, the last control number and the rendering providers' names", async () => {
    const books = await readClaimBooks(workbook(), { unbilledOnly: true });
    const envelope = envelopeFrom(books);
    expect(envelope.sender).toEqual({ id: "SAMPLE01", name: "Sampleton Family Medicine" });
    expect(envelope.receiver).toEqual({ id: "CLEARHOUSE", name: "Sample Clearinghouse" });
    expect(envelope.control).toEqual({ interchange: 41, group: 41, transaction: 0 });
    expect(envelope.providers?.get(RENDERING)).toEqual({ lastName: "Rendering", firstName: "Dana" });
  });

  it("starts from 0 when the control number is blank or not a number, and names the receiver by its ID when it has no name", () => {
    expect(controlNumbersFrom(new Map())).toEqual({ interchange: 0, group: 0, transaction: 0 });
    expect(controlNumbersFrom(new Map([["lastinterchangecontrol", "12x"]]))).toEqual({ interchange: 0, group: 0, transaction: 0 });
    expect(controlNumbersFrom(new Map([["Last Interchange Control #", " 000000907 "]]))).toEqual({
      interchange: 907,
      group: 907,
      transaction: 0,
    });
    const envelope = envelopeFrom({ practiceSettings: new Map([["receiverid", "CH9"]]), providers: [] });
    expect(envelope.receiver).toEqual({ id: "CH9", name: "CH9" });
  });
});

describe("the export plan", () => {
  it("marks the exported claims' lines billed today and leaves every other row's Billed Date as it was", async () => {
    const book = workbook();
    const { books, file } = await exported(book);
    expect(books.claims.map((c) => c.claimId)).toEqual(["CLM1", "CLM2"]);
    const before = column(book, "Charges", "Billed Date");
    const plan = exportPlan(books.claims, books, file, TODAY);
    const setColumn = plan.ops.find((op) => op.kind === "setColumn" && op.table === "Charges");
    expect(setColumn).toMatchObject({ column: "Billed Date", numberFormat: "yyyy-mm-dd" });
    await applyPlan(book, plan, NOW);
    const today = isoToSerial(TODAY);
    expect(column(book, "Charges", "Billed Date")).toEqual([today, today, before[2], null, today, "pending"]);
    expect(before[2]).toBe(isoToSerial("2026-01-10"));
  });

  it("stores the file's control number in Practice, so the next file takes the next one", async () => {
    const book = workbook();
    const first = await exported(book);
    await applyPlan(book, exportPlan(first.books.claims, first.books, first.file, TODAY), NOW);
    expect(column(book, "Practice", "Value")).toEqual([...SETTINGS.map(([, v]) => v), "42"]);
    // Two new lines billed the next day go out in the next file, ISA13 43.
    const t = book.sheets.find((s) => s.table?.name === "Charges")!.table!;
    const more = table(Charges, [line("L6", "CLM3", "P1", "SHP", { dos: "2026-03-10" })], t.headers).rows[0];
    t.rows.push(more);
    const second = await exported(book);
    expect(second.books.claims.map((c) => c.claimId)).toEqual(["CLM3"]);
    expect(second.written.text.slice(0, 106).split("*")[13]).toBe("000000043");
    await applyPlan(book, exportPlan(second.books.claims, second.books, second.file, "2026-03-17"), NOW);
    expect(column(book, "Practice", "Value").at(-1)).toBe("43");
  });

  it("records each claim billed in the ClaimStatus table with the file's GS06, making the table, then adding to it", async () => {
    const book = workbook();
    const first = await exported(book);
    await applyPlan(book, exportPlan(first.books.claims, first.books, first.file, TODAY), NOW);
    const history = () => {
      const t = book.sheets.find((s) => s.table?.name === "ClaimStatus")!.table!;
      return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
    };
    // GS06 follows ISA13: 42 in the first file.
    expect(history().map((r) => [r.ClaimID, r.PayerID, r.Sequence, r.Event, r.Source, r["Control #"], r.Date])).toEqual([
      ["CLM1", "SHP", "Primary", "Billed", "837P", "42", isoToSerial(TODAY)],
      ["CLM2", "MCR", "Primary", "Billed", "837P", "42", isoToSerial(TODAY)],
    ]);
    const t = book.sheets.find((s) => s.table?.name === "Charges")!.table!;
    t.rows.push(table(Charges, [line("L6", "CLM3", "P1", "SHP", { dos: "2026-03-10" })], t.headers).rows[0]);
    const second = await exported(book);
    await applyPlan(book, exportPlan(second.books.claims, second.books, second.file, "2026-03-17"), NOW);
    expect(history().map((r) => [r.ClaimID, r["Control #"]])).toEqual([
      ["CLM1", "42"],
      ["CLM2", "42"],
      ["CLM3", "43"],
    ]);
  });

  it("offers a claim again once a 999 or 277CA rejected it, with why, and takes it off once it is sent again", async () => {
    const book = workbook();
    const first = await exported(book);
    await applyPlan(book, exportPlan(first.books.claims, first.books, first.file, TODAY), NOW);
    expect((await readClaimBooks(book, { unbilledOnly: true })).claims).toEqual([]);
    // The payer's 277CA turns CLM2 back two days later.
    const rejection = {
      date: "2026-03-18",
      claimId: "CLM2",
      payerId: "MCR",
      event: "Rejected",
      source: "277CA",
      reason: "A7: member ID invalid",
    };
    const history = book.sheets.find((s) => s.table?.name === "ClaimStatus")!.table!;
    history.rows.push(table(ClaimStatus, [rejection], history.headers).rows[0]);
    const again = await exported(book);
    expect(again.books.claims.map((c) => c.claimId)).toEqual(["CLM2"]);
    expect(again.books.claims[0].billedDate).toBeUndefined();
    expect(again.books.rejected.get("CLM2")).toEqual({
      date: "2026-03-18",
      source: "277CA",
      reason: "A7: member ID invalid",
      sequence: "Primary",
    });
    expect(
      again.written.text
        .split("~")
        .filter((seg) => seg.startsWith("CLM*"))
        .map((seg) => seg.split("*")[1]),
    ).toEqual(["CLM2"]);
    await applyPlan(book, exportPlan(again.books.claims, again.books, again.file, "2026-03-19"), NOW);
    const after = await readClaimBooks(book, { unbilledOnly: true });
    expect(after.claims).toEqual([]);
    expect(after.rejected.size).toBe(0);
  });

  it("adds the control-number setting to Practice when the office has no such row", async () => {
    const book = workbook({ lastControl: null });
    const { books, file } = await exported(book);
    expect(file.control.interchange).toBe(1);
    const plan = exportPlan(books.claims, books, file, TODAY);
    expect(plan.ops.find((op) => op.kind !== "reportSheet" && op.table === "Practice")).toEqual({
      kind: "appendRows",
      table: "Practice",
      rows: [{ Setting: "Last Interchange Control #", Value: "1" }],
    });
    await applyPlan(book, plan, NOW);
    expect(envelopeFrom(await readClaimBooks(book)).control.interchange).toBe(1);
  });

  it("writes one Audit row naming the file, claims, lines, payers and ISA13 with ΣCLM02, and no patient", async () => {
    const book = workbook();
    const { books, file } = await exported(book);
    const plan = exportPlan(books.claims, books, file, TODAY);
    expect(plan.action).toBe("Claims exported");
    expect(plan.what).toBe(
      "837P file claims-2026-03-16.837 (ISA13 000000042): 2 claims (CLM1, CLM2), 3 lines marked billed 2026-03-16; payers SHP, MCR",
    );
    expect(plan.totals).toBe("claims $250.00");
    await applyPlan(book, plan, NOW);
    const audit = book.sheets.find((s) => s.table?.name === "Audit")!.table!;
    expect(audit.rows).toHaveLength(1);
    const words = audit.rows[0].join(" ");
    for (const name of ["Testperson", "Alex", "Sampleperson", "XYZ1", "1EG4TE5MK73", "Elm"]) expect(words).not.toContain(name);
  });

  it("names at most 20 claims in the Audit row and counts the rest", async () => {
    const book = workbook();
    const t = book.sheets.find((s) => s.table?.name === "Charges")!.table!;
    const extra = table(
      Charges,
      Array.from({ length: 25 }, (_, i) =>
        line(`X${i}`, `C${String(i).padStart(2, "0")}`, "P1", "SHP", { code: "99214", dos: `2026-02-${String(i + 1).padStart(2, "0")}` }),
      ),
      t.headers,
    );
    t.rows.push(...extra.rows);
    const { books, file } = await exported(book);
    expect(books.claims).toHaveLength(27);
    const plan = exportPlan(books.claims, books, file, TODAY);
    expect(plan.what).toMatch(/27 claims \(CLM1, CLM2, C00, .*, C17 and 7 more\)/);
  });
});

describe("what the workbook cannot take", () => {
  it("refuses when Charges has no Billed Date column, in words, and the plan throws the same", async () => {
    const headers = createTableOp(Charges).headers.filter((h) => h !== "Billed Date");
    const book = workbook({ chargesHeaders: headers });
    const { books, file } = await exported(book);
    expect(exportRefusals(books.claims, books)).toEqual([
      'The Charges table has no "Billed Date" column: add one, so the exported claims are marked billed and not sent twice.',
    ]);
    expect(() => exportPlan(books.claims, books, file, TODAY)).toThrow(ExportRefused);
  });

  it("refuses when a line of a claim is no longer in Charges, or there are no claims, or no Practice table", async () => {
    const book = workbook();
    const { books } = await exported(book);
    const changed = structuredClone(books.claims);
    changed[0].lines.push({ ...changed[0].lines[0], lineId: "GONE" });
    expect(exportRefusals(changed, books)).toEqual([
      "Claim CLM1: line GONE is no longer in Charges: read the workbook again before exporting.",
    ]);
    expect(exportRefusals([], books)).toEqual(["No claims were exported, so nothing is marked billed."]);
    const noPractice = { ...books, tables: { ...books.tables, Practice: undefined } };
    expect(exportRefusals(books.claims, noPractice)).toEqual([
      "The workbook has no Practice table to keep the last control number (Last Interchange Control #) in.",
    ]);
  });

  it("refuses when the office's ClaimStatus table lacks a column the history needs, and the plan throws the same", async () => {
    const book = workbook();
    const { books, file } = await exported(book);
    const claimStatus = {
      name: "ClaimStatus",
      sheet: "ClaimStatus",
      headers: ["Date", "ClaimID", "Event"],
      rows: [],
      rowCount: 0,
      headerRow: 1,
    };
    const lacking = { ...books, tables: { ...books.tables, ClaimStatus: claimStatus } };
    expect(exportRefusals(books.claims, lacking)).toEqual([
      'The ClaimStatus table has no "PayerID", "Sequence", "Source", "Control #" column: add it (or run Setup), then try again.',
    ]);
    expect(() => exportPlan(books.claims, lacking, file, TODAY)).toThrow(ExportRefused);
  });
});
