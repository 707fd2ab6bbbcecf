// The add-in's web address: the dev server's in manifest.xml, the real host's in a production build.
// Every occurrence is rewritten (a first-match replace leaves icons or the runtime on localhost, and
// Excel then loads half the add-in from a server that is not there).

/** Where manifest.xml points while developing: the webpack dev server. */
export const DEV_URL = "https://localhost:3000/";

/** Placeholder production address, until MEDBILL_URL_PROD names the real host. */
export const DEFAULT_PROD_URL = "https://www.contoso.com/medbill/";

/**
 * The production base URL: MEDBILL_URL_PROD if set, else the placeholder. Office only loads add-ins
 * over https, so anything else is refused here rather than discovered in Excel.
 * @param {string | undefined} fromEnv
 * @returns {string} an https URL ending in "/"
 */
export function productionUrl(fromEnv = process.env.MEDBILL_URL_PROD) {
  const raw = (fromEnv ?? "").trim() || DEFAULT_PROD_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`MEDBILL_URL_PROD "${raw}" is not a web address`);
  }
  if (url.protocol !== "https:")
    throw new Error(`MEDBILL_URL_PROD "${raw}" must start with https:// (Office loads add-ins over https only)`);
  if (url.search || url.hash) throw new Error(`MEDBILL_URL_PROD "${raw}" must be a plain folder address, without ? or #`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Rewrite every dev-server address in a manifest to the production one. Full URLs keep their path under
 * the new base; a bare origin (an AppDomain) becomes the production origin, since a domain has no path.
 * @param {string} xml manifest text
 * @param {string} urlProd production base URL, ending in "/"
 * @returns {string}
 */
export function rewriteManifestUrls(xml, urlProd) {
  const devOrigin = new URL(DEV_URL).origin;
  const prodOrigin = new URL(urlProd).origin;
  return xml.replaceAll(DEV_URL, urlProd).replaceAll(devOrigin, prodOrigin);
}
