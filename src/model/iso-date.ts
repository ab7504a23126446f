import { z } from "zod";

// One pattern is the truth for dates, in the library and in the published JSON Schemas alike: real
// calendar days only (month lengths and leap years in the pattern itself), years 0000-9999, an optional
// time (hours to 23, minutes and seconds to 59) and an optional UTC offset.
const DAY =
  "(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))" +
  "|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)";
const TIME =
  "(?:T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)?)?";
/** The pattern of an ISO 8601 date or date-time that names a real day (as in the JSON Schemas). */
export const ISO_DATE_PATTERN = `^${DAY}${TIME}$`;
/** The pattern of a calendar day, `YYYY-MM-DD`. */
export const ISO_DAY_PATTERN = `^${DAY}$`;
const ISO_DATE = new RegExp(ISO_DATE_PATTERN);
const ISO_DAY = new RegExp(ISO_DAY_PATTERN);

/** True when `value` is a real calendar date (or date-time) written in ISO 8601. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

/** An ISO 8601 date (`2026-11-27`) or date-time (`2026-11-27T10:00:00Z`) that names a real day. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, {
    message: "Expected a real ISO 8601 date such as 2026-11-27",
    params: { code: "invalid-date" },
  })
  .meta({ pattern: ISO_DATE_PATTERN })
  .describe("An ISO 8601 date (YYYY-MM-DD) or date-time.");

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDay = z
  .string()
  .refine((v) => ISO_DAY.test(v), {
    message: "Expected a real calendar day written YYYY-MM-DD",
    params: { code: "invalid-date" },
  })
  .meta({ pattern: ISO_DAY_PATTERN, format: "date" })
  .describe("A calendar day, YYYY-MM-DD.");
