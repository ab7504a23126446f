import type { Severity, Status, Topic } from "./enums.js";
import type { CollateralId, CriterionId, FindingId, FrameworkId } from "./ids.js";

// The report's types written out as interfaces, so editors and the API reference show fields with their
// meaning (not a z.infer<...> expression). src/model/report.ts checks, at compile time, that each one is
// exactly what its zod schema accepts: they cannot drift apart.

/** One fact a criterion's status rests on: a path in the deal and what was there. */
export interface EvidenceShape {
  /** Path in the deal, e.g. `stakeholders[0].roles`. */
  path: string;
  /** What the deal holds there (absent when it holds nothing); a copy, bounded in size. */
  value?: unknown;
}

/** The result of one criterion. */
export interface CriterionResultShape {
  /** The criterion's id within its framework. */
  id: CriterionId;
  /** Its display name. */
  name: string;
  /** met, partial, unmet or unknown (absent information is unknown, never unmet). */
  status: Status;
  /** The status in the framework's own words (SCOTSMAN), when it has them. */
  label?: string | undefined;
  /** The criterion's weight in its framework. */
  weight: number;
  /** Why the status is what it is, in plain words from the deal. */
  explanation: string;
  /** The facts the status rests on (empty in compact reports). */
  evidence: EvidenceShape[];
  /** With the trace option: what each status rule saw and returned. */
  trace?: unknown;
}

/** The result of one framework. */
export interface FrameworkResultShape {
  /** The framework's id. */
  id: FrameworkId;
  /** Its display name. */
  name: string;
  /** The score, **0 to 100**: the weighted share of criteria met (partial counts half, unknown zero). */
  score: number;
  /** The share of the framework's weight whose status is known, **0 to 1**. */
  confidence: number;
  /** Where the score could land once the unknowns are known, 0 to 100. */
  range: {
    /** The score with every unknown counted as unmet. */
    low: number;
    /** The score with every unknown counted as met. */
    high: number;
  };
  /** With a calibrated framework: the probability of a win, **0 to 1**, learned from the team's own won and lost deals. */
  winProbability?: number | undefined;
  /** With red-amber-green scoring (SCOTSMAN): the points; the score is 100 minus 10 per point. */
  points?: number | undefined;
  /** Every criterion, in the framework's order. */
  criteria: CriterionResultShape[];
}

/** A deal-level risk. */
export interface FindingShape {
  /** The finding's id, stable across versions (see docs/findings.md). */
  id: FindingId;
  /** info, warning or critical (every finding is info on a closed deal). */
  severity: Severity;
  /** The message, naming the people concerned. */
  message: string;
  /** The stakeholders concerned. */
  stakeholderIds?: string[] | undefined;
}

/** A next question to ask, ranked and aimed at a person. */
export interface NextQuestionShape {
  /** The question's id; the same id across frameworks is one question. */
  id: string;
  /** The question, as the seller would ask it. */
  text: string;
  /** What it is about; questions on one topic from different frameworks merge. */
  topic: Topic;
  /** The stakeholder to ask (a live contact on your side). */
  askId?: string | undefined;
  /** Their name, ready to show. */
  askName?: string | undefined;
  /** Why this question, and why this person (absent in compact reports). */
  why?: string | undefined;
  /** The criteria it serves, as `framework/criterion`; empty for a question about the deal as a whole. */
  criteria: string[];
  /** Its priority: higher first (see docs/scoring.md). */
  priority: number;
}

/** Collateral recommended for the people not yet won over. */
export interface CollateralShape {
  /** Its id. */
  id: CollateralId;
  /** What to bring. */
  title: string;
  /** Who it is for. */
  audience: string;
  /** Why it helps, for this deal. */
  why: string;
}

/** A framework's stage gates at the deal's stage. */
export interface GateShape {
  /** The framework whose gates apply. */
  framework: string;
  /** The deal's stage. */
  stage: string;
  /** Whether every criterion its gates require by this stage is met. */
  passed: boolean;
  /** The criterion ids required by this stage and not met. */
  missing: string[];
}

/** What produced a report. */
export interface ReportMetaShape {
  /** The report format version. */
  schemaVersion: string;
  /** The version of qualify that made it. */
  qualifyVersion: string;
  /** The frameworks and rule sets that produced it, each with a fingerprint of its data. */
  frameworks: Array<{ id: string; hash: string }>;
  /** The config file whose options produced it, relative to the working directory (CLI and loadConfig). */
  config?: string | undefined;
  /** Fingerprint of the judgement policy, when a plugin overrides the built-in one (absent: as shipped). */
  policy?: string | undefined;
}

/** The qualification report, version 1 (1.1: additive fields). */
export interface ReportShape {
  /** The deal it is about. */
  deal: { id: string; name: string };
  /** The date the deal was judged at, `YYYY-MM-DD`. */
  asOf: string;
  /** One result per framework, in the order chosen. */
  frameworks: FrameworkResultShape[];
  /** Deal-level risks, most severe first. */
  findings: FindingShape[];
  /** The next questions, most valuable first. */
  questions: NextQuestionShape[];
  /** What to bring. */
  collateral: CollateralShape[];
  /** Stage gates at the deal's stage. */
  gates: GateShape[];
  /** What produced the report. */
  meta: ReportMetaShape;
}
