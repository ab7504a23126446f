// The values of the enums that code uses at run time (to check a rule's outcome, to list roles for a
// "did you mean"), written once and free of zod: the zod enums of enums.ts are made from these lists, so
// scoring a valid deal needs no schema.

/** The deal stages, in order. */
export const STAGES = [
  "prospecting",
  "discovery",
  "evaluation",
  "proposal",
  "negotiation",
  "closed-won",
  "closed-lost",
] as const;

/** The stages of a deal still open. */
export const OPEN_STAGES = ["prospecting", "discovery", "evaluation", "proposal", "negotiation"] as const;

/** The confirmed buying roles. */
export const ROLES = [
  "economic-buyer",
  "decision-maker",
  "champion",
  "coach",
  "technical-buyer",
  "user-buyer",
  "influencer",
  "blocker",
  "procurement",
  "legal",
] as const;

/** The statuses of a criterion. */
export const STATUSES = ["met", "partial", "unmet", "unknown"] as const;

/** The severities of a finding. */
export const SEVERITIES = ["info", "warning", "critical"] as const;
