import type { z } from "zod";
import type { FrameworkDef } from "../frameworks/framework-def.js";
import type { EvaluationBudget } from "../logic/budget.js";
import { generateLogic } from "../logic/codegen.js";
import { compileNode } from "../logic/compile.js";
import type { OperatorSet } from "../logic/operator-set.js";
import type { Deal } from "../model/deal.js";
import type { FrameworkId, SwitchableId } from "../model/ids.js";
import { frozenCopy, readOnce } from "../model/json-value.js";
import type { Policy } from "../model/policy.js";
import { DEFAULT_POLICY } from "../model/policy-default.js";
import type { Report } from "../model/report.js";
import { isIsoDay } from "../model/value-checks.js";
import type { Plugin } from "../plugin/define-plugin.js";
import type { Rule } from "../plugin/define-rule.js";
import { checkOptions, QUALIFIER_OPTIONS, thrownText } from "../validation/check-options.js";
import { fromZod } from "../validation/from-zod.js";
import { failure, formatPath, type Issue, QualifyError, type SafeParseResult } from "../validation/issue.js";
import { safeParseDeal } from "../validation/parse-deal.js";
import { QUALIFY_VERSION } from "../version.js";
import { type BatchResult, evaluateEach } from "./batch.js";
import { canonicalDeal } from "./canonical.js";
import { compileFramework } from "./compile-framework.js";
import { evaluateDeal } from "./evaluate-deal.js";
import { fingerprint } from "./hash.js";
import { interpret, withJsonLogicOperators } from "./interpreter.js";
import { buildRegistry } from "./registry.js";
import { failureIssue, RuleFailure } from "./rule-failure.js";
import { today } from "./today.js";

export { DEFAULT_FRAMEWORKS } from "./registry.js";

/** The report format's version: 1.1 is version 1 plus additive fields (gates, meta, points...). */
export const REPORT_SCHEMA_VERSION = "1.1";

/** How to build a qualifier. */
export interface QualifierOptions {
  /** Frameworks to score: built-in or plugin ids, or framework definitions (files). Default: bant, meddpicc. */
  readonly frameworks?: ReadonlyArray<FrameworkId | Readonly<Record<string, unknown>>>;
  /** Plugins: operators, TypeScript rules, frameworks and rule sets. */
  readonly plugins?: readonly Plugin[];
  /** Finding or collateral ids to switch off. */
  readonly disable?: readonly SwitchableId[];
  /** Run the built-in rule set (findings and collateral). Default true. */
  readonly coreRules?: boolean;
  /**
   * `compiled` (default): rules compiled once into closures. `interpreter`: every rule handed to
   * json-logic-js `apply` each time; the same reports, slower: the reference and the baseline.
   */
  readonly mode?: "compiled" | "interpreter";
  /**
   * Compiled mode: generate one JavaScript function per rule with `new Function` instead of closures
   * (faster, the same reports). Not where a content-security policy forbids `unsafe-eval` (browsers with
   * a strict CSP, some edge runtimes): closures, the default, need no code generation.
   */
  readonly codegen?: boolean;
  /**
   * The most work one deal's evaluation may take (compiled mode): loops over lists and list items built.
   * Default: 1,000,000 steps plus 1,000 per item in the deal's lists. A rule over it fails with a
   * `budget-exceeded` issue naming the framework and criterion.
   */
  readonly budget?: EvaluationBudget;
  /**
   * Compact reports, for batches that store millions of them: no evidence, no question `why`, and at
   * most `questions` questions (default 5). Scores, statuses, explanations and findings are unchanged.
   */
  readonly compact?: boolean | { readonly questions?: number };
  /**
   * The config file these options came from (as `loadConfig` and the CLI name it: relative to the working
   * directory). Written into every report's `meta.config`, so a stored report says which rules made it.
   */
  readonly configFile?: string;
}

/** Options of one evaluation. */
export interface EvaluateOptions {
  /** The date to judge the deal at, `YYYY-MM-DD`. Default: today (UTC). Always written into the report. */
  readonly asOf?: string;
  /** Keep, for each criterion, what each status rule saw and returned (adds `trace` to criteria). */
  readonly trace?: boolean;
  /**
   * Put what a failing rule or plugin threw into the issue's message (the CLI does). Default false: a
   * service does not echo a plugin's internals to its caller; the result's `cause` keeps the error.
   */
  readonly errorDetails?: boolean;
}

/** Compiled frameworks and rules, ready to evaluate deals many times. */
export interface Qualifier {
  /** The frameworks it scores, in order. */
  readonly frameworks: readonly FrameworkDef[];
  /** Every framework it knows (built-in and from plugins), by id. */
  readonly catalogue: ReadonlyMap<string, FrameworkDef>;
  /** The operators its rules may use. */
  readonly operators: OperatorSet;
  /** The rule sets whose findings, collateral and deal questions it reports (the core set first). */
  readonly ruleSets: readonly FrameworkDef[];
  /** The TypeScript rules its frameworks may use, by id. */
  readonly rules: ReadonlyMap<string, Rule>;
  /** The schema of `deal.custom` declared by the frameworks and plugins (merged), if any: what the docs list. */
  readonly customSchema: z.ZodType | undefined;
  /** The judgement policy it ranks and targets questions by (frameworks/policy.json with any plugin's overrides). */
  readonly policy: Readonly<Policy>;
  /**
   * Validates and scores a deal; throws a {@link QualifyError} listing every problem of a bad deal. A deal
   * written in TypeScript is type-checked (`evaluate({ id: 1 })` fails to compile); a value typed
   * `unknown` (JSON from a file or a request) is accepted and validated at run time. For untrusted input
   * that must never throw, use `safeEvaluate`.
   */
  evaluate<T>(deal: unknown extends T ? T : T extends Deal ? T : Deal, options?: EvaluateOptions): Report;
  /**
   * Validates a deal as `evaluate` does, without scoring it: the deal model, references, and the custom
   * fields the plugins and frameworks declare (`qualify validate` uses it). Returns the deal as read.
   */
  safeParseDeal(deal: unknown): SafeParseResult<Deal>;
  /** Validates and scores a deal; returns the report, or every problem of a bad deal. */
  safeEvaluate(deal: unknown, options?: EvaluateOptions): SafeParseResult<Report>;
  /**
   * Scores deals from any iterable or async iterable, in input order, one at a time (flat memory); a
   * bad deal yields its issues with its index and the batch goes on. For every core, see `qualify/node`.
   */
  evaluateMany(
    deals: Iterable<unknown> | AsyncIterable<unknown>,
    options?: EvaluateOptions,
  ): AsyncGenerator<BatchResult>;
}

/**
 * Builds a qualifier: registers the plugins' operators, rules and frameworks in a registry of its own,
 * validates every file, and compiles every rule once. Throws a {@link QualifyError} when a file is invalid.
 */
export function createQualifier(options: QualifierOptions = {}): Qualifier {
  const optionIssues = checkOptions(options, QUALIFIER_OPTIONS, "createQualifier options");
  if (optionIssues.length > 0)
    throw new QualifyError("Invalid options", optionIssues, { kind: "invalid-rule-set" });
  const { operators, rules, catalogue, selected, ruleSets, custom, policy, hashOf } = buildRegistry(options);
  const interpreted = options.mode === "interpreter";
  const strategy = interpreted
    ? interpret
    : options.codegen
      ? (logic: unknown) => generateLogic(logic, operators, (l) => compileNode(l, operators, false))
      : undefined;
  const compiledFrameworks = selected.map((f) => compileFramework(f, operators, strategy, hashOf(f)));
  const compiledRuleSets = ruleSets.map((f) => compileFramework(f, operators, strategy, hashOf(f)));
  const compiled = {
    frameworks: compiledFrameworks,
    ruleSets: compiledRuleSets,
    meta: {
      schemaVersion: REPORT_SCHEMA_VERSION,
      qualifyVersion: QUALIFY_VERSION,
      frameworks: [...compiledRuleSets, ...compiledFrameworks].map((f) => ({ id: f.def.id, hash: f.hash })),
      ...(options.configFile !== undefined ? { config: options.configFile } : {}),
      // Rankings and targets follow the policy: a report made with another one says so.
      ...(policy !== DEFAULT_POLICY ? { policy: fingerprint(policy) } : {}),
    },
    rules,
    operators,
    policy,
    disabled: new Set(options.disable ?? []),
    traceCompile: (logic: unknown) => compileNode(logic, operators, true),
    ...(options.budget ? { budget: options.budget } : {}),
    ...(options.compact
      ? {
          compact: {
            questions: (typeof options.compact === "object" ? options.compact.questions : undefined) ?? 5,
          },
        }
      : {}),
  };

  // Code from plugins (operators, TypeScript rules) is given a deeply frozen copy of the deal, so it cannot
  // change the caller's deal or what later rules see. Built-ins are trusted and skip the copy.
  const untrusted = (options.plugins ?? []).some(
    (p) => (p.operators?.length ?? 0) + (p.rules?.length ?? 0) > 0,
  );

  const safeEvaluate = (input: unknown, opts: EvaluateOptions = {}): SafeParseResult<Report> => {
    try {
      return evaluateOnce(input, opts);
    } catch (e) {
      // Never a throw: a failing rule or operator is an issue naming it and the deal; a batch goes on.
      let id: unknown;
      try {
        id = (input as { id?: unknown } | null)?.id;
      } catch {}
      const cause = e instanceof RuleFailure ? (e.cause ?? e) : e;
      return failure("rule-failed", [failureIssue(e, id, opts.errorDetails === true)], cause);
    }
  };
  const evaluateOnce = (input: unknown, opts: EvaluateOptions): SafeParseResult<Report> => {
    const asOf = opts.asOf ?? today();
    const dateIssues: Issue[] = isIsoDay(asOf)
      ? []
      : [
          {
            path: "asOf",
            code: "invalid-date",
            message: `asOf must be a real day written YYYY-MM-DD; received "${asOf}"`,
          },
        ];
    const parsed = acceptDeal(input, custom);
    if (!parsed.success || dateIssues.length > 0)
      return failure("invalid-input", [...dateIssues, ...(parsed.success ? [] : parsed.issues)]);
    const canonical = canonicalDeal(parsed.data as Deal);
    const deal = untrusted ? frozenCopy(canonical) : canonical;
    const run = () => evaluateDeal(compiled, deal, { asOf, trace: opts.trace === true });
    return {
      success: true,
      data: interpreted
        ? withJsonLogicOperators(operators, { root: deal, asOf, lostAfterDays: policy.lostAfterDays }, run)
        : run(),
    };
  };

  return {
    frameworks: selected,
    catalogue,
    operators,
    ruleSets,
    rules,
    customSchema: custom,
    policy,
    safeEvaluate,
    safeParseDeal: (input) => acceptDeal(input, custom),
    evaluateMany: (deals, opts = {}) => {
      // One date for the whole batch, even if it runs past midnight.
      const fixed = { ...opts, asOf: opts.asOf ?? today() };
      return evaluateEach(deals, (deal) => safeEvaluate(deal, fixed));
    },
    evaluate(input, opts) {
      const result = safeEvaluate(input, opts);
      if (!result.success)
        throw new QualifyError(
          result.kind === "rule-failed" ? "Evaluation failed" : "Invalid deal",
          result.issues,
          {
            kind: result.kind,
            cause: result.cause,
          },
        );
      return result.data;
    },
  };
}

/** `deal.custom` against the declared schema: every problem, with its path under `custom`. */
function customProblems(schema: z.ZodType, value: unknown): Issue[] {
  const result = schema.safeParse(value ?? {});
  if (result.success) return [];
  return fromZod(result.error.issues, schema, value ?? {}).map((i) => ({
    ...i,
    path: i.path ? (i.path.startsWith("[") ? `custom${i.path}` : `custom.${i.path}`) : "custom",
  }));
}

/**
 * A deal read once into a plain copy (a getter or Proxy cannot show validation one deal and scoring
 * another), then validated: the model, references, and the declared custom fields.
 */
function acceptDeal(input: unknown, custom: z.ZodType | undefined): SafeParseResult<Deal> {
  const snapshot = readOnce(input);
  if ("thrown" in snapshot)
    return failure("invalid-input", [
      {
        path: formatPath(snapshot.path),
        code: "unreadable",
        message: `reading the deal here threw: ${thrownText(snapshot.thrown)}; pass plain data`,
      },
    ]);
  const parsed = safeParseDeal(snapshot.value);
  if (!parsed.success) return parsed;
  const customIssues = custom ? customProblems(custom, parsed.data.custom) : [];
  return customIssues.length > 0 ? failure("invalid-input", customIssues) : parsed;
}

/** One-shot: builds a qualifier and scores one deal. For many deals, build the qualifier once. */
export function qualify(deal: unknown, options: QualifierOptions & EvaluateOptions = {}): Report {
  const { asOf, trace, ...qualifierOptions } = options;
  return createQualifier(qualifierOptions).evaluate(deal, {
    ...(asOf !== undefined ? { asOf } : {}),
    ...(trace !== undefined ? { trace } : {}),
  });
}
