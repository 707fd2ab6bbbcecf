// The code sets the custom functions check against: one CodeSetLibrary per runtime. The task pane hands
// over a new library after each import (useCodeSets), and on the first call that needs one before that,
// the functions read the sets stored in the workbook themselves, once. Both run in the one shared
// runtime of the Excel host, so they share this module (webpack.config.js keeps a single runtime chunk).
// Nothing runs at import time: Node tests import this file and only ever touch Office through a loader.
import type { CodeSetLibrary } from "../src/codes/codeSetLibrary";
import { loadCodeSets } from "../src/codes/codeSetStore";
import { ExcelWorkbook } from "../src/workbook/excel/excelWorkbook";

/** Reads the code sets from wherever they are kept; the default reads the open workbook through Office.js. */
export type CodeSetLoader = () => Promise<CodeSetLibrary>;

const fromThisWorkbook: CodeSetLoader = () => loadCodeSets(new ExcelWorkbook());

let library: CodeSetLibrary | undefined;
let loading: Promise<CodeSetLibrary> | undefined;
let loader: CodeSetLoader = fromThisWorkbook;

/** The sets to check against from now on (the task pane after an import; tests). */
export function useCodeSets(next: CodeSetLibrary): void {
  library = next;
  loading = undefined;
}

/**
 * Forget the sets held, so the next call reads them again with `read` (by default from the workbook).
 * Tests use it to start clean; the task pane need not call it, as an import goes through useCodeSets.
 */
export function forgetCodeSets(read: CodeSetLoader = fromThisWorkbook): void {
  library = undefined;
  loading = undefined;
  loader = read;
}

/**
 * The sets to check against. A thousand cells recalculating at once before anything is held share one
 * read of the workbook. A failed read is not kept, so the next recalculation tries again; its callers
 * turn the failure into a message in each cell rather than a wrong answer.
 */
export function codeSetsForFunctions(): Promise<CodeSetLibrary> {
  if (library) return Promise.resolve(library);
  if (!loading) {
    const attempt = loader().then(
      (loaded) => {
        // useCodeSets may have handed over newer sets while the workbook was being read: they win.
        if (loading === attempt) {
          library = loaded;
          loading = undefined;
        }
        return library ?? loaded;
      },
      (error: unknown) => {
        if (loading === attempt) loading = undefined;
        throw error;
      },
    );
    loading = attempt;
  }
  return loading;
}
