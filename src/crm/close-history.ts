import { dayFrom, type Notes } from "./read.js";

/** One recorded value of the forecast close date: the date, and when it was set. */
export interface CloseChange {
  /** The close date as written, at `path`. */
  readonly value: unknown;
  /** When it was set (an ISO timestamp or epoch milliseconds), for the order. */
  readonly at: unknown;
  /** Where it is in the records, for warnings. */
  readonly path: string;
}

const instant = (at: unknown): number => {
  if (typeof at === "number") return at;
  if (typeof at !== "string") return Number.NaN;
  if (/^\d{10,13}$/.test(at)) return Number(at);
  return Date.parse(at.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
};

/**
 * The earlier close dates, oldest first, from the CRM's record of the close date's values (Salesforce
 * OpportunityHistory, HubSpot `propertiesWithHistory.closedate`): each time the date moved, the date it
 * moved from. The current date is not an earlier one. Undefined when the date never moved.
 */
export function earlierCloseDates(
  changes: readonly CloseChange[],
  current: string | undefined,
  notes: Notes,
): string[] | undefined {
  const dated = changes
    .map((c, i) => ({ day: dayFrom(c.value, c.path, notes), at: instant(c.at), i }))
    .filter((c): c is { day: string; at: number; i: number } => c.day !== undefined)
    // Oldest first; the records' own order breaks ties (and orders values with no readable time).
    .sort((a, b) => (Number.isFinite(a.at) && Number.isFinite(b.at) ? a.at - b.at : 0) || a.i - b.i);
  const values: string[] = [];
  for (const { day } of dated) if (values[values.length - 1] !== day) values.push(day);
  if (current !== undefined && values[values.length - 1] !== current) values.push(current);
  const earlier = values.slice(0, -1);
  return earlier.length > 0 ? earlier : undefined;
}
