import type { Deal } from "../model/deal.js";
import type { Severity, Status } from "../model/enums.js";
import type { Policy } from "../model/policy.js";
import type { Evidence, FrameworkResult, Report } from "../model/report.js";

/** What a TypeScript rule sees besides the deal. */
export interface RuleContext {
  /** The date the deal is judged at, `YYYY-MM-DD`. Rules never read the clock. */
  readonly asOf: string;
  /** The framework results computed so far (filled when findings run; empty while criteria run). */
  readonly frameworks: readonly FrameworkResult[];
  /** The stage gates of the deal's stage (filled when findings run). */
  readonly gates?: Report["gates"];
  /** The qualifier's judgement policy (frameworks/policy.json with any plugin's overrides). */
  readonly policy?: Readonly<Policy>;
}

/** A finding reported by a TypeScript rule. */
export interface RuleFinding {
  /** Finding id, stable across versions. */
  readonly id: string;
  /** How serious it is. */
  readonly severity: Severity;
  /** The message, naming the people concerned. */
  readonly message: string;
  /** The stakeholders concerned. */
  readonly stakeholderIds?: readonly string[];
}

/** What a TypeScript rule returns: a criterion status (when a criterion uses it) and/or findings. */
export interface RuleOutcome {
  /** The status of the criterion that uses this rule; absent means unknown. */
  readonly status?: Status;
  /** Why, in plain words. */
  readonly reason?: string;
  /** The facts the status rests on. */
  readonly evidence?: readonly Evidence[];
  /** Deal-level findings. */
  readonly findings?: readonly RuleFinding[];
}

/**
 * A rule written in TypeScript, for what data rules cannot say. Pure: no I/O, no clock. `Rule<Custom>`
 * types the deal's `custom` fields it reads.
 */
export interface Rule<Custom extends Record<string, unknown> = Record<string, unknown>> {
  /** Rule id; a criterion uses it with `"rule": "<id>"`. */
  readonly id: string;
  /** One line on what it checks. */
  readonly description: string;
  /** The ids of the findings it may report, for the docs and for switching them off. */
  readonly findings?: readonly string[];
  /** For the docs: the base severity of its findings. */
  readonly severity?: "info" | "warning" | "critical";
  /** For the docs: when that severity changes, in words ("critical in negotiation"). */
  readonly severityWhen?: string;
  /** Looks at the deal and says what it found. */
  readonly evaluate: (deal: Deal<Custom>, context: RuleContext) => RuleOutcome | undefined;
}

/**
 * Defines a TypeScript rule. Register it through a plugin: `definePlugin({ rules: [...] })`. With a type
 * argument, `deal.custom` is typed: `defineRule<{ securityReview?: "passed" | "scheduled" }>({...})`.
 */
export function defineRule<Custom extends Record<string, unknown> = Record<string, unknown>>(
  rule: Rule<Custom>,
): Rule {
  // The qualifier checks deal.custom against the declared customSchema before any rule sees it.
  return Object.freeze({ ...rule }) as unknown as Rule;
}
