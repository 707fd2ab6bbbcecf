// The Statements panel's form read without React: each job reads only its own fields, the batch
// rules start as Setup's and follow the Practice table's until the biller types others, and every
// mistake (a date that is not one, a negative minimum, a cycle that is not whole days, nothing
// picked) is said on its field, with nothing previewed.
import { describe, expect, it } from "vitest";
import {
  amountText,
  newStatementForm,
  readStatementForm,
  withPracticeRules,
  type StatementForm,
} from "../../taskpane/statements/statementForm";

const TODAY = "2026-11-27";
const SETUP = { minBalance: 500, cycleDays: 30 };
const form = (patch: Partial<StatementForm>): StatementForm => ({ ...newStatementForm(TODAY, SETUP), ...patch });

describe("the form's defaults", () => {
  it("starts on a batch dated today with the rules it is given", () => {
    expect(newStatementForm(TODAY, SETUP)).toEqual({
      job: "batch",
      date: TODAY,
      minBalance: "5.00",
      cycleDays: "30",
      account: "",
      payer: "",
      number: "",
    });
    expect(amountText(1050)).toBe("10.50");
    expect(amountText(0)).toBe("0.00");
  });

  it("takes the practice's rules where the biller kept the defaults, and keeps what they typed", () => {
    const practice = { minBalance: 1000, cycleDays: 28 };
    expect(withPracticeRules(form({}), SETUP, practice)).toMatchObject({ minBalance: "10.00", cycleDays: "28" });
    expect(withPracticeRules(form({ minBalance: "2" }), SETUP, practice)).toMatchObject({ minBalance: "2", cycleDays: "28" });
    expect(withPracticeRules(form({ cycleDays: "0" }), SETUP, practice)).toMatchObject({ minBalance: "10.00", cycleDays: "0" });
  });
});

describe("reading each job", () => {
  it("reads a batch: a US date, a minimum with a dollar sign, whole days", () => {
    expect(readStatementForm(form({ date: "11/27/2026", minBalance: "$12.50", cycleDays: " 45 " }))).toEqual({
      ok: true,
      request: { job: "batch", date: "2026-11-27", minBalance: 1250, cycleDays: 45 },
    });
    expect(readStatementForm(form({ minBalance: "0", cycleDays: "0" }))).toEqual({
      ok: true,
      request: { job: "batch", date: TODAY, minBalance: 0, cycleDays: 0 },
    });
  });

  it("reads one account only once it is picked", () => {
    expect(readStatementForm(form({ job: "account" }))).toEqual({
      ok: false,
      errors: { account: "Find the account: type a name or PatientID and pick it from the list." },
    });
    expect(readStatementForm(form({ job: "account", account: "P000012" }))).toEqual({
      ok: true,
      request: { job: "account", date: TODAY, minBalance: 500, cycleDays: 30, account: "P000012" },
    });
  });

  it("reads an invoice's payer and date, and not the batch rules", () => {
    expect(readStatementForm(form({ job: "invoice", minBalance: "lots", cycleDays: "-1" }))).toEqual({
      ok: false,
      errors: { payer: "Choose the payer to invoice." },
    });
    expect(readStatementForm(form({ job: "invoice", payer: "ATTY", minBalance: "lots" }))).toEqual({
      ok: true,
      request: { job: "invoice", date: TODAY, payerId: "ATTY" },
    });
  });

  it("reads a re-print's number only: it keeps the date it was issued on", () => {
    expect(readStatementForm(form({ job: "reprint", number: " S000012 ", date: "someday" }))).toEqual({
      ok: true,
      request: { job: "reprint", number: "S000012" },
    });
    expect(readStatementForm(form({ job: "reprint" }))).toEqual({
      ok: false,
      errors: { number: "Enter the number of an issued statement or invoice, like S000123." },
    });
  });
});

describe("mistakes, said on their fields", () => {
  it("refuses a date that is not one, and a blank one", () => {
    expect(readStatementForm(form({ date: "2026-02-30" }))).toEqual({
      ok: false,
      errors: { date: '"2026-02-30" is not a real calendar date.' },
    });
    expect(readStatementForm(form({ date: " " }))).toEqual({ ok: false, errors: { date: "Enter the statement date, like 2026-11-27." } });
  });

  it("refuses a minimum that is not an amount or is negative, and a cycle that is not whole days up to 366", () => {
    expect(readStatementForm(form({ minBalance: "-5", cycleDays: "1.5" }))).toEqual({
      ok: false,
      errors: { minBalance: "The minimum can't be negative.", cycleDays: '"1.5" is not a number of days from 0 to 366.' },
    });
    expect(readStatementForm(form({ minBalance: "ten", cycleDays: "400" }))).toEqual({
      ok: false,
      errors: {
        minBalance: '"ten" is not an amount (write it like 1234.50 or $1,234.50).',
        cycleDays: '"400" is not a number of days from 0 to 366.',
      },
    });
    expect(readStatementForm(form({ minBalance: "", cycleDays: "" }))).toEqual({
      ok: false,
      errors: {
        minBalance: "Enter the smallest amount due to send, like 5.00 (0 sends any amount).",
        cycleDays: "Enter the days between two statements, like 30 (0 sends again at once).",
      },
    });
  });
});
