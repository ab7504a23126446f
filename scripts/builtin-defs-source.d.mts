/** The source of src/frameworks/builtin-defs.generated.ts for the given definitions. */
export declare function builtinDefsSource(defs: unknown): string;
