// Lint for `npm run lint` (office-addin-lint check), which runs ESLint 9 with this file: it looks for
// eslint.config.mjs by that exact name, or falls back to its own config. The Office rules
// (eslint-plugin-office-addins: sync after load, no sync in loops, isNullObject, no Office.initialize)
// catch the Office.js mistakes STYLE.md names; the react config adds the React rules for taskpane/.
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";

// The plugin's main block (parser, Office rules, prettier) only matches .js/.ts files; .tsx gets the same.
const officeBlock = officeAddins.configs.recommended.find((block) => block.rules?.["office-addins/call-sync-after-load"]);

// The layers, as import specifiers: a folder anywhere in a relative path ("../../taskpane/App").
const TASKPANE = "(^|/)taskpane(/|$)";
const FUNCTIONS = "(^|/)functions(/|$)";
const CLI = "(^|/)cli(/|$)";
/** The Excel adapter: src/workbook/excelWorkbook.ts and src/workbook/excel/. */
const EXCEL = "(^|/)(excel|excelWorkbook)(/|$)";
const EXCEL_ADAPTER = ["src/workbook/excelWorkbook.ts", "src/workbook/excel/**"];

export default [
  { ignores: ["dist/**", "coverage/**", "node_modules/**", "test-results/**", "playwright-report/**"] },
  ...officeAddins.configs.react,
  { ...officeBlock, files: ["**/*.tsx"] },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    // The plugin's block names its parser through an ESM default that is undefined in 4.0.10, so ESLint
    // would silently fall back to espree (office-addin-lint's own config sets it the same way).
    languageOptions: { parser: tsParser, ecmaVersion: "latest" },
    rules: {
      // TypeScript already proves every name exists (browser globals, Office, Excel); ESLint's own check
      // does not know those and would flag each one.
      "no-undef": "off",
      // React 17+ JSX transform (tsconfig "jsx": "react-jsx"): no React import needed in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      // Types come from TypeScript, not prop-types.
      "react/prop-types": "off",
      // Apostrophes and quotes are everywhere in a biller's wording ("the payer's check"); only the
      // characters that usually mean a JSX typo are refused.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
      // `const { kind: _kind, ...rest } = op` drops a field on purpose: a leading _ says so.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // .prettierrc records the house style; `npm run lint:fix` applies it.
      "prettier/prettier": ["error", { endOfLine: "auto" }],
    },
  },
  {
    // Build scripts and configs: modern syntax (the plugin pins ecmaVersion 6) and Node's globals.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setImmediate: "readonly",
        setInterval: "readonly",
      },
    },
  },
  // The layer rules of DESIGN.md ("Dependencies point one way"), refused as they are typed; the import
  // circles, which ESLint cannot see file by file, are test/architecture/importCircles.test.ts's.
  {
    // The engine: src/ but the terminal and the Excel adapter.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/cli/**", ...EXCEL_ADAPTER],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: TASKPANE, message: "The engine never imports the task pane: the pane depends on src/, not the other way." },
            { regex: FUNCTIONS, message: "The engine never imports the custom functions: they are thin wrappers over src/." },
            { regex: CLI, message: "The engine never imports the terminal commands (src/cli/): they are one more user of it." },
            { regex: EXCEL, message: "Only the Excel host uses the Excel adapter: the engine talks to a Workbook." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/cli/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: TASKPANE, message: "The terminal never imports the task pane." },
            { regex: FUNCTIONS, message: "The terminal never imports the custom functions." },
            { regex: EXCEL, message: "The terminal works on .xlsx files (the xlsx adapter), never through Office.js." },
          ],
        },
      ],
    },
  },
  {
    files: [...EXCEL_ADAPTER],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: TASKPANE, message: "The Excel adapter never imports the task pane." },
            { regex: FUNCTIONS, message: "The Excel adapter never imports the custom functions." },
            { regex: CLI, message: "The Excel adapter never imports the terminal commands." },
          ],
        },
      ],
    },
  },
  {
    files: ["functions/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: TASKPANE, message: "The custom functions never import the task pane: both depend on src/." }] },
      ],
    },
  },
  {
    // Office.js is touched by the Excel adapter and the two host bootstraps only (STYLE.md): everything
    // else talks to a Workbook, and can be imported by a test in Node.
    files: ["{src,functions,taskpane}/**/*.{ts,tsx}"],
    ignores: [...EXCEL_ADAPTER, "taskpane/excel.tsx", "functions/functions.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "Only the Excel adapter (src/workbook/excel/) and the host bootstraps use Office.js." },
        { name: "Excel", message: "Only the Excel adapter (src/workbook/excel/) and the host bootstraps use Office.js." },
      ],
    },
  },
  {
    // The ExcelJS adapter reads cell.value and column.style of ExcelJS objects, which the Office rules
    // mistake for Office.js proxies that need load() and sync(). Only src/workbook/excel/ talks to Office.
    files: ["src/workbook/xlsxWorkbook.ts"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
