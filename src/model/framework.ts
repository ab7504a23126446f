import { z } from "zod";
import { Role, Severity, Stage, Status, Topic } from "./enums.js";
import { isDefined } from "./value-checks.js";

/** A JsonLogic expression over the deal (see the rules guide). */
export const Logic = z
  .unknown()
  // A named check: the generated framework acceptor (scripts/acceptor-source.mjs) calls the same function.
  .refine(isDefined, { message: "Expected a JsonLogic expression" })
  .describe("A JsonLogic expression over the deal.");

const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Expected a lower-case kebab-case id such as 'economic-buyer'");

/** Named JsonLogic values computed from the deal, usable as `{name}` in message templates. */
export const Bindings = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Expected an identifier"), Logic)
  .describe("Named JsonLogic values computed from the deal, usable as {name} in templates.");

/** One way a criterion's status is decided: the first rule whose `when` is truthy wins. */
export const StatusRule = z
  .strictObject({
    when: Logic.describe("JsonLogic condition over the deal; the first truthy rule decides the status."),
    status: Status.exclude(["unknown"]).describe("The status when the condition holds."),
    reason: z
      .string()
      .min(1)
      .describe("Why, in plain words; a template that may use {binding} or {deal.path}."),
  })
  .describe("One way a criterion's status is decided.");

/** A question that would move a criterion towards met. */
export const Question = z
  .strictObject({
    id: Id.describe("Question id; the same id in two frameworks means the same question, and they merge."),
    text: z.string().min(1).describe("The question, as the seller would ask it."),
    topic: Topic,
    askOf: z
      .array(Role)
      .optional()
      .describe(
        "Roles best placed to answer, in order of preference; otherwise the closest engaged contact.",
      ),
    settles: z.string().min(1).describe("What its answer settles."),
    onlyWhen: z
      .array(Status.exclude(["met"]))
      .min(1)
      .optional()
      .describe(
        "Asked only while the criterion has one of these statuses (default: whenever it is not met).",
      ),
    answeredBy: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        "Deal paths that hold its answer: when every one of them has a value, the question is not asked (no 'Why now?' when a compelling event is recorded).",
      ),
    answeredWhen: Logic.optional().describe(
      "JsonLogic over the deal: when it holds, the record already answers the question (or makes it moot), and it is not asked (no 'Whose budget is it?' once an owner is recorded).",
    ),
    unlessStage: z
      .array(Stage)
      .min(1)
      .optional()
      .describe(
        "Stages at which the question is not asked (no 'What problem are you solving?' at proposal).",
      ),
  })
  .describe("A question that would move a criterion towards met.");

/** A criterion of a qualification framework. */
export const Criterion = z
  .strictObject({
    id: Id.describe("Criterion id, unique within the framework."),
    name: z.string().min(1).describe("Display name."),
    description: z.string().min(1).describe("What the criterion means, per the framework's authors."),
    source: z
      .string()
      .min(1)
      .optional()
      .describe("Where the authors define it (a URL or a citation), when the rule interprets their words."),
    weight: z
      .number()
      .positive()
      .max(1e6)
      .describe("Relative weight in the framework's score: a positive number, at most 1,000,000."),
    let: Bindings.optional(),
    status: z
      .array(StatusRule)
      .optional()
      .describe("Status rules in order; when none holds, the status is unknown."),
    rule: z.string().min(1).optional().describe("Id of a TypeScript rule that decides the status instead."),
    unknown: z
      .string()
      .min(1)
      .describe("What the seller does not know yet, shown when the status is unknown."),
    questions: z.array(Question).describe("Questions that would settle this criterion."),
    use: Id.optional().describe(
      "Id of a shared criterion (frameworks/shared.criteria.json) this one is built from: its rules, bindings and questions, with this entry's own fields on top. Frameworks that ask the same thing share one definition.",
    ),
  })
  .describe("A criterion of a qualification framework.");

/** A deal-level risk, reported when its condition holds. */
export const FindingRule = z
  .strictObject({
    id: Id.describe("Finding id, stable across versions."),
    severity: Severity,
    description: z.string().min(1).describe("When this finding fires, for the docs."),
    source: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Where the judgement comes from (a framework's authors, research, an expert review), for the docs.",
      ),
    let: Bindings.optional(),
    when: Logic.describe("JsonLogic condition over the deal."),
    message: z.string().min(1).describe("The message; a template that may use {binding} or {deal.path}."),
    stakeholders: Logic.optional().describe("JsonLogic returning the ids of the stakeholders concerned."),
    severityWhen: z
      .array(
        z.strictObject({
          when: Logic.describe("JsonLogic condition over the deal."),
          severity: Severity.describe("The severity when it holds."),
        }),
      )
      .optional()
      .describe(
        "Severity by circumstance (critical at proposal and later, say): the first whose condition holds wins; otherwise `severity`.",
      ),
    lesson: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The message on a closed deal, as a lesson (severity info); a template. Without it, a closed deal shows `message` as info.",
      ),
  })
  .describe("A deal-level risk, reported when its condition holds.");

/** Something to bring for the people not yet won over, recommended when its condition holds. */
export const CollateralRule = z
  .strictObject({
    id: Id.describe("Collateral id."),
    title: z.string().min(1).describe("What to bring."),
    audience: z.string().min(1).describe("Who it is for."),
    let: Bindings.optional(),
    when: Logic.describe("JsonLogic condition over the deal."),
    why: z.string().min(1).describe("Why it helps; a template."),
  })
  .describe("Something to bring for the people not yet won over.");

/** A question about the deal as a whole (not one criterion), asked when its condition holds. */
export const DealQuestion = z
  .strictObject({
    id: Id.describe("Question id."),
    text: z.string().min(1).describe("The question; a template that may use {binding} or {deal.path}."),
    topic: Topic.describe("Its topic; `review` questions are asked only of closed deals, and only they are."),
    askOf: z.array(Role).optional().describe("Roles best placed to answer, in order of preference."),
    settles: z.string().min(1).describe("What its answer settles."),
    let: Bindings.optional(),
    when: Logic.describe("JsonLogic condition over the deal: the question is asked when it holds."),
    priority: z
      .number()
      .min(0)
      .max(1000)
      .describe("Its priority, on the scale of criterion questions (0-200)."),
  })
  .describe("A question about the deal as a whole, asked when its condition holds.");

const Common = {
  $schema: z.string().optional().describe("The JSON Schema this file is written against."),
  define: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'Named pieces of this file, written once: {"ref": "<name>"} anywhere in the file stands for the definition (frameworks/shared.definitions.json holds the shared ones).',
    ),
  id: Id.describe("Id of the framework or rule set."),
  name: z.string().min(1).describe("Display name."),
  summary: z.string().min(1).optional().describe("What it is, in a sentence or two."),
  findings: z.array(FindingRule).optional().describe("Deal-level risks this file reports."),
  collateral: z.array(CollateralRule).optional().describe("Collateral this file recommends."),
  questions: z
    .array(DealQuestion)
    .optional()
    .describe("Questions about the deal as a whole (introductions, concerns, reviews of closed deals)."),
};

/** Who made a framework, and where to read about it. */
export const Origin = z
  .strictObject({
    author: z.string().min(1).describe("Who made it."),
    year: z.number().int().optional().describe("When, roughly."),
    reference: z.string().min(1).describe("Where to read the authors' own material."),
  })
  .describe("Who made a framework, and where to read about it.");

/** A qualification framework as data (framework file format, version 1). */
export const Framework = z
  .strictObject({
    ...Common,
    kind: z.literal("framework").optional().describe("Marks the file as a framework."),
    extends: Id.optional().describe("Id of a framework this one extends: its criteria are inherited."),
    origin: Origin.optional(),
    replaces: z
      .literal(true)
      .optional()
      .describe(
        "Set to true to replace a framework of the same id (a built-in); without it, a second framework with an id already known is an error.",
      ),
    statusLabels: z
      .partialRecord(Status, z.string().min(1))
      .optional()
      .describe(
        "The framework's own words for the statuses (SCOTSMAN: met is 'fine', unknown 'don't know enough').",
      ),
    drop: z.array(z.string()).optional().describe("With extends: ids of inherited criteria to remove."),
    calibration: z
      .strictObject({
        date: z.string().describe("When it was calibrated."),
        sample: z.strictObject({ won: z.number().int().min(0), lost: z.number().int().min(0) }),
        holdout: z
          .strictObject({ auc: z.number(), brier: z.number(), logLoss: z.number() })
          .optional()
          .describe("Quality on held-out deals."),
        intercept: z.number().describe("The fitted intercept (log-odds)."),
        coefficients: z
          .record(z.string(), z.number())
          .describe("The fitted coefficient per criterion id (log-odds per unit: met 1, partial 0.5)."),
      })
      .optional()
      .describe(
        "Written by qualify calibrate: with it, each report's result for this framework carries winProbability.",
      ),
    gates: z
      .partialRecord(
        Stage.exclude(["closed-won", "closed-lost"]),
        z.array(z.string().min(1)).describe("Criterion ids that must be met."),
      )
      .optional()
      .describe(
        "Stage gates: for a stage, the criteria that must be met before a deal may be at that stage or later. With extends, a stage given here replaces the inherited one.",
      ),
    customSchema: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        "A JSON Schema (an object schema) for deal.custom: var paths under custom. are checked against it, and a deal whose custom does not match is invalid.",
      ),
    scoring: z
      .enum(["weighted", "red-amber-green"])
      .optional()
      .describe(
        "weighted (default): the weighted share of criteria met (partial half). red-amber-green: SCOTSMAN's own scoring, met 0, partial or unknown 1, unmet 10 points, score 100 minus 10 per point, so one red letter dominates.",
      ),
    sources: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Where the framework is defined: the authors' own material first, then well-regarded secondary sources.",
      ),
    differences: z
      .array(z.string().min(1))
      .optional()
      .describe("Where this framework's rules deliberately go beyond or differ from the authors, and why."),
    criteria: z
      .array(Criterion.partial().required({ id: true }))
      .describe("The criteria. With extends, an entry with an inherited id changes that criterion."),
  })
  .describe("A qualification framework as data.");
/** A framework file as written (before `extends` is resolved). */
export type FrameworkInput = z.infer<typeof Framework>;

/** A rule set: findings and collateral without criteria. */
export const RuleSet = z
  .strictObject({ ...Common, kind: z.literal("ruleset").describe("Marks the file as a rule set.") })
  .describe("A rule set: findings and collateral that run whatever frameworks are chosen.");
/** A rule set file. */
export type RuleSet = z.infer<typeof RuleSet>;
/** A criterion, fully specified. */
export type Criterion = z.infer<typeof Criterion>;
/** A question definition. */
export type QuestionDef = z.infer<typeof Question>;
/** A finding rule definition. */
export type FindingRule = z.infer<typeof FindingRule>;
/** A collateral rule definition. */
export type CollateralRule = z.infer<typeof CollateralRule>;
/** A deal-level question definition. */
export type DealQuestion = z.infer<typeof DealQuestion>;
/** A status rule. */
export type StatusRule = z.infer<typeof StatusRule>;
