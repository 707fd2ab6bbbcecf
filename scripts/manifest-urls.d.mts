// Types for scripts/manifest-urls.mjs, so TypeScript tests can import it.
export declare const DEV_URL: string;
export declare const DEFAULT_PROD_URL: string;
export declare function productionUrl(fromEnv?: string): string;
export declare function rewriteManifestUrls(xml: string, urlProd: string): string;
