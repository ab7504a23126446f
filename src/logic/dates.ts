const DAY = 86_400_000;

/** Milliseconds since the epoch at UTC midnight of an ISO date's day, or undefined when it is not a date. */
export function dayNumber(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return undefined;
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const t = new Date(0).setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? undefined : t / DAY;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null when either is not a date. */
export function daysBetween(from: unknown, to: unknown): number | null {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  return a === undefined || b === undefined ? null : b - a;
}
