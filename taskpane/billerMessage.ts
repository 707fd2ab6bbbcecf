// The pane's words: whatever an operation threw turned into a message a biller can act on, and the
// few wording helpers every panel says things with (a sentence, a count, a plural, a list).
// The task pane shows the messages in a MessageBar; nothing is only logged, and nothing here
// writes to the console (cell values in a message may be patient data).
import { PlanRejected } from "../src/workbook/port";
import { count, plural } from "../src/counting";
import { capitalized, sentence as engineSentence } from "../src/sentences";

export interface BillerMessage {
  /** What failed, in a few words ("Could not create the tables"). */
  title: string;
  /** Why, and what to do about it. */
  body: string;
}

/** Office.js rejects with an object carrying a `code` such as "ItemNotFound"; nothing else here does. */
interface CodedError {
  code: string;
  message?: string;
}

function isCodedError(error: unknown): error is CodedError {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

// The few Excel error codes an office actually meets, said the way a biller would understand them.
const EXCEL_CODES: Record<string, string> = {
  ItemNotFound: "a table or sheet it needs is no longer in the workbook (was it renamed or deleted?). Click Refresh and try again.",
  ItemAlreadyExists: "a table or sheet of the same name is already in the workbook. Click Refresh and try again.",
  InvalidOperationInCellEditMode: "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.",
  AccessDenied: "the workbook or sheet is protected or read-only. Unprotect it, then try again.",
  RequestPayloadSizeLimitExceeded: "the change was too large for Excel on the web to take in one go.",
  GeneralException: "Excel could not finish the change. Save your work, then try again.",
};

/**
 * `doing` names the operation as a title ("Could not create the tables"). PlanRejected messages
 * are already in the biller's words and say that nothing was written, so they pass through.
 */
export function billerMessage(error: unknown, title: string): BillerMessage {
  if (error instanceof PlanRejected) return { title, body: error.message };
  if (isCodedError(error) && EXCEL_CODES[error.code]) return { title, body: `Excel says ${EXCEL_CODES[error.code]}` };
  const detail = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const body =
    detail.trim() === ""
      ? "Something unexpected went wrong. Try again; if it keeps happening, save a copy of the workbook and tell your support contact."
      : sentence(detail);
  return { title, body };
}

/**
 * "the table is gone" -> "The table is gone." The forms say the engine's parse errors this way too.
 * A payment form's mistake may end on its example ("(write it like 1234.50)"): with
 * `parenthesisEnds` that closing parenthesis ends the sentence, as the Post form has always shown it.
 */
export function sentence(text: string, { parenthesisEnds = false }: { parenthesisEnds?: boolean } = {}): string {
  const t = text.trim();
  return parenthesisEnds && t.endsWith(")") ? capitalized(t) : engineSentence(t);
}

// Counts are worded as the engine and the terminal word them.
export { count, plural };

// Lists are worded as the engine words them.
export { listInWords } from "../src/sentences";
