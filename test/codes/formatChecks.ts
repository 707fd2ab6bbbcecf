// What a format check gives for an input the test expects it to pass (the code) or refuse (the reason),
// throwing with what it gave instead. Shared by the code format tests.
import type { FormatCheck } from "../../src/codes/formatCheck";

export const passes = (check: (v: unknown) => FormatCheck, input: unknown) => {
  const r = check(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to pass, got: ${r.reason}`);
  return r.code;
};

export const refused = (check: (v: unknown) => FormatCheck, input: unknown) => {
  const r = check(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${r.code}`);
  return r.reason;
};
