import type { Deal, Issue } from "./core.js";
import type { CrmMappingOverride } from "./mapping.js";

/** Options of `fromSalesforce` and `fromHubSpot`. */
export interface CrmOptions {
  /** Overrides of the default mapping tables (merged key by key; lists replace). */
  readonly mapping?: CrmMappingOverride;
  /**
   * The day the records are read as of, `YYYY-MM-DD` (default: today, UTC). A meeting after it has not
   * happened yet and is no conversation.
   */
  readonly asOf?: string;
  /**
   * What the CRM's forecast close date becomes. `"ignore"` (default): nothing; it is the seller's guess,
   * not the buyer's decision date. `"decisionBy"`: `timeline.decisionBy`, when your team only sets it from
   * a date the buyer gave.
   */
  readonly closeDate?: "ignore" | "decisionBy";
  /**
   * Emails as interactions. `"ignore"` (default): none; `"inbound"`: emails the buyer wrote become
   * `email` interactions (they count as hearing from the person, never as a conversation: nobody becomes
   * engaged by email). Emails we sent are never interactions.
   */
  readonly emails?: "ignore" | "inbound";
  /** The currency when the records carry none (a Salesforce org without multiple currencies). */
  readonly currency?: string;
  /**
   * An incomplete list (a query response that names a next page the records do not hold) fails the import
   * instead of being read with a warning. Default false.
   */
  readonly strict?: boolean;
}

/** What an adapter returns: the deal, and every field it left out, with why. */
export interface CrmResult {
  /** The deal, valid against the deal model. */
  readonly deal: Deal;
  /** Everything the adapter could not map or chose not to believe, each with its path into the records. */
  readonly warnings: readonly Issue[];
}
