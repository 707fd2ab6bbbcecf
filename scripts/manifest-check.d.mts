// Types for scripts/manifest-check.mjs, so TypeScript tests can import it.
export interface ManifestReport {
  problems: string[];
  notes: string[];
}
export declare function validateAgainstSchema(xml: string, schemaDir: string): Promise<ManifestReport>;
export declare function definedResources(xml: string): { id: string; kind: string; value: string }[];
export declare function usedResids(xml: string): { element: string; resid: string }[];
export declare function checkResids(xml: string): string[];
export declare function checkSharedRuntime(xml: string): string[];
export declare function checkManifest(xml: string, schemaDir: string | undefined): Promise<ManifestReport>;
