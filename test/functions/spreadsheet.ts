// A spreadsheet for the formula tests: HyperFormula with every exported MEDBILL function registered under
// its full dotted name, called the way Excel calls a custom function whose parameters are ranges.
//
// How it mirrors Excel:
// - Every parameter is a matrix: a range arrives as rows of cells, a single value as a 1x1 range, an
//   empty cell inside a range as "", an omitted optional argument as null. The result spills to the size
//   of the first argument (the codes).
// - CustomFunctions.Error is the runtime's global: a stand-in class takes its place in Node, and its
//   instances in a result become HyperFormula errors (#N/A, #VALUE!) carrying the message.
// - Async functions: HyperFormula calculates synchronously, so a sheet is evaluated twice. The first pass
//   starts the real function and keeps its promise (the cell shows a placeholder); once every promise has
//   settled, the second pass answers each call from what its promise gave. The functions run unchanged.
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type RawCellContent,
} from "hyperformula";
import * as functions from "../../functions/functions";

/** The runtime's CustomFunctions.Error, as Node sees it in these tests. */
export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** What `vi.stubGlobal("CustomFunctions", ...)` puts in place of the custom-functions runtime. */
export const CUSTOM_FUNCTIONS_STAND_IN = {
  associate: () => undefined,
  Error: StandInError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

type CustomFunction = (...args: unknown[]) => unknown;
type EngineCells = Parameters<typeof SimpleRangeValue.onlyValues>[0];
type ProcedureArgs = Parameters<FunctionPlugin["runFunction"]>;

/** Every custom function functions.ts exports (upper-case names: npiCell and friends are not functions Excel sees). */
const CUSTOM_FUNCTIONS: [string, CustomFunction][] = Object.entries(functions)
  .filter(([name, f]) => /^[A-Z][A-Z0-9]*$/.test(name) && typeof f === "function")
  .map(([name, f]) => [name, f as CustomFunction]);

/** Results of async calls from the first pass, by function and arguments. */
const settled = new Map<string, unknown>();
const pending: Promise<void>[] = [];

function fromEngine(value: unknown): unknown {
  if (value === EmptyValue) return "";
  if (value !== null && typeof value === "object" && "val" in value) return (value as { val: number }).val; // dates and other rich numbers
  return value;
}

/** An argument as Excel hands it to a matrix parameter. */
function asMatrix(arg: unknown): unknown {
  if (arg === undefined) return null;
  if (arg instanceof SimpleRangeValue) return arg.rawData().map((row) => row.map(fromEngine));
  return [[fromEngine(arg)]];
}

function toEngine(value: unknown): unknown {
  if (value instanceof StandInError) return new CellError(value.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, value.message);
  if (value === null || value === undefined) return EmptyValue;
  return value;
}

class MedbillFunctions extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    CUSTOM_FUNCTIONS.map(([name, f]) => [
      `MEDBILL.${name}`,
      {
        method: "call",
        sizeOfResultArrayMethod: "size",
        parameters: Array.from({ length: f.length }, (_, i) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: i > 0 })),
        vectorizationForbidden: true,
      },
    ]),
  );

  call(ast: { args: ProcedureArgs[0]; procedureName: string }, state: ProcedureArgs[1]) {
    const name = ast.procedureName.toUpperCase().replace(/^MEDBILL\./, "");
    const f = CUSTOM_FUNCTIONS.find(([n]) => n === name)![1];
    return this.runFunction(ast.args, state, this.metadata(`MEDBILL.${name}`), (...args: unknown[]) => {
      const matrices = args.map(asMatrix);
      const key = `${name}${JSON.stringify(matrices)}`;
      let result: unknown;
      if (settled.has(key)) result = settled.get(key);
      else {
        result = f(...matrices);
        if (result instanceof Promise) {
          pending.push(result.then((r) => void settled.set(key, r)));
          const rows = (matrices[0] as unknown[][]).length;
          const columns = (matrices[0] as unknown[][])[0].length;
          const placeholder = new CellError(ErrorType.NA, "pending");
          return SimpleRangeValue.onlyValues(Array.from({ length: rows }, () => Array.from({ length: columns }, () => placeholder)));
        }
      }
      return SimpleRangeValue.onlyValues((result as unknown[][]).map((row) => row.map(toEngine)) as EngineCells);
    });
  }

  size(ast: { args: ProcedureArgs[0] }, state: ProcedureArgs[1]): ArraySize {
    if (ast.args.length < 1) return ArraySize.error();
    const size = this.arraySizeForAst(ast.args[0], state);
    return new ArraySize(size.width, size.height);
  }
}

const NAMES = Object.fromEntries(CUSTOM_FUNCTIONS.map(([name]) => [`MEDBILL.${name}`, `MEDBILL.${name}`]));

export function registerMedbillFunctions(): void {
  HyperFormula.registerFunctionPlugin(MedbillFunctions, { enGB: NAMES, enUS: NAMES });
}

// HyperFormula keeps registered plugins globally; leave nothing behind for other files in the same worker.
export function unregisterMedbillFunctions(): void {
  HyperFormula.unregisterFunctionPlugin(MedbillFunctions);
}

/** An error as a test expects it: its Excel code and message. */
export interface ShownError {
  error: string;
  message: string;
}

export type Shown = Exclude<CellValue, DetailedCellError> | ShownError;

export const na = (message: string): ShownError => ({ error: "#N/A", message });
export const valueError = (message: string): ShownError => ({ error: "#VALUE!", message });

function calculate(sheet: RawCellContent[][], spill: { rows: number; cols: number }): Shown[][] {
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
  try {
    return Array.from({ length: spill.rows }, (_, r) =>
      Array.from({ length: spill.cols }, (_, c) => {
        const value = hf.getCellValue({ sheet: 0, row: r, col: 9 + c });
        return value instanceof DetailedCellError ? { error: value.value, message: value.message } : value;
      }),
    );
  } finally {
    hf.destroy();
  }
}

/**
 * Put a formula in an empty sheet next to some data and read back what it shows (the spilled area for
 * arrays). Data starts at A1; the formula goes to J1, well clear of it, and spills down and right.
 */
export async function evaluate(formula: string, data: RawCellContent[][], spill: { rows: number; cols: number }): Promise<Shown[][]> {
  settled.clear();
  const rows = Math.max(data.length, spill.rows);
  const sheet: RawCellContent[][] = Array.from({ length: rows }, (_, r) => {
    const row: RawCellContent[] = Array.from({ length: 9 }, (_, c) => data[r]?.[c] ?? null);
    if (r === 0) row.push(formula);
    return row;
  });
  const first = calculate(sheet, spill);
  if (pending.length === 0) return first;
  await Promise.all(pending.splice(0));
  return calculate(sheet, spill);
}
