// The answer every format check gives, whatever the kind of code: the code as a claim carries it, or why
// the cell cannot be that code. It sits apart from the checks and from codeKinds (which gathers them) so
// that each check can name its answer without importing the module that imports it.

/** A format check's answer: the code normalized (upper case, ICD-10 without its dot, NDC as 11 digits), or why not. */
export type FormatCheck = { ok: true; code: string } | { ok: false; reason: string };

export const valid = (code: string): FormatCheck => ({ ok: true, code });
export const invalid = (reason: string): FormatCheck => ({ ok: false, reason });
