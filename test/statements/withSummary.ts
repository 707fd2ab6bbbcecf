// A hand-built statement document for the layout tests, with its summary rows worked out by the engine
// (summaryRows) from its own figures unless the test gives them.
import type { StatementDocument } from "../../src/statements/model";
import { summaryRows } from "../../src/statements/statement";

export function withSummary(doc: Omit<StatementDocument, "summary"> & { summary?: StatementDocument["summary"] }): StatementDocument {
  return { ...doc, summary: doc.summary ?? summaryRows(doc, doc.lines) };
}
