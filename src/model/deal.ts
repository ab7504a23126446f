import { z } from "zod";
import { currencyProblem, isCurrencyCode } from "./currency.js";
import {
  BudgetStatus,
  CompellingEventKind,
  CompetitorKind,
  CriterionKind,
  DealType,
  Impact,
  InteractionKind,
  Level,
  Mapping,
  Position,
  Priority,
  Stage,
} from "./enums.js";
import { IsoDate } from "./iso-date.js";
import { Stakeholder } from "./stakeholder.js";

/** An ISO 4217 code: `EUR`, not `eur`, `EUR ` or `€` (those are issues with the code as a suggestion). */
export const CurrencyCode = z
  .string()
  .superRefine((value, ctx) => {
    if (isCurrencyCode(value)) return;
    const problem = currencyProblem(value);
    ctx.addIssue({
      code: "custom",
      message: problem.message,
      params: { code: "invalid-currency", ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) },
    });
  })
  .meta({ pattern: "^[A-Z]{3}$", description: "ISO 4217 currency code, three capital letters, e.g. EUR." });

/** An amount of money. */
export const Money = z
  .strictObject({
    value: z.number().nonnegative().describe("The amount."),
    currency: CurrencyCode.optional(),
  })
  .describe("An amount of money.");

/** The buying organisation. */
export const Account = z
  .strictObject({
    name: z.string().optional().describe("The organisation's name."),
    industry: z.string().optional().describe("Its industry or sector."),
    employees: z.number().int().nonnegative().optional().describe("How many people it employs."),
    technicalMaturity: Level.optional().describe("How technical the organisation is as a whole."),
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
  })
  .describe("One criterion the buyer will judge vendors by.");

/** How the buyer decides, and how the paperwork gets done. */
export const Decision = z
  .strictObject({
    criteria: z.array(DecisionCriterion).optional().describe("The criteria the buyer will decide by."),
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
  })
  .describe("An alternative the buyer is considering, including doing nothing.");

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
 * (declare the same shape as a `customSchema` so deals are checked against it).
 */
export type Deal<Custom extends Record<string, unknown> = Record<string, unknown>> = Omit<
  z.infer<typeof Deal>,
  "custom"
> & { custom?: Custom | undefined };
/** An amount of money. */
export type Money = z.infer<typeof Money>;
/** A stated need. */
export type Need = z.infer<typeof Need>;
