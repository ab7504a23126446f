/** A generated, committed file: its path and the function making its text. */
export interface Artefact {
  readonly path: string;
  readonly make: () => string;
}
/** The one list of generated files (see artefacts.mjs). */
export function artefacts(
  lib: unknown,
  crm: unknown,
  read: (path: string) => string,
  list: (dir: string) => string[],
): Artefact[];
