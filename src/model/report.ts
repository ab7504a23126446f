import { z } from "zod";
import { Severity, Status, Topic } from "./enums.js";
import type { CollateralId, CriterionId, FindingId, FrameworkId } from "./ids.js";
import { IsoDay } from "./iso-date.js";
import type {
  CollateralShape,
  CriterionResultShape,
  EvidenceShape,
  FindingShape,
  FrameworkResultShape,
  NextQuestionShape,
  ReportShape,
} from "./report-types.js";
import type { Assert, Same } from "./type-equality.js";

/** One fact a criterion's status rests on: a path in the deal and what was there. */
export const Evidence = z
  .strictObject({
    path: z.string().describe("Path in the deal, e.g. stakeholders[0].roles."),
    value: z.unknown().optional().describe("What the deal holds there (absent when it holds nothing)."),
  })
  .describe("One fact a criterion's status rests on.");
/** One fact a criterion's status rests on. */
export type Evidence = EvidenceShape;

/** A report id: a string at run time, typed as the built-in ids plus any string (editors complete them). */
const idOf = <T extends string>(): z.ZodType<T> => z.string() as unknown as z.ZodType<T>;

/** The result of one criterion. */
export const CriterionResult = z
  .strictObject({
    id: idOf<CriterionId>(),
    name: z.string(),
    status: Status,
    label: z.string().optional().describe("The status in the framework's own words, when it has them."),
    weight: z.number().describe("The criterion's weight."),
    explanation: z.string().describe("Why the status is what it is, in plain words from the deal."),
    evidence: z.array(Evidence).describe("The facts the status rests on."),
    trace: z.unknown().optional().describe("With the trace option: what each status rule saw and returned."),
  })
  .describe("The result of one criterion.");
/** The result of one criterion. */
export type CriterionResult = CriterionResultShape;

/** The result of one framework. */
export const FrameworkResult = z
  .strictObject({
    id: idOf<FrameworkId>(),
    name: z.string(),
    score: z.number().min(0).max(100).describe("Weighted score, 0-100; unknown counts as zero."),
    confidence: z.number().min(0).max(1).describe("Share of the weight whose status is known."),
    range: z
      .strictObject({
        low: z.number().describe("Score with every unknown counted as unmet."),
        high: z.number().describe("Score with every unknown counted as met."),
      })
      .describe("Where the score could land once the unknowns are known."),
    winProbability: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        "With a calibrated framework: the probability of a win, 0 to 1, from the team's own history (calibrated on the sample and date in the framework's calibration block).",
      ),
    points: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        "With red-amber-green scoring (SCOTSMAN): the points (met 0, partial or unknown 1, unmet 10); the score is 100 minus 10 per point.",
      ),
    criteria: z.array(CriterionResult),
  })
  .describe("The result of one framework.");
/** The result of one framework. */
export type FrameworkResult = FrameworkResultShape;

/** A deal-level risk. */
export const Finding = z
  .strictObject({
    id: idOf<FindingId>(),
    severity: Severity,
    message: z.string(),
    stakeholderIds: z.array(z.string()).optional().describe("The stakeholders concerned."),
  })
  .describe("A deal-level risk.");
/** A deal-level risk. */
export type Finding = FindingShape;

/** A next question to ask, ranked and aimed at a person. */
export const NextQuestion = z
  .strictObject({
    id: z.string(),
    text: z.string().describe("The question."),
    topic: Topic,
    askId: z.string().optional().describe("Id of the stakeholder to ask."),
    askName: z.string().optional().describe("Name of the stakeholder to ask, ready to show."),
    why: z
      .string()
      .optional()
      .describe("The gap its answer closes, and why this person (absent in compact reports)."),
    criteria: z
      .array(z.string())
      .describe(
        "The criteria it serves, as framework/criterion; empty for a question about the deal as a whole (a blocker's concerns, an introduction, a closed deal's review).",
      ),
    priority: z.number().describe("Value of the answer; higher first."),
  })
  .describe("A next question to ask.");
/** A next question to ask. */
export type NextQuestion = NextQuestionShape;

/** Collateral recommended for the people not yet won over. */
export const Collateral = z
  .strictObject({ id: idOf<CollateralId>(), title: z.string(), audience: z.string(), why: z.string() })
  .describe("Collateral recommended for the people not yet won over.");
/** Collateral recommended. */
export type Collateral = CollateralShape;

/** The qualification report, version 1. */
export const Report = z
  .strictObject({
    deal: z.strictObject({ id: z.string(), name: z.string() }),
    asOf: IsoDay.describe("The date the deal was judged at."),
    frameworks: z.array(FrameworkResult),
    findings: z.array(Finding),
    questions: z.array(NextQuestion),
    collateral: z.array(Collateral),
    gates: z
      .array(
        z.strictObject({
          framework: z.string().describe("The framework whose gates apply."),
          stage: z.string().describe("The deal's stage."),
          passed: z.boolean().describe("Whether every criterion its gates require by this stage is met."),
          missing: z.array(z.string()).describe("The criterion ids required by this stage and not met."),
        }),
      )
      .describe(
        "Stage gates: for each framework with gates up to the deal's stage, whether the deal has earned its stage.",
      ),
    meta: z
      .strictObject({
        schemaVersion: z
          .string()
          .describe("The report format version (1.1: version 1 plus additive fields)."),
        qualifyVersion: z.string().describe("The version of qualify that made the report."),
        frameworks: z
          .array(
            z.strictObject({
              id: z.string(),
              hash: z
                .string()
                .describe("Fingerprint of the framework's data: it changes when the data does."),
            }),
          )
          .describe("The frameworks and rule sets that produced it."),
        config: z
          .string()
          .optional()
          .describe(
            "The config file whose options produced it, relative to the working directory (CLI and loadConfig).",
          ),
        policy: z
          .string()
          .optional()
          .describe(
            "Fingerprint of the judgement policy, when a plugin overrides the built-in one (absent: frameworks/policy.json as shipped).",
          ),
      })
      .describe("What produced the report, so a stored report says so."),
  })
  .describe("The qualification report, version 1.");
/** The qualification report, version 1. */
export type Report = ReportShape;

// Compile-time proof that the written-out interfaces are exactly what the schemas accept, both ways.
export type _ReportTypesAgree = [
  Assert<Same<z.infer<typeof Report>, ReportShape>>,
  Assert<Same<z.infer<typeof Evidence>, EvidenceShape>>,
  Assert<Same<z.infer<typeof CriterionResult>, CriterionResultShape>>,
  Assert<Same<z.infer<typeof FrameworkResult>, FrameworkResultShape>>,
  Assert<Same<z.infer<typeof Finding>, FindingShape>>,
  Assert<Same<z.infer<typeof NextQuestion>, NextQuestionShape>>,
  Assert<Same<z.infer<typeof Collateral>, CollateralShape>>,
];
