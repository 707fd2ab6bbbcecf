// A plan cut short half-way, found and then finished or undone: on the fake Excel by failing each
// sync of a many-sync posting in turn (the request lost, or applied with its answer lost), and on
// the memory and xlsx adapters by stopping after each op. After recovery the books are either as
// they were or as fully posted, never anything else. Also the port ops Undo rests on (deleteRows,
// updateRows, addColumns) and workbooks made before the Plan and Status columns.
import { describe, expect, it } from "vitest";
import { ExcelWorkbook, type ExcelRun } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook, type MemoryTable } from "../../src/workbook/memoryWorkbook";
import { applyPlan, PLAN_JOURNAL, type WritePlan } from "../../src/workbook/plan";
import type { CellValue, RawTable, Workbook, WriteOp } from "../../src/workbook/port";
import { finishPlan, undoPlan, unfinishedPlans } from "../../src/workbook/unfinishedPlans";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { FakeExcel, RichApiError } from "./fakeExcel";

const NOW = new Date(2026, 11, 6, 14, 3, 9);
const PLAN = "P20261206-140309-TEST";
const LEDGER = ["Charges", "Payments", "Postings"];

/** An office's books made before plans had ids: no Plan column anywhere, no Status in Audit. */
function olderTables(lines: number): MemoryTable[] {
  return [
    {
      name: "Charges",
      headers: ["ChargeID", "PatientID", "Amount"],
      rows: Array.from({ length: lines }, (_, i) => [`C${i}`, `P${i % 40}`, 100]),
    },
    { name: "Payments", headers: ["PaymentID", "Date", "Amount", "Reference"], rows: [["PM1", 46000, 50, "CHK1"]] },
    { name: "Postings", headers: ["PostingID", "PaymentID", "ChargeID", "Paid"], rows: [["T0", "PM1", "C0", 50]] },
    { name: "Audit", headers: ["Time", "Action", "What", "Rows", "Totals"], rows: [["2026-12-01 09:00:00", "Setup", "created", 3, null]] },
  ];
}

/** A check paying every line: one Payments row, one posting per line. */
function postingPlan(lines: number): WritePlan {
  return {
    action: "Post ERA",
    what: `check 777: ${lines} lines`,
    totals: `paid $${lines * 80}.00`,
    ops: [
      { kind: "appendRows", table: "Payments", rows: [{ PaymentID: "PM2", Date: 46001, Amount: lines * 80, Reference: "EFT777" }] },
      {
        kind: "appendRows",
        table: "Postings",
        rows: Array.from({ length: lines }, (_, i) => ({ PostingID: `T${i + 1}`, PaymentID: "PM2", ChargeID: `C${i}`, Paid: 80 })),
      },
    ],
  };
}

function fakeBooks(lines: number): FakeExcel {
  const fake = new FakeExcel();
  for (const t of olderTables(lines)) fake.addTable(t.name, t.headers, t.rows);
  return fake;
}

/** Excel.run over the fake whose `failAt`-th sync (counted over all runs) fails: lost, or applied and its answer lost. */
function failingRun(fake: FakeExcel, failAt: number, mode: "lost" | "applied"): ExcelRun {
  let syncs = 0;
  return (batch) =>
    fake.run((context) => {
      const proxy = new Proxy(context, {
        get(target, prop) {
          if (prop === "sync") {
            return async () => {
              syncs++;
              if (syncs !== failAt) return target.sync();
              if (mode === "applied") await target.sync();
              throw new RichApiError("GeneralException", "The network connection was lost.");
            };
          }
          const value = Reflect.get(target, prop) as unknown;
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return batch(proxy);
    });
}

async function ledgerOf(workbook: Workbook): Promise<Record<string, RawTable>> {
  const read = await workbook.readTables(LEDGER);
  return Object.fromEntries(LEDGER.map((n) => [n, read[n]!]));
}

/** The books as they were: every row and column they had, and no row carrying the plan. */
function expectUntouched(after: Record<string, RawTable>, before: Record<string, RawTable>) {
  for (const name of LEDGER) {
    const a = after[name];
    const b = before[name];
    const cols = b.headers.map((h) => a.headers.indexOf(h));
    expect(
      a.rows.map((row) => cols.map((c) => row[c])),
      name,
    ).toEqual(b.rows);
    expect(a.rows.flat().includes(PLAN), name).toBe(false);
  }
}

function expectState(
  after: Record<string, RawTable>,
  before: Record<string, RawTable>,
  posted: Record<string, RawTable>,
): "untouched" | "posted" {
  const isPosted = LEDGER.every((n) => JSON.stringify(after[n].rows) === JSON.stringify(posted[n].rows));
  if (isPosted) {
    for (const n of LEDGER) expect(after[n].headers).toEqual(posted[n].headers);
    return "posted";
  }
  expectUntouched(after, before);
  return "untouched";
}

async function auditRows(workbook: Workbook): Promise<CellValue[][]> {
  return (await workbook.readTables(["Audit"])).Audit!.rows;
}

describe("a posting cut short in Excel, finished or undone", () => {
  const LINES = 3000;
  // A small budget makes the plan take many requests, as a far larger one would under 5 MB.
  const OPTIONS = { maxPayloadBytes: 60_000 };

  it("writes the Audit row first as started and marks it done in the last sync; every row carries the plan", async () => {
    const fake = fakeBooks(LINES);
    const excel = new ExcelWorkbook(fake.run, OPTIONS);
    const before = fake.syncs;
    const applied = await applyPlan(excel, postingPlan(LINES), NOW, PLAN);
    const syncs = fake.syncs - before;
    expect(syncs).toBeGreaterThan(8);
    expect(applied.rowsAppended).toBe(LINES + 2);
    const ledger = await ledgerOf(excel);
    expect(ledger.Postings.headers).toEqual(["PostingID", "PaymentID", "ChargeID", "Paid", "Plan"]);
    expect(ledger.Postings.rows.filter((r) => r[4] === PLAN)).toHaveLength(LINES);
    expect(ledger.Payments.rows.at(-1)).toEqual(["PM2", 46001, LINES * 80, "EFT777", PLAN]);
    expect(ledger.Charges.headers).toEqual(["ChargeID", "PatientID", "Amount"]);
    expect(await auditRows(excel)).toEqual([
      ["2026-12-01 09:00:00", "Setup", "created", 3, null, null, null],
      ["2026-12-06 14:03:09", "Post ERA", `check 777: ${LINES} lines`, LINES + 1, `paid $${LINES * 80}.00`, PLAN, "done"],
    ]);
    // The copy of the plan is gone once it is done, and nothing is left below any table.
    expect((await excel.readTables([PLAN_JOURNAL.table]))[PLAN_JOURNAL.table]!.rows).toEqual([]);
    expect(fake.sheet("Postings")!.usedRect()!.rows).toBe(1 + 1 + LINES);
    expect(await unfinishedPlans(excel)).toEqual([]);
  });

  it("failing each sync in turn leaves a plan Setup finds, and Finish or Undo gives the untouched or the posted books", async () => {
    const untouchedBooks = fakeBooks(LINES);
    const before = await ledgerOf(new ExcelWorkbook(untouchedBooks.run, OPTIONS));
    const postedBooks = fakeBooks(LINES);
    const postedExcel = new ExcelWorkbook(postedBooks.run, OPTIONS);
    const start = postedBooks.syncs;
    await applyPlan(postedExcel, postingPlan(LINES), NOW, PLAN);
    const total = postedBooks.syncs - start;
    const posted = await ledgerOf(postedExcel);

    const outcomes: string[] = [];
    for (let failAt = 1; failAt <= total; failAt++) {
      for (const mode of ["lost", "applied"] as const) {
        for (const recovery of ["finish", "undo"] as const) {
          const fake = fakeBooks(LINES);
          const broken = new ExcelWorkbook(failingRun(fake, failAt, mode), OPTIONS);
          const attempt = await applyPlan(broken, postingPlan(LINES), NOW, PLAN).then(
            () => "ok",
            () => "failed",
          );
          const excel = new ExcelWorkbook(fake.run, OPTIONS);
          const found = await unfinishedPlans(excel);
          let state: string;
          if (found.length === 0) {
            // Cut before its Audit row went in (nothing of it is there), or after the last sync's changes.
            state = expectState(await ledgerOf(excel), before, posted);
          } else {
            expect(found).toHaveLength(1);
            expect(found[0]).toMatchObject({ plan: PLAN, action: "Post ERA", time: "2026-12-06 14:03:09" });
            expect(found[0].sentence).toMatch(
              /^A posting started on 2026-12-06 14:03 \(Post ERA, plan P20261206-140309-TEST\) was not finished: [\d,]+ of its/,
            );
            if (recovery === "finish" && found[0].canFinish) {
              await finishPlan(excel, PLAN);
              // Finishing twice writes nothing more: the plan is no longer unfinished.
              await expect(finishPlan(excel, PLAN)).rejects.toThrow(/not unfinished/);
              state = expectState(await ledgerOf(excel), before, posted);
              expect(state).toBe("posted");
              expect((await auditRows(excel)).at(-1)!.at(-1)).toBe("done");
            } else {
              await undoPlan(excel, PLAN);
              state = expectState(await ledgerOf(excel), before, posted);
              expect(state).toBe("untouched");
              expect((await auditRows(excel)).at(-1)!.at(-1)).toBe("undone");
              // Nothing of the plan is left below a table either.
              for (const name of LEDGER) {
                const table = fake.table(name)!;
                expect(fake.sheet(name)!.usedRect()!.rows, name).toBe(1 + table.bodyRows);
              }
            }
            expect(await unfinishedPlans(excel)).toEqual([]);
            const journal = (await excel.readTables([PLAN_JOURNAL.table]))[PLAN_JOURNAL.table];
            expect(journal?.rows ?? []).toEqual([]);
          }
          outcomes.push(
            `${failAt}/${mode}/${recovery}: ${attempt}, ${found.length ? (found[0].canFinish ? "finishable" : "undo only") : "none"} -> ${state}`,
          );
        }
      }
    }
    // Every sync was failed in both ways, and both recoveries were exercised on real partial writes.
    expect(outcomes.some((o) => /finishable -> posted/.test(o))).toBe(true);
    expect(outcomes.some((o) => /finishable -> untouched/.test(o))).toBe(true);
    expect(outcomes.some((o) => /undo only -> untouched/.test(o))).toBe(true);
  }, 120_000);
});

/** A workbook whose write applies the first `k` ops and then fails, as a host cut short would. */
function cutAfter(workbook: Workbook, k: number): Workbook {
  return {
    host: workbook.host,
    describe: () => workbook.describe(),
    readTables: (names) => workbook.readTables(names),
    readSheet: (name) => workbook.readSheet(name),
    write: async (ops: WriteOp[]) => {
      if (ops.length > k) {
        await workbook.write(ops.slice(0, k));
        throw new Error("cut short");
      }
      return workbook.write(ops);
    },
  };
}

describe.each([
  ["memory", async () => MemoryWorkbook.withTables(olderTables(20)) as Workbook],
  [
    "xlsx",
    async () => {
      const xlsx = await XlsxWorkbook.create();
      await xlsx.write(
        olderTables(20).map((t) => ({ kind: "createTable", table: t.name, sheet: t.name, headers: t.headers, rows: t.rows })),
      );
      return xlsx as Workbook;
    },
  ],
])("the %s adapter", (_host, make) => {
  it("cut after each op of a posting, Finish or Undo gives the untouched or the posted books", async () => {
    const before = await ledgerOf(await make());
    const postedBook = await make();
    await applyPlan(postedBook, postingPlan(20), NOW, PLAN);
    const posted = await ledgerOf(postedBook);
    // The plan's ops as applyPlan sends them: addColumns x3, Audit row, journal table and rows, data, done, copy removed.
    for (let k = 0; k <= 10; k++) {
      for (const recovery of ["finish", "undo"] as const) {
        const book = await make();
        await applyPlan(cutAfter(book, k), postingPlan(20), NOW, PLAN).catch(() => undefined);
        const found = await unfinishedPlans(book);
        if (found.length === 0) {
          expectState(await ledgerOf(book), before, posted);
          continue;
        }
        if (recovery === "finish" && found[0].canFinish) {
          await finishPlan(book, PLAN);
          expect(expectState(await ledgerOf(book), before, posted)).toBe("posted");
        } else {
          await undoPlan(book, PLAN);
          expect(expectState(await ledgerOf(book), before, posted)).toBe("untouched");
        }
        expect(await unfinishedPlans(book)).toEqual([]);
      }
    }
  });

  it("deleteRows removes exactly the rows of a plan, updateRows sets cells of them, addColumns adds empty columns", async () => {
    const book = await make();
    await book.write([
      { kind: "addColumns", table: "Charges", headers: ["Plan"], numberFormats: ["@"] },
      {
        kind: "appendRows",
        table: "Charges",
        rows: [
          { ChargeID: "X1", Amount: 5, Plan: "PA" },
          { ChargeID: "X2", Amount: 6, Plan: "PB" },
          { ChargeID: "X3", Amount: 7, Plan: "PA" },
        ],
      },
      { kind: "updateRows", table: "Charges", plan: "PB", values: { PatientID: "P9" } },
    ]);
    let charges = (await book.readTables(["Charges"])).Charges!;
    expect(charges.headers).toEqual(["ChargeID", "PatientID", "Amount", "Plan"]);
    expect(charges.rows.slice(0, 2)).toEqual([
      ["C0", "P0", 100, null],
      ["C1", "P1", 100, null],
    ]);
    expect(charges.rows.slice(-3)).toEqual([
      ["X1", null, 5, "PA"],
      ["X2", "P9", 6, "PB"],
      ["X3", null, 7, "PA"],
    ]);
    await book.write([{ kind: "deleteRows", table: "Charges", plan: "PA" }]);
    charges = (await book.readTables(["Charges"])).Charges!;
    expect(charges.rows).toHaveLength(21);
    expect(charges.rows.at(-1)).toEqual(["X2", "P9", 6, "PB"]);
    // Every row going leaves an empty table, still there.
    await book.write([
      { kind: "addColumns", table: "Payments", headers: ["Plan"] },
      { kind: "updateRows", table: "Payments", plan: "none", values: { Amount: 1 } },
    ]);
    await book.write([{ kind: "appendRows", table: "Payments", rows: [{ PaymentID: "PM9", Amount: 1, Plan: "PZ" }] }]);
    const payments = (await book.readTables(["Payments"])).Payments!;
    expect(payments.rows).toHaveLength(2);
    await expect(book.write([{ kind: "deleteRows", table: "Postings", plan: "PZ" }])).rejects.toThrow(/no column "Plan"/);
  });
});

describe("a plan that cannot be finished", () => {
  it("offers only Undo when it appends to a table without a Plan column (rows that cannot be told apart)", async () => {
    const book = MemoryWorkbook.withTables([...olderTables(2), { name: "CodeSets", headers: ["Set", "Version"], rows: [] }]);
    const plan: WritePlan = {
      action: "Import codes",
      what: "CPT 2026",
      ops: [
        { kind: "appendRows", table: "CodeSets", rows: [{ Set: "CPT", Version: "2026" }] },
        { kind: "appendRows", table: "Charges", rows: [{ ChargeID: "C9", Amount: 1 }] },
      ],
    };
    await applyPlan(cutAfter(book, 6), plan, NOW, PLAN).catch(() => undefined);
    const [found] = await unfinishedPlans(book);
    expect(found).toMatchObject({ plan: PLAN, canFinish: false, rowsInWorkbook: 0 });
    expect(found.sentence).toMatch(
      /^A change started on 2026-12-06 14:03 \(Import codes, plan .*\) was not finished: 0 of its 2 rows are in the workbook\. Undo it in Setup/,
    );
    await expect(finishPlan(book, PLAN)).rejects.toThrow(/can only be undone/);
    await undoPlan(book, PLAN);
    expect(await unfinishedPlans(book)).toEqual([]);
  });
});

describe("the cost of a plan's transaction in Excel", () => {
  it("a small posting is one request of changes; the Audit trail's Plan column is not read, however long it is", async () => {
    const fake = new FakeExcel();
    const audit = Array.from({ length: 5000 }, (_, i) => ["2026-12-01 09:00:00", "Post", "x", 1, null, `P${i}`, "done"]);
    fake.addTable("Audit", ["Time", "Action", "What", "Rows", "Totals", "Plan", "Status"], audit);
    fake.addTable("Payments", ["PaymentID", "Date", "Amount", "Reference", "Plan"], [["PM1", 46000, 50, "CHK1", null]]);
    fake.addTable("Postings", ["PostingID", "PaymentID", "ChargeID", "Paid", "Plan"], [["T0", "PM1", "C0", 50, null]]);
    fake.addTable(PLAN_JOURNAL.table, [...PLAN_JOURNAL.headers], [], { sheet: PLAN_JOURNAL.sheet });
    const excel = new ExcelWorkbook(fake.run);
    fake.resetCounts();
    await applyPlan(excel, postingPlan(3), NOW, PLAN);
    // describe (layout 2, date system 1), the write's layout (2), its changes (1).
    expect(fake.syncs).toBe(6);
    expect(fake.maxResponseBytes).toBeLessThan(20_000);
    expect((await auditRows(excel)).at(-1)!.slice(-2)).toEqual([PLAN, "done"]);
    expect((await excel.readTables([PLAN_JOURNAL.table]))[PLAN_JOURNAL.table]!.rows).toEqual([]);
  });
});

describe("Excel deleteRows and addColumns", () => {
  it("deletes runs of rows from the bottom up in one request, keeps one blank row when all go, adds a column by name", async () => {
    const fake = new FakeExcel();
    fake.addTable(
      "Postings",
      ["PostingID", "Plan"],
      [
        ["T1", "PA"],
        ["T2", "PB"],
        ["T3", "PA"],
        ["T4", "PA"],
        ["T5", "PB"],
      ],
    );
    fake.addTable("Payments", ["PaymentID"], [["PM1"], ["PM2"]]);
    const excel = new ExcelWorkbook(fake.run);
    fake.resetCounts();
    await excel.write([
      { kind: "deleteRows", table: "Postings", plan: "PA" },
      { kind: "addColumns", table: "Payments", headers: ["Plan"], numberFormats: ["@"] },
    ]);
    // Layout (2 syncs), the Plan column (1), the changes (1).
    expect(fake.syncs).toBe(4);
    expect((await excel.readTables(["Postings"])).Postings!.rows).toEqual([
      ["T2", "PB"],
      ["T5", "PB"],
    ]);
    expect(fake.sheet("Postings")!.usedRect()!.rows).toBe(3);
    expect((await excel.readTables(["Payments"])).Payments!.headers).toEqual(["PaymentID", "Plan"]);
    await excel.write([{ kind: "deleteRows", table: "Postings", plan: "PB" }]);
    const postings = (await excel.readTables(["Postings"])).Postings!;
    expect(postings.rows).toEqual([]);
    expect(fake.table("Postings")!.bodyRows).toBe(1);
  });
});
