import { z } from "zod";

import { ISO_DATE_PATTERN, ISO_DAY_PATTERN, isIsoDate, isIsoDay } from "./value-checks.js";

export { ISO_DATE_PATTERN, ISO_DAY_PATTERN, isIsoDate };

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
  .refine(isIsoDay, {
    message: "Expected a real calendar day written YYYY-MM-DD",
    params: { code: "invalid-date" },
  })
  .meta({ pattern: ISO_DAY_PATTERN, format: "date" })
  .describe("A calendar day, YYYY-MM-DD.");
