#!/usr/bin/env node
// The `medbill` command as npm installs it: runs the TypeScript CLI through tsx, no build step.
import { tsImport } from "tsx/esm/api";

const { runInTerminal } = await tsImport("../src/cli/medbill.ts", import.meta.url);
await runInTerminal(process.argv.slice(2));
