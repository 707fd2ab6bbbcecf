// The add-in build. Three entries, two pages:
// - taskpane.html (the Excel host): office.js from Microsoft's CDN, then the task pane AND the custom
//   functions, because the manifest runs both in one shared runtime that loads this one page.
// - browser.html (the browser host): the same task pane on an .xlsx file, no Office.js, nothing from
//   another origin. ExcelJS is loaded lazily from here only and never reaches the Excel host's bundle
//   (checked below: the build fails if it does).
// Plus functions.json (from the JSDoc in functions/functions.ts), the icons and manifest.xml, whose
// dev-server URLs become the production URL (MEDBILL_URL_PROD) in a production build.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";
import { productionUrl, rewriteManifestUrls } from "./scripts/manifest-urls.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const EXCELJS = /[\\/]node_modules[\\/]exceljs[\\/]/;
/** Runs first in every page: what the pages' Content-Security-Policy (no 'unsafe-eval') asks of our libraries. */
const CONTENT_SECURITY = "./taskpane/contentSecurity.ts";
/**
 * Loaded only when a report is drawn (Chart.js) or a PDF is made (pdf-lib), or when a panel other than
 * the first (Setup) is first shown (taskpane/panels.tsx): never in a page's first load. The panels'
 * chunks are "panel-codes", "panel-payments", … (issue 14: the Excel host's first load under 300 KB
 * gzipped; `npm run bench -- pane` measures it).
 */
const LAZY_ONLY = [
  { name: "Chart.js", test: /[\\/]node_modules[\\/](chart\.js|@kurkle)[\\/]/ },
  { name: "pdf-lib", test: /[\\/]node_modules[\\/](pdf-lib|@pdf-lib)[\\/]/ },
  {
    name: "A panel after the first",
    test: /[\\/]taskpane[\\/](codes|payments|remittance|statements|reports|claims)[\\/]/,
    fix: "import it from its own panel only, or move what the first load needs out of the panel's folder",
  },
];
/** Where `npx office-addin-dev-certs install` (or office-addin-debugging) leaves the localhost certificate. */
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const CERT_FILES = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };

/**
 * HTTPS for the dev server: Excel only loads https add-ins, a plain browser is fine with http.
 * `--env https` insists (and says how to get certificates); on Windows and macOS, where Excel runs,
 * the certificates are used when present; `--env http` or anything else gives plain http.
 */
function devServerTransport(env) {
  const certsPresent = Object.values(CERT_FILES).every((f) => existsSync(path.join(CERT_DIR, f)));
  const wantHttps = env.https || (!env.http && certsPresent && (process.platform === "win32" || process.platform === "darwin"));
  if (!wantHttps) return "http";
  if (!certsPresent) {
    throw new Error(`--env https needs the localhost certificates in ${CERT_DIR}: run "npx office-addin-dev-certs install" first`);
  }
  const read = (f) => readFileSync(path.join(CERT_DIR, f));
  return { type: "https", options: { ca: read(CERT_FILES.ca), cert: read(CERT_FILES.cert), key: read(CERT_FILES.key) } };
}

const chunkModules = (compilation, chunk) =>
  [...compilation.chunkGraph.getChunkModulesIterable(chunk)].flatMap((m) => (m.modules ? m.modules : [m])); // concatenated modules hold their parts

/**
 * Fails the build when a page breaks its promise: ExcelJS in the Excel host (taskpane, functions) or in
 * the browser host's first load; an external URL in browser.html; a page without its Content-Security-Policy
 * or one that allows eval. Adds office.js to taskpane.html if
 * the template forgot it (the Excel host cannot start without it).
 */
class HostPagePromises {
  apply(compiler) {
    compiler.hooks.compilation.tap("HostPagePromises", (compilation) => {
      compilation.hooks.afterSeal.tap("HostPagePromises", () => {
        for (const [name, entrypoint] of compilation.entrypoints) {
          const excelHost = name === "taskpane" || name === "functions";
          const chunks = new Set(entrypoint.chunks);
          if (excelHost) for (const chunk of entrypoint.chunks) for (const asyncChunk of chunk.getAllAsyncChunks()) chunks.add(asyncChunk);
          for (const chunk of entrypoint.chunks) {
            for (const lazy of LAZY_ONLY) {
              const found = chunkModules(compilation, chunk).find((m) => m.resource && lazy.test.test(m.resource));
              if (found)
                compilation.errors.push(
                  new webpack.WebpackError(
                    `${lazy.name} (${path.relative(root, found.resource)}) ended up in the first load of "${name}": it must be a lazy import()${lazy.fix ? ` (${lazy.fix})` : ""}`,
                  ),
                );
            }
          }
          for (const chunk of chunks) {
            const offender = chunkModules(compilation, chunk).find((m) => m.resource && EXCELJS.test(m.resource));
            if (offender) {
              const where = excelHost ? `the Excel host's "${name}" bundle` : `the first load of "${name}" (it must be a lazy import())`;
              compilation.errors.push(
                new webpack.WebpackError(
                  `ExcelJS (${path.relative(root, offender.resource)}) ended up in ${where}, chunk "${chunk.name ?? chunk.id}"`,
                ),
              );
            }
          }
        }
      });
      // The ExcelJS browser build ships minified: running it through the minimizer again costs most of a
      // production build on two cores and saves nothing.
      compilation.hooks.processAssets.tap({ name: "HostPagePromises", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, () => {
        for (const chunk of compilation.chunks) {
          if (chunk.name !== "exceljs") continue;
          for (const file of chunk.files) if (file.endsWith(".js")) compilation.updateAsset(file, (source) => source, { minimized: true });
        }
      });
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("HostPagePromises", (data) => {
        if (data.outputName === "taskpane.html" && !/<script\b[^>]*\bsrc\s*=\s*["']?[^"'\s>]*\/office\.js/i.test(data.html)) {
          data.html = data.html.replace("</head>", `<script src="${OFFICE_JS}"></script></head>`);
        }
        // Both pages keep their Content-Security-Policy (from the templates), and it never allows eval.
        const csp = /<meta\b[^>]*http-equiv=["']Content-Security-Policy["'][^>]*\bcontent="([^"]*)"/i.exec(data.html)?.[1];
        if (csp === undefined || csp.includes("unsafe-eval")) {
          compilation.errors.push(
            new webpack.WebpackError(`${data.outputName} must have a Content-Security-Policy meta tag without 'unsafe-eval'`),
          );
        }
        if (data.outputName === "browser.html") {
          const external = data.html.match(/\b(?:src|href|action|srcset|poster)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\/[^"'\s>]*/gi);
          const cssExternal = data.html.match(/url\(\s*["']?(?:[a-z][a-z0-9+.-]*:)?\/\/[^)"']*/gi);
          for (const found of [...(external ?? []), ...(cssExternal ?? [])]) {
            compilation.errors.push(
              new webpack.WebpackError(`browser.html must load nothing from another origin, but it refers to: ${found}`),
            );
          }
        }
        return data;
      });
    });
  }
}

export default async function config(env = {}, argv = {}) {
  const dev = argv.mode === "development";
  const urlProd = dev ? undefined : productionUrl();
  return {
    mode: dev ? "development" : "production",
    context: root,
    // No eval source maps, even in development: the pages' Content-Security-Policy has no 'unsafe-eval'.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    // Each page first runs taskpane/contentSecurity.ts (zod without eval), before any schema is built.
    entry: {
      functions: [CONTENT_SECURITY, "./functions/functions.ts"],
      taskpane: [CONTENT_SECURITY, "./taskpane/excel.tsx"],
      browser: [CONTENT_SECURITY, "./taskpane/browser.tsx"],
    },
    output: {
      path: path.join(root, "dist"),
      filename: "[name].js",
      // Lazy chunks get a content hash so a new release is never mixed with a cached old chunk.
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", "..."],
    },
    module: {
      // The ExcelJS browser build is one prebuilt, minified file: nothing in it for webpack to resolve.
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `npm run typecheck`; the bundle only needs the JavaScript.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    optimization: {
      // One webpack runtime for the two entries of the Excel host's page, so the task pane and the custom
      // functions share module instances: the code sets the Codes panel imports (useCodeSets) are the ones
      // the functions check against. The browser host, a page of its own, keeps its own runtime.
      runtimeChunk: { name: (entrypoint) => (entrypoint.name === "browser" ? "browser-runtime" : "runtime") },
      splitChunks: {
        cacheGroups: {
          // Its own lazy chunk: the browser host fetches it when a workbook is first opened or built.
          exceljs: { test: EXCELJS, name: "exceljs", chunks: "async", enforce: true, priority: 20 },
          chartjs: { test: LAZY_ONLY[0].test, name: "chartjs", chunks: "async", enforce: true, priority: 20 },
          pdfLib: { test: LAZY_ONLY[1].test, name: "pdf-lib", chunks: "async", enforce: true, priority: 20 },
          // Modules both entries of the Excel host's page use (zod, the table schemas, the code checks) are
          // downloaded once, in their own chunk, instead of once inside each entry. What the custom functions
          // share only with a lazy panel (the claim scrubber, the ledger balances) stays in functions.js and is
          // repeated in that panel's chunk: the runtime keeps one instance of each module whatever chunk brought it.
          excelShared: {
            name: "excel-shared",
            chunks: (chunk) => chunk.name === "taskpane" || chunk.name === "functions",
            minChunks: 2,
            enforce: true,
            priority: 10,
          },
        },
      },
    },
    // Sizes are reported by the build and guarded where it matters (HostPagePromises), not by a blanket limit.
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["runtime", "taskpane", "functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "browser.html",
        template: "./taskpane/browser.html",
        chunks: ["browser-runtime", "browser"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifestUrls(content.toString(), urlProd)),
          },
        ],
      }),
      new HostPagePromises(),
    ],
    devServer: {
      host: "localhost", // patient data may be on screen: nothing else on the network can reach this
      port: 3000,
      server: env.WEBPACK_SERVE ? devServerTransport(env) : "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false, // only the build output; never the repository's files
      client: { overlay: { errors: true, warnings: false } },
    },
  };
}
