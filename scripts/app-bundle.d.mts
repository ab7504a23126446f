/** An app bundled for the browser by esbuild from the package (see app-bundle.mjs). */
export function bundleApp(
  root: string,
  source: string,
): Promise<{
  text: string;
  metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
}>;
