// The real sample data under ../shared/data: whether a test's file or folder is there. Missing, a test
// skips with a message in its name; with MEDBILL_REQUIRE_SHARED_DATA=1 (CI sets it in .ci/run) a
// missing file fails the test file instead, so CI never passes by skipping the real-file tests.
import { existsSync } from "node:fs";

export const REQUIRE_SHARED_DATA = process.env.MEDBILL_REQUIRE_SHARED_DATA === "1";

/** True when `path` exists; false when not (skip), or a thrown error when MEDBILL_REQUIRE_SHARED_DATA=1. */
export function sharedDataPresent(path: string): boolean {
  if (existsSync(path)) return true;
  if (REQUIRE_SHARED_DATA) {
    throw new Error(`${path} is missing, and MEDBILL_REQUIRE_SHARED_DATA=1 says the shared data must be there (../shared/data).`);
  }
  return false;
}
