import { z } from "zod";
import type { DealShape, MoneyShape, StakeholderShape } from "./deal-types.generated.js";
import {
  BudgetStatus,
  CompellingEventKind,
  CompetitorKind,
  CriterionKind,
  DealType,
  DecisionMethod,
  Fit,
  Impact,
  InteractionKind,
  Level,
  Mapping,
  PilotStatus,
  Position,
  Priority,
  Stage,
  UsageTrend,
} from "./enums.js";
import { IsoDate } from "./iso-date.js";
import { CurrencyCode, Money } from "./money.js";
import { Stakeholder } from "./stakeholder.js";
import type { Assert, Same } from "./type-equality.js";

/** The buying organisation. */
export const Account = z
  .strictObject({
    name: z.string().optional().describe("The organisation's name."),
    industry: z.string().optional().describe("Its industry or sector."),
    employees: z.number().int().nonnegative().optional().describe("How many people it employs."),
    technicalMaturity: Level.optional().describe("How technical the organisation is as a whole."),
    acquiredOn: IsoDate.optional().describe(
      "When the organisation was acquired, if it was: an acquisition resets who may decide and spend.",
    ),
    parent: z.string().min(1).optional().describe("The group or company that owns it, if any."),
    usageTrend: UsageTrend.optional(),
  })
  .describe("The buying organisation.");

/** What is known about the buyer's budget. */
export const Budget = z
  .strictObject({
    status: BudgetStatus.optional(),
    amount: Money.optional().describe("The budget set aside, when known."),
    ownerId: z.string().min(1).optional().describe("Id of the stakeholder who owns the budget."),
  })
  .describe("What is known about the buyer's budget.");

/** When things must happen, and why then. */
export const Timeline = z
  .strictObject({
    decisionBy: IsoDate.optional().describe("When the buyer will decide."),
    decisionByHistory: z
      .array(IsoDate)
      .optional()
      .describe("Earlier decision dates, oldest first: each one is a slip."),
    startBy: IsoDate.optional().describe("When the buyer needs to start using the solution."),
    compellingEvent: z.string().optional().describe("The event that forces a decision by that date."),
    compellingEventKind: CompellingEventKind.optional(),
    priority: Priority.optional(),
  })
  .describe("When things must happen, and why then.");

/** A business need the buyer has stated. */
export const Need = z
  .strictObject({
    description: z.string().min(1).describe("The need, in the buyer's words."),
    impact: Impact.optional(),
    quantified: z.boolean().optional().describe("True when its cost or value has been put in numbers."),
    ownerId: z.string().min(1).optional().describe("Id of the stakeholder who owns this need."),
  })
  .describe("A business need the buyer has stated.");

/** A measurable outcome the buyer wants. */
export const Metric = z
  .strictObject({
    description: z.string().min(1).describe("What is measured."),
    baseline: z.union([z.number(), z.string()]).optional().describe("Where it stands today."),
    target: z.union([z.number(), z.string()]).optional().describe("Where the buyer wants it."),
    agreedBy: z.string().min(1).optional().describe("Id of the stakeholder who agreed this metric."),
  })
  .describe("A measurable outcome the buyer wants.");

/** One criterion the buyer will judge vendors by. */
export const DecisionCriterion = z
  .strictObject({
    description: z.string().min(1).describe("The criterion."),
    kind: CriterionKind.optional(),
    fit: Fit.optional(),
  })
  .describe("One criterion the buyer will judge vendors by.");

/** How the buyer decides, and how the paperwork gets done. */
export const Decision = z
  .strictObject({
    criteria: z.array(DecisionCriterion).optional().describe("The criteria the buyer will decide by."),
    method: DecisionMethod.optional(),
    process: Mapping.optional().describe("How well the decision process is known."),
    processSteps: z.array(z.string()).optional().describe("The steps of the decision process."),
    paperProcess: Mapping.optional().describe(
      "How well the paper process (contract, procurement, legal) is known.",
    ),
    paperSteps: z.array(z.string()).optional().describe("The steps of the paper process."),
  })
  .describe("How the buyer decides, and how the paperwork gets done.");

/** An alternative the buyer is considering, including doing nothing. */
export const Competitor = z
  .strictObject({
    name: z.string().min(1).describe("The competitor, or 'do nothing'."),
    kind: CompetitorKind.optional(),
    position: Position.optional(),
    eliminated: z
      .boolean()
      .optional()
      .describe("True when the buyer has ruled this alternative out: it is no longer a threat."),
  })
  .describe("An alternative the buyer is considering, including doing nothing.");

/** A pilot (a proof of concept) before the decision. */
export const Pilot = z
  .strictObject({
    status: PilotStatus.optional(),
    successCriteria: z
      .array(z.string().min(1))
      .optional()
      .describe("The written criteria the pilot must meet to pass, agreed with the buyer."),
    sponsorId: z.string().min(1).optional().describe("Id of the stakeholder who sponsors the pilot."),
    endsOn: IsoDate.optional().describe("When the pilot ends."),
  })
  .describe("A pilot (a proof of concept) before the decision.");

/** A contact with the buyer. */
export const Interaction = z
  .strictObject({
    date: IsoDate.describe("When it happened."),
    kind: InteractionKind.optional(),
    stakeholderIds: z.array(z.string().min(1)).describe("Ids of the stakeholders who took part."),
    summary: z.string().optional().describe("What was said."),
  })
  .describe("A contact with the buyer.");

/** A B2B deal, input version 1. Absent means "we don't know", never "no". */
export const Deal = z
  .strictObject({
    $schema: z.string().optional().describe("The JSON Schema this file is written against (ignored)."),
    $comment: z.string().optional().describe("A note for people reading the file (ignored)."),
    id: z.string().min(1).describe("Unique id of the deal."),
    name: z.string().min(1).describe("The deal's name."),
    stage: Stage.optional(),
    type: DealType.optional(),
    amount: Money.optional().describe("What the deal is worth."),
    account: Account.optional(),
    stakeholders: z.array(Stakeholder).optional().describe("The people on the buyer's side we know of."),
    budget: Budget.optional(),
    timeline: Timeline.optional(),
    needs: z.array(Need).optional().describe("The buyer's stated needs."),
    metrics: z.array(Metric).optional().describe("Measurable outcomes the buyer wants."),
    decision: Decision.optional(),
    pilot: Pilot.optional(),
    competition: z.array(Competitor).optional().describe("The alternatives the buyer is considering."),
    interactions: z.array(Interaction).optional().describe("Meetings, calls and emails with the buyer."),
    custom: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Anything beyond the model, for custom rule sets. Rules may read any path under custom."),
  })
  .describe("A B2B deal, input version 1. Absent means we don't know, never no.");
/**
 * A B2B deal, input version 1. `Deal<Custom>` types `custom` for rules over a company's own fields
 * (declare the same shape as a `customSchema` so deals are checked against it). Its fields, with what each
 * means, are {@link DealShape}'s.
 */
export type Deal<Custom extends Record<string, unknown> = Record<string, unknown>> = Omit<
  DealShape,
  "custom"
> & {
  custom?: Custom | undefined;
};

// Compile-time proof that the generated, documented interfaces are exactly what the schemas accept.
export type _DealTypesAgree = [
  Assert<Same<z.infer<typeof Deal>, DealShape>>,
  Assert<Same<z.infer<typeof Stakeholder>, StakeholderShape>>,
  Assert<Same<z.infer<typeof Money>, MoneyShape>>,
];
/** A stated need. */
export type Need = z.infer<typeof Need>;

export { CurrencyCode, Money };
