import { z } from "zod";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/** True when `value` is a real calendar date (or date-time) written in ISO 8601. */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return false;
  const within = (v: string | undefined, max: number) => v === undefined || Number(v) <= max;
  return within(m[4], 23) && within(m[5], 59) && within(m[6], 59) && within(m[7], 23) && within(m[8], 59);
}

/** An ISO 8601 date (`2026-11-27`) or date-time (`2026-11-27T10:00:00Z`) that names a real day. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, {
    message: "Expected a real ISO 8601 date such as 2026-11-27",
    params: { code: "invalid-date" },
  })
  .describe("An ISO 8601 date (YYYY-MM-DD) or date-time.");

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDay = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v), {
    message: "Expected a real calendar day written YYYY-MM-DD",
    params: { code: "invalid-date" },
  })
  .describe("A calendar day, YYYY-MM-DD.");
