/**
 * A copy of `value` with `value` set at a dotted path ("criteria.0.id"); a path through something that is
 * not an object changes nothing. For the differential tests of the generated acceptors.
 */
export function withValueAt(value: unknown, path: string, next: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const parts = path.split(".");
  let at: Record<string, unknown> | undefined = copy;
  for (const part of parts.slice(0, -1)) {
    const inner: unknown = at?.[part];
    at = typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>) : undefined;
  }
  if (at) at[parts[parts.length - 1] as string] = next;
  return copy;
}
