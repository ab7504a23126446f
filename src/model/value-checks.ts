// Checks of single values that the zod model refines with, kept free of zod: the generated acceptor
// (src/validation/deal-acceptor.generated.ts) calls them by name, and so do the schemas.
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

/** True when `value` is a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value);
}

export { isCurrencyCode } from "./currency.js";

/** Whether a value is there at all (a JsonLogic expression may be anything but absent). */
export function isDefined(value: unknown): boolean {
  return value !== undefined;
}
