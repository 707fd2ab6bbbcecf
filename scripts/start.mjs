#!/usr/bin/env node
// `npm start`, decided by platform, because office-addin-debugging only sideloads where Excel runs
// (on Linux it prints "The current platform is not supported" and exits 0 having started nothing):
// - Windows and macOS: the official template's flow. Make sure the localhost HTTPS certificates exist,
//   then `office-addin-debugging start manifest.xml desktop`, which starts the https dev server (port
//   3000) in the background and opens Excel with the add-in sideloaded. Ctrl-C runs
//   `office-addin-debugging stop manifest.xml` (stops the dev server, removes the sideload).
// - Elsewhere: the production build (what an office installs: minified, about a tenth of the
//   development bundle) written to dist/ and served over http on localhost (3000 or the next free port)
//   by scripts/staticServer.mjs, gzip-compressed, with the browser host's address and the sample
//   workbook loaded. Ctrl-C stops it. `npm start -- --dev` serves a development build from the webpack
//   dev server instead, rebuilt as sources change (for working on the add-in).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const PREFERRED_PORT = 3000;

/** Run a Node CLI from node_modules with the terminal attached; resolves with its exit code. */
function runNodeCli(script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: projectRoot, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** When Ctrl-C (or a stop request) arrives, run `stop` once; a second Ctrl-C leaves at once. */
function onStopRequest(stop) {
  let stopping = false;
  const handler = () => {
    if (stopping) process.exit(130);
    stopping = true;
    Promise.resolve()
      .then(stop)
      .then(
        () => process.exit(0),
        (err) => {
          console.error(`Could not stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

async function startInExcel() {
  const debugging = path.join(path.dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
  const devCerts = require("office-addin-dev-certs");
  // webpack.config.js reads the certificate files directly; create (and trust) them first, as the
  // template's getHttpsServerOptions() does. The OS may ask for permission to trust them.
  await devCerts.ensureCertificatesAreInstalled();
  // office-addin-debugging runs this through a shell, detached: quote the paths for Windows and macOS alike.
  const devServer = `"${process.execPath}" "${require.resolve("webpack-cli/bin/cli.js")}" serve --mode development --env https`;
  const manifest = "manifest.xml";
  const code = await runNodeCli(debugging, [
    "start",
    manifest,
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    devServer,
    "--dev-server-port",
    String(PREFERRED_PORT),
  ]);
  if (code !== 0) process.exit(code);
  console.log("\nMedBill is sideloaded in Excel. Press Ctrl-C to stop the dev server and remove the add-in.");
  onStopRequest(() => runNodeCli(debugging, ["stop", manifest]));
  setInterval(() => {}, 1 << 30); // stay in the foreground until Ctrl-C
}

/** Resolves true when nothing is listening on localhost:port. */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, "localhost");
  });
}

async function firstFreePort(from) {
  for (let port = from; port < from + 50; port++) if (await isFree(port)) return port;
  throw new Error(`ports ${from}-${from + 49} are all in use on localhost`);
}

/** `npm start` elsewhere: build for production into dist/, then serve it. */
async function serveProductionBuild() {
  const { default: webpack } = await import("webpack");
  const { default: makeConfig } = await import("../webpack.config.js");
  const { serveFolder } = await import("./staticServer.mjs");
  const port = await firstFreePort(PREFERRED_PORT);
  const config = await makeConfig({}, { mode: "production" });
  console.log(`${process.platform}: Excel desktop is not available here, so this serves the browser host.`);
  if (port !== PREFERRED_PORT) console.log(`Port ${PREFERRED_PORT} is in use; using ${port}.`);
  console.log("Building (production, about a minute)...");
  const stats = await new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, result) => compiler.close(() => (err ? reject(err) : resolve(result))));
  });
  if (stats.hasErrors()) {
    console.error(stats.toString("errors-only"));
    console.error("\nThe build has errors (listed above): nothing is served.");
    process.exit(1);
  }
  const server = await serveFolder(config.output.path, { port, host: "localhost" });
  onStopRequest(() => new Promise((resolve) => server.close(() => resolve())));
  console.log(
    `\nMedBill (browser host, sample workbook loaded):\n\n    http://localhost:${port}/browser.html?sample=1\n\nPress Ctrl-C to stop.`,
  );
}

/** `npm start -- --dev` elsewhere: the webpack dev server, rebuilding as sources change. */
async function startDevServer() {
  const { default: webpack } = await import("webpack");
  const { default: WebpackDevServer } = await import("webpack-dev-server");
  const { default: makeConfig } = await import("../webpack.config.js");
  const port = await firstFreePort(PREFERRED_PORT);
  const config = await makeConfig({ WEBPACK_SERVE: true, http: true }, { mode: "development" });
  // Our own Ctrl-C handling below; the asset list is noise here, the address is what matters. Every
  // response gzip-compressed when the browser accepts it (the dev server's compression, said outright).
  config.devServer = { ...config.devServer, port, setupExitSignals: false, compress: true };
  config.stats = "errors-warnings";
  config.infrastructureLogging = { level: "warn" };
  const address = `http://localhost:${port}/browser.html?sample=1`;
  console.log(`${process.platform}: Excel desktop is not available here, so this serves the browser host.`);
  if (port !== PREFERRED_PORT) console.log(`Port ${PREFERRED_PORT} is in use; using ${port}.`);
  console.log("Building...");
  const compiler = webpack(config);
  let announced = false;
  compiler.hooks.done.tap("medbill-start", (stats) => {
    if (stats.hasErrors()) {
      console.log("\nThe build has errors (listed above); fix them and the page rebuilds.");
      return;
    }
    if (announced) return;
    announced = true;
    // After the dev server has printed this build's warnings, so the address is the last thing shown.
    setImmediate(() => console.log(`\nMedBill (browser host, sample workbook loaded):\n\n    ${address}\n\nPress Ctrl-C to stop.`));
  });
  const server = new WebpackDevServer(config.devServer, compiler);
  onStopRequest(() => server.stop());
  await server.start();
}

if (process.platform === "win32" || process.platform === "darwin") {
  await startInExcel();
} else if (process.argv.includes("--dev")) {
  await startDevServer();
} else {
  await serveProductionBuild();
}
