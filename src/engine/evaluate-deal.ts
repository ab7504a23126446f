import { budgetFor, type EvaluationBudget } from "../logic/budget.js";
import type { EvalEnv, Evaluator } from "../logic/operator.js";
import type { OperatorSet } from "../logic/operator-set.js";
import { Tracer } from "../logic/trace.js";
import { truthy } from "../logic/truthy.js";
import type { Deal } from "../model/deal.js";
import type { Status } from "../model/enums.js";
import type { CollateralRule, DealQuestion, FindingRule } from "../model/framework.js";
import type { Policy } from "../model/policy.js";
import type {
  Collateral,
  CriterionResult,
  Evidence,
  Finding,
  FrameworkResult,
  NextQuestion,
  Report,
} from "../model/report.js";
import { OPEN_STAGES } from "../model/values.js";
import type { Rule, RuleOutcome } from "../plugin/define-rule.js";
import { checkOutcome } from "./check-outcome.js";
import type { CompiledCriterion, CompiledDealRule, CompiledFramework } from "./compile-framework.js";
import { evidenceFor } from "./evidence.js";
import { makeLookup } from "./lookup.js";
import { type DealQuestionOffer, type QuestionOffer, rankQuestions } from "./questions.js";
import { guard } from "./rule-failure.js";
import { ragScoreOf, STATUS_VALUE, scoreOf } from "./score.js";

/** What {@link evaluateDeal} needs from a qualifier. */
export interface CompiledQualifier {
  readonly frameworks: readonly CompiledFramework[];
  readonly ruleSets: readonly CompiledFramework[];
  readonly rules: ReadonlyMap<string, Rule>;
  readonly operators: OperatorSet;
  readonly policy: Readonly<Policy>;
  readonly disabled: ReadonlySet<string>;
  readonly traceCompile: (logic: unknown) => Evaluator;
  /** Report metadata, made once per qualifier. */
  readonly meta: Report["meta"];
  /** The evaluation budget per deal. */
  readonly budget?: EvaluationBudget;
  /** Compact reports: no evidence, no `why`, at most this many questions. */
  readonly compact?: { readonly questions: number };
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/** One criterion's result in this evaluation (`run`: the deal, its environment, trace or not). */
function criterionResult(c: CompiledCriterion, run: Run): CriterionResult {
  const { q, deal, env, trace, seen } = run;
  let status: Status = "unknown";
  let explanation: string | undefined;
  let evidence: Evidence[] | undefined;
  if (c.def.rule) {
    const outcome = run.ruleOutcome(c.def.rule);
    status = outcome?.status ?? "unknown";
    explanation = outcome?.reason;
    evidence = [...(outcome?.evidence ?? [])];
  } else {
    for (const rule of c.rules) {
      if (truthy(rule.when(deal, env))) {
        status = rule.def.status;
        explanation = rule.reason.fixed ?? rule.reason(makeLookup(c.bindings, deal, env));
        evidence = q.compact ? [] : evidenceFor(deal, rule.paths, seen);
        break;
      }
    }
  }
  // One object shape for every result (the key order is the report's).
  const result: CriterionResult = {
    id: c.def.id,
    name: c.def.name,
    weight: c.def.weight,
    status,
    explanation: explanation ?? c.unknown.fixed ?? c.unknown(makeLookup(c.bindings, deal, env)),
    evidence: evidence ?? (q.compact ? [] : evidenceFor(deal, c.paths, seen)),
  };
  if (trace) result.trace = traceCriterion(c, deal, env, q);
  return result;
}

function traceCriterion(c: CompiledCriterion, deal: Deal, env: EvalEnv, q: CompiledQualifier) {
  return c.rules.map((rule) => {
    const tracer = new Tracer();
    q.traceCompile(rule.def.when)(deal, { ...env, tracer } as EvalEnv);
    return { status: rule.def.status, when: tracer.root.children[0] };
  });
}

function dealRules<T extends FindingRule | CollateralRule | DealQuestion>(
  sets: readonly CompiledFramework[],
  pick: (f: CompiledFramework) => readonly CompiledDealRule<T>[],
  disabled: ReadonlySet<string>,
): CompiledDealRule<T>[] {
  const seen = new Set<string>();
  const out: CompiledDealRule<T>[] = [];
  for (const set of sets) {
    for (const rule of pick(set)) {
      if (disabled.has(rule.def.id) || seen.has(rule.def.id)) continue;
      seen.add(rule.def.id);
      out.push(rule);
    }
  }
  return out;
}

/** The stages a deal is worked in, in order (the closed ones have no gates). */

/**
 * The stage gates for the deal's stage: for each framework with gates at that stage or before it, the
 * criteria they require and which of those are not met. Closed deals and deals with no stage have none.
 */
function gatesOf(
  compiled: readonly CompiledFramework[],
  results: readonly FrameworkResult[],
  stage: Deal["stage"],
): Report["gates"] {
  const at = OPEN_STAGES.indexOf(stage as (typeof OPEN_STAGES)[number]);
  if (at < 0) return [];
  const out: Report["gates"] = [];
  compiled.forEach((f, i) => {
    const gates = f.def.gates;
    if (!gates) return;
    const required = [...new Set(OPEN_STAGES.slice(0, at + 1).flatMap((s) => gates[s] ?? []))];
    if (required.length === 0) return;
    const statuses = new Map((results[i]?.criteria ?? []).map((c) => [c.id, c.status]));
    const missing = required.filter((id) => statuses.get(id) !== "met");
    out.push({ framework: f.def.id, stage: stage as string, passed: missing.length === 0, missing });
  });
  return out;
}

/** In a compact report, the first questions only, without their `why`. */
function compactQuestions(questions: NextQuestion[], compact: { readonly questions: number } | undefined) {
  if (!compact) return questions;
  return questions.slice(0, compact.questions).map(({ why: _why, ...rest }) => rest);
}

/** The severity of a finding that holds: the first `severityWhen` that holds, else its own. */
function severityOf(rule: CompiledDealRule<FindingRule>, deal: Deal, env: EvalEnv): Finding["severity"] {
  for (const s of rule.severityWhen ?? []) if (truthy(s.when(deal, env))) return s.severity;
  return rule.def.severity;
}

/** The deal-level questions that hold: review questions on a closed deal, the others on an open one. */
function dealQuestions(sets: readonly CompiledFramework[], run: Run): DealQuestionOffer[] {
  const { deal, env, closed } = run;
  const out: DealQuestionOffer[] = [];
  for (const rule of dealRules(sets, (f) => f.questions, run.q.disabled)) {
    if ((rule.def.topic === "review") !== closed) continue;
    const offer = guard(`questions.${rule.def.id}`, `Question "${rule.def.id}"`, () =>
      truthy(rule.when(deal, env))
        ? { question: rule.def, text: rule.text(makeLookup(rule.bindings, deal, env)) }
        : undefined,
    );
    if (offer) out.push(offer);
  }
  return out;
}

/** One evaluation's context: the deal, its environment, and the TypeScript rules' outcomes. */
interface Run {
  readonly q: CompiledQualifier;
  readonly deal: Deal;
  readonly env: EvalEnv;
  readonly trace: boolean;
  readonly seen: Map<string, unknown>;
  readonly closed: boolean;
  /** A TypeScript rule's checked outcome (code from plugins: what it throws or returns is named if wrong). */
  runRule(
    rule: Rule,
    frameworks: readonly FrameworkResult[],
    gates?: Report["gates"],
  ): RuleOutcome | undefined;
  /** A criterion's rule outcome, run once per deal. */
  ruleOutcome(id: string): RuleOutcome | undefined;
}

/** Scores one validated deal: frameworks, findings, ranked questions and collateral. Pure. */
export function evaluateDeal(
  q: CompiledQualifier,
  deal: Deal,
  { asOf, trace = false }: { readonly asOf: string; readonly trace?: boolean },
): Report {
  const env: EvalEnv = {
    root: deal,
    asOf,
    lostAfterDays: q.policy.lostAfterDays,
    memo: new Map(),
    budget: budgetFor(deal, q.budget),
  };
  const outcomes = new Map<string, RuleOutcome | undefined>();
  const run: Run = {
    q,
    deal,
    env,
    trace,
    seen: new Map(),
    // A closed deal is reviewed, not worked: findings are lessons (info), no collateral, review questions.
    closed: deal.stage === "closed-won" || deal.stage === "closed-lost",
    runRule: (rule, frameworks, gates) =>
      checkOutcome(
        rule,
        guard(`rules.${rule.id}`, `Rule "${rule.id}"`, () =>
          rule.evaluate(deal, { asOf, frameworks, policy: q.policy, ...(gates ? { gates } : {}) }),
        ),
      ),
    ruleOutcome(id) {
      const rule = q.rules.get(id);
      if (!outcomes.has(id)) outcomes.set(id, rule && this.runRule(rule, []));
      return outcomes.get(id);
    },
  };
  const offers: QuestionOffer[] = [];
  const frameworks = q.frameworks.map((f) => scoreFramework(f, run, offers));
  const sets = [...q.ruleSets, ...q.frameworks];
  const gates = gatesOf(q.frameworks, frameworks, deal.stage);
  const findings = findingsOf(run, sets, frameworks, gates);
  const collateral = collateralOf(run, sets);
  return {
    deal: { id: deal.id, name: deal.name },
    asOf,
    frameworks,
    findings,
    questions: compactQuestions(
      rankQuestions(run.closed ? [] : offers, deal, {
        asOf,
        policy: q.policy,
        dealLevel: dealQuestions(sets, run),
        withWhy: !q.compact,
      }),
      q.compact,
    ),
    collateral,
    gates,
    // Shared by every report of this qualifier: a copy, so no report shares objects with another.
    meta: { ...q.meta, frameworks: q.meta.frameworks.map((f) => ({ ...f })) },
  };
}

/** One framework's result; the questions its open criteria offer go to `offers`. */
function scoreFramework(
  f: CompiledQualifier["frameworks"][number],
  run: Run,
  offers: QuestionOffer[],
): FrameworkResult {
  const { deal, env } = run;
  const labels = f.def.statusLabels;
  const criteria = f.criteria.map((c) => {
    const result = guard(c.where, c.failureName, () => criterionResult(c, run));
    const label = labels?.[result.status];
    return label ? { ...result, label } : result;
  });
  criteria.forEach((result, i) => {
    if (result.status === "met") return;
    const c = f.criteria[i] as CompiledCriterion;
    const status = result.status as QuestionOffer["status"];
    c.questions.forEach((question, position) => {
      if (question.def.onlyWhen && !question.def.onlyWhen.includes(status)) return;
      // The record already answers it: not asked.
      const { answeredWhen } = question;
      if (answeredWhen && guard(c.where, c.failureName, () => truthy(answeredWhen(deal, env)))) return;
      offers.push({
        position,
        answered: question.answered,
        question: question.def,
        key: question.key,
        criterion: c.key,
        open: c.open[status],
        status,
        share: c.share,
      });
    });
  });
  const scored = f.def.scoring === "red-amber-green" ? ragScoreOf(criteria) : scoreOf(criteria);
  const winProbability = winProbabilityOf(f.def.calibration, criteria);
  return {
    id: f.def.id,
    name: f.def.name,
    ...scored,
    ...(winProbability !== undefined ? { winProbability } : {}),
    criteria,
  };
}

/** A calibrated framework's chance of a win from its criteria's statuses, to three decimals, within 1% to 99%. */
function winProbabilityOf(
  calibration: CompiledQualifier["frameworks"][number]["def"]["calibration"],
  criteria: ReadonlyArray<{ id: string; status: keyof typeof STATUS_VALUE }>,
): number | undefined {
  if (!calibration) return undefined;
  const z = criteria.reduce(
    (sum, c) => sum + (calibration.coefficients[c.id] ?? 0) * STATUS_VALUE[c.status],
    calibration.intercept,
  );
  // A model fitted to a history never knows a deal's outcome: at most 99%, at least 1%.
  return Math.min(0.99, Math.max(0.01, Math.round(1000 / (1 + Math.exp(-z))) / 1000));
}

/** The deal's findings: data rules, then TypeScript rules' (which see the scores and gates), most severe first. */
function findingsOf(
  run: Run,
  sets: CompiledQualifier["ruleSets"],
  frameworks: readonly FrameworkResult[],
  gates: Report["gates"],
): Finding[] {
  const { q, deal, env, closed } = run;
  const findings: Finding[] = [];
  for (const rule of dealRules(sets, (f) => f.findings, q.disabled)) {
    const finding = guard(`findings.${rule.def.id}`, `Finding "${rule.def.id}"`, (): Finding | undefined => {
      if (!truthy(rule.when(deal, env))) return undefined;
      const ids = rule.stakeholders ? rule.stakeholders(deal, env) : undefined;
      const lookup = makeLookup(rule.bindings, deal, env);
      return {
        id: rule.def.id,
        severity: closed ? "info" : severityOf(rule, deal, env),
        message: (closed && rule.lesson ? rule.lesson : rule.text)(lookup),
        ...(Array.isArray(ids) && ids.length > 0 ? { stakeholderIds: ids.map(String) } : {}),
      };
    });
    if (finding) findings.push(finding);
  }
  for (const rule of q.rules.values()) {
    const outcome = run.runRule(rule, frameworks, gates);
    for (const f of outcome?.findings ?? []) {
      if (q.disabled.has(f.id)) continue;
      findings.push({
        id: f.id,
        severity: closed ? "info" : f.severity,
        message: f.message,
        ...(f.stakeholderIds?.length ? { stakeholderIds: [...f.stakeholderIds] } : {}),
      });
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** What to bring (nothing for a closed deal). */
function collateralOf(run: Run, sets: CompiledQualifier["ruleSets"]): Collateral[] {
  const { q, deal, env } = run;
  const collateral: Collateral[] = [];
  for (const rule of run.closed ? [] : dealRules(sets, (f) => f.collateral, q.disabled)) {
    const item = guard(`collateral.${rule.def.id}`, `Collateral "${rule.def.id}"`, () =>
      truthy(rule.when(deal, env))
        ? {
            id: rule.def.id,
            title: rule.def.title,
            audience: rule.def.audience,
            why: rule.text(makeLookup(rule.bindings, deal, env)),
          }
        : undefined,
    );
    if (item) collateral.push(item);
  }
  return collateral;
}
