import { z } from "zod";
import { ROLES, SEVERITIES, STAGES, STATUSES } from "./values.js";

/** Where a deal stands in the sales cycle. */
export const Stage = z.enum(STAGES).describe("Where the deal stands in the sales cycle.");
/** A deal stage. */
export type Stage = z.infer<typeof Stage>;

/** What kind of deal it is. */
export const DealType = z
  .enum(["new-business", "expansion", "renewal"])
  .describe("New business, an expansion of an existing customer, or a renewal.");
/** What kind of deal it is. */
export type DealType = z.infer<typeof DealType>;

/**
 * Whether a compelling event is a business reason to buy (a launch, a regulation, a contract ending)
 * or only a process date (an RFP response deadline, a budget cycle): a process date is not a reason.
 */
export const CompellingEventKind = z
  .enum(["business", "process", "funding"])
  .describe(
    "business: a reason to buy by that date (a launch, a regulation, a contract ending); process: only a date in the buying process (an RFP deadline), not a reason to buy; funding: money that must be spent by a date (fiscal-year-end budget), which forces when, not why.",
  );
/** What kind of compelling event it is. */
export type CompellingEventKind = z.infer<typeof CompellingEventKind>;

/** Where an initiative ranks against the buyer's other priorities. */
export const Priority = z
  .enum(["top", "high", "medium", "low"])
  .describe("Where this initiative ranks against the buyer's other priorities (CHAMP's Prioritization).");
/** Where an initiative ranks. */
export type Priority = z.infer<typeof Priority>;

/** Low, medium or high. */
export const Level = z.enum(["low", "medium", "high"]).describe("Low, medium or high.");
/** Low, medium or high. */
export type Level = z.infer<typeof Level>;

/** How senior a stakeholder is in their organisation. */
export const Seniority = z
  .enum(["individual", "manager", "director", "executive", "owner"])
  .describe("How senior the stakeholder is in their organisation.");
/** A seniority level. */
export type Seniority = z.infer<typeof Seniority>;

/** A buying role that has been confirmed (never assumed from a title). */
export const Role = z
  .enum(ROLES)
  .describe("A buying role that has been confirmed, never assumed from a title.");
/** A confirmed buying role. */
export type Role = z.infer<typeof Role>;

/** How a stakeholder feels about the deal. */
export const Sentiment = z
  .enum(["positive", "neutral", "negative"])
  .describe("How the stakeholder feels about the deal.");
/** A sentiment. */
export type Sentiment = z.infer<typeof Sentiment>;

/** How far the budget has got. */
export const BudgetStatus = z
  .enum(["none", "exploring", "allocated", "approved", "frozen"])
  .describe(
    "How far the budget has got: none, being explored, allocated, or approved; frozen: a spending freeze holds whatever was set aside.",
  );
/** A budget status. */
export type BudgetStatus = z.infer<typeof BudgetStatus>;

/** How much a need matters to the buyer. */
export const Impact = z
  .enum(["low", "medium", "high", "critical"])
  .describe("How much the need matters to the buyer's business.");
/** An impact level. */
export type Impact = z.infer<typeof Impact>;

/** How well we know a process: partly or fully mapped. */
export const Mapping = z
  .enum(["partial", "mapped"])
  .describe("How well the process is known: partly, or mapped end to end.");
/** A process mapping level. */
export type Mapping = z.infer<typeof Mapping>;

/** The kind of a decision criterion. */
export const CriterionKind = z
  .enum(["technical", "business", "commercial"])
  .describe("Whether a decision criterion is technical, business or commercial.");
/** A decision criterion kind. */
export type CriterionKind = z.infer<typeof CriterionKind>;

/** The kind of a competitor. */
export const CompetitorKind = z
  .enum(["incumbent", "brand-leader", "challenger", "in-house", "status-quo"])
  .describe("What kind of alternative the competitor is (status-quo is 'do nothing').");
/** A competitor kind. */
export type CompetitorKind = z.infer<typeof CompetitorKind>;

/** Where a competitor stands against us. */
export const Position = z
  .enum(["ahead", "level", "behind"])
  .describe("Where the competitor stands against us.");
/** A competitive position. */
export type Position = z.infer<typeof Position>;

/** The kind of an interaction with the buyer. */
export const InteractionKind = z
  .enum(["meeting", "call", "email", "demo", "workshop", "other"])
  .describe("What kind of interaction it was.");
/** An interaction kind. */
export type InteractionKind = z.infer<typeof InteractionKind>;

/** The status of a qualification criterion. */
export const Status = z
  .enum(STATUSES)
  .describe("met, partial or unmet when the deal says so; unknown when it does not.");
/** A criterion status. */
export type Status = z.infer<typeof Status>;

/** The severity of a finding. */
export const Severity = z.enum(SEVERITIES).describe("How serious a finding is.");
/** A finding severity. */
export type Severity = z.infer<typeof Severity>;

/** A question topic: the crosswalk that lets one answer count for every framework. */
export const Topic = z
  .enum([
    "budget",
    "authority",
    "decision-process",
    "decision-criteria",
    "paper-process",
    "timeline",
    "need",
    "impact",
    "champion",
    "competition",
    "situation",
    "review",
  ])
  .describe(
    "What a question is about; questions on the same topic from different frameworks merge. review: a closed deal's review questions.",
  );
/** A question topic. */
export type Topic = z.infer<typeof Topic>;

/** Which organisation a stakeholder belongs to: the buyer's, a partner's (a reseller) or an advisor's. */
export const Organisation = z
  .enum(["buyer", "partner", "advisor"])
  .describe(
    "Whose side the person is on (default buyer): a partner's rep (a reseller) or an outside advisor (a consultant) is never the buyer's economic buyer, decision maker or champion, and not a thread into the buyer.",
  );
/** Which organisation a stakeholder belongs to. */
export type Organisation = z.infer<typeof Organisation>;

/** How the buyer's use of an existing product is moving. */
export const UsageTrend = z
  .enum(["growing", "flat", "declining"])
  .describe("How the customer's use of what they already have is moving (renewals and expansions).");
/** A usage trend. */
export type UsageTrend = z.infer<typeof UsageTrend>;

/** Where a pilot (a proof of concept) stands. */
export const PilotStatus = z
  .enum(["planned", "running", "passed", "failed"])
  .describe("Where the pilot stands.");
/** A pilot status. */
export type PilotStatus = z.infer<typeof PilotStatus>;

/** How the buyer will choose. */
export const DecisionMethod = z
  .enum(["evaluation", "tender", "auction", "single-source"])
  .describe(
    "How the buyer will choose: an evaluation, a formal tender, an auction (price alone decides), or a single source (no competition).",
  );
/** A decision method. */
export type DecisionMethod = z.infer<typeof DecisionMethod>;

/** How well we meet a decision criterion. */
export const Fit = z
  .enum(["strong", "partial", "weak"])
  .describe("How well we meet the criterion: strongly, partly or weakly.");
/** How well we meet a criterion. */
export type Fit = z.infer<typeof Fit>;
