/**
 * Framework files in an order where each comes after the one it `extends`, when that one is among them;
 * otherwise the order given (stable). Files given together may then extend each other in any order.
 * A cycle keeps the given order for the files in it (validation then reports the unknown base).
 */
export function orderByExtends<T>(items: readonly T[], input: (item: T) => unknown): T[] {
  const idOf = (v: unknown) => {
    const id = (v as { id?: unknown } | null)?.id;
    return typeof id === "string" ? id : undefined;
  };
  const baseOf = (v: unknown) => {
    const base = (v as { extends?: unknown } | null)?.extends;
    return typeof base === "string" ? base : undefined;
  };
  const byId = new Map<string, number>();
  items.forEach((item, i) => {
    const id = idOf(input(item));
    if (id !== undefined && !byId.has(id)) byId.set(id, i);
  });
  const out: T[] = [];
  const state = new Map<number, "visiting" | "done">();
  const visit = (i: number) => {
    if (state.has(i)) return;
    state.set(i, "visiting");
    const base = baseOf(input(items[i] as T));
    const j = base === undefined ? undefined : byId.get(base);
    if (j !== undefined && j !== i) visit(j);
    state.set(i, "done");
    out.push(items[i] as T);
  };
  items.forEach((_, i) => visit(i));
  return out;
}
