// Lint for `npm run lint` (office-addin-lint check), which runs ESLint 9 with this file: it looks for
// eslint.config.mjs by that exact name, or falls back to its own config. The Office rules
// (eslint-plugin-office-addins: sync after load, no sync in loops, isNullObject, no Office.initialize)
// catch the Office.js mistakes STYLE.md names; the react config adds the React rules for taskpane/.
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";

// The plugin's main block (parser, Office rules, prettier) only matches .js/.ts files; .tsx gets the same.
const officeBlock = officeAddins.configs.recommended.find((block) => block.rules?.["office-addins/call-sync-after-load"]);

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
