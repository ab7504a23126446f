/** The source of a zod-free acceptor for a zod schema (see acceptor-source.mjs). */
export function acceptorSource(schema: unknown, name?: string): string;
