/** The ```ts samples of the README and the guides, as [name, source]. */
export function docSamples(root: string): Array<readonly [string, string]>;
