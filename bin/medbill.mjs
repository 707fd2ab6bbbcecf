#!/usr/bin/env node
// The `medbill` command as npm installs it: runs the TypeScript CLI through tsx, no build step.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../src/cli/medbill.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));
