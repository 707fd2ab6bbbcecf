// What the pages' Content-Security-Policy (no 'unsafe-eval', see taskpane/*.html) asks of the
// libraries that run in them. Not imported by any module: webpack.config.js runs it as the first
// module of each page's entry, before any other module (and so any zod schema) is evaluated. It is
// the one module that does something when loaded, and only in the built pages, never in tests.
import { z } from "zod";

// zod 4 decides, as each object schema is built, whether to compile a fast parser with
// `new Function`, and finds out whether it may by trying once: under our policy that try is a
// refused eval, reported as a CSP violation (zod then parses without it). Jitless never tries.
z.config({ jitless: true });
