import type { FrameworkDef } from "../frameworks/framework-def.js";
import { withoutProse } from "../frameworks/prose.js";
import { compileNode } from "../logic/compile.js";
import type { Evaluator } from "../logic/operator.js";
import type { OperatorSet } from "../logic/operator-set.js";
import { compileTemplate, type Template } from "../logic/template.js";
import { splitPath } from "../logic/var-path.js";
import type { Severity } from "../model/enums.js";
import type {
  CollateralRule,
  Criterion,
  DealQuestion,
  FindingRule,
  QuestionDef,
  StatusRule,
} from "../model/framework.js";
import { type EvidencePath, evidencePaths, pathsRead } from "./evidence.js";
import { fingerprint } from "./hash.js";

/** Named values computed from the deal, used by templates. */
export type CompiledBindings = ReadonlyArray<readonly [string, Evaluator]>;

/** A status rule, compiled. */
export interface CompiledStatusRule {
  /** The rule as written. */
  readonly def: StatusRule;
  /** Its condition. */
  readonly when: Evaluator;
  /** The deal paths its condition reads, sorted, for evidence. */
  readonly paths: readonly EvidencePath[];
  /** Its reason, compiled. */
  readonly reason: Template;
}

/** A criterion, compiled. */
export interface CompiledCriterion {
  /** The criterion as defined. */
  readonly def: Criterion;
  /** Its bindings. */
  readonly bindings: CompiledBindings;
  /** Its status rules, in order. */
  readonly rules: readonly CompiledStatusRule[];
  /** Every path any of its rules reads, sorted. */
  readonly paths: readonly EvidencePath[];
  /** What the seller does not know, compiled: shown when the status is unknown. */
  readonly unknown: Template;
  /** `framework/criterion`, as questions cite it. */
  readonly key: string;
  /** `frameworks.<id>.criteria.<id>`: where a failure of its rules is reported. */
  readonly where: string;
  /** `Criterion framework/criterion`: how a failure names it. */
  readonly failureName: string;
  /** Its share of the framework's weight (0-1). */
  readonly share: number;
  /** "Framework Criterion (status)" for each status a question can serve, made once. */
  readonly open: Readonly<Record<"partial" | "unmet" | "unknown", string>>;
  /** Its questions, each with the key that merges it with the same question elsewhere (`topic/id`). */
  readonly questions: ReadonlyArray<{
    readonly def: QuestionDef;
    readonly key: string;
    /** Its `answeredBy` paths, split once. */
    readonly answered?: readonly (readonly string[])[];
    /** Its `answeredWhen` condition, compiled. */
    readonly answeredWhen?: Evaluator;
  }>;
}

/** A finding or collateral rule, compiled. */
export interface CompiledDealRule<T> {
  /** The rule as written. */
  readonly def: T;
  /** Its bindings. */
  readonly bindings: CompiledBindings;
  /** Its condition. */
  readonly when: Evaluator;
  /** For findings: the ids of the stakeholders concerned. */
  readonly stakeholders?: Evaluator;
  /** The finding's message, the collateral's why or the question's text, compiled. */
  readonly text: Template;
  /** For findings: severity by circumstance, first match wins. */
  readonly severityWhen?: ReadonlyArray<{ readonly when: Evaluator; readonly severity: Severity }>;
  /** For findings: the message on a closed deal. */
  readonly lesson?: Template;
}

/** A framework or rule set, compiled once and evaluated many times. */
export interface CompiledFramework {
  /** The framework as defined. */
  readonly def: FrameworkDef;
  /** Its criteria. */
  readonly criteria: readonly CompiledCriterion[];
  /** The sum of its criteria's weights. */
  readonly totalWeight: number;
  /** Fingerprint of its data, for report metadata. */
  readonly hash: string;
  /** Its finding rules. */
  readonly findings: readonly CompiledDealRule<FindingRule>[];
  /** Its collateral rules. */
  readonly collateral: readonly CompiledDealRule<CollateralRule>[];
  /** Its questions about the deal as a whole. */
  readonly questions: readonly CompiledDealRule<DealQuestion>[];
}

/** Compiles every rule of a validated framework against an operator set. */
export function compileFramework(
  def: FrameworkDef,
  operators: OperatorSet,
  compile: (logic: unknown) => Evaluator = (logic) => compileNode(logic, operators, false),
  knownHash?: string,
): CompiledFramework {
  const bindings = (b: Record<string, unknown> | undefined): CompiledBindings =>
    Object.entries(b ?? {}).map(([name, logic]) => [name, compile(logic)] as const);
  const dealRule = <T extends FindingRule | CollateralRule | DealQuestion>(r: T): CompiledDealRule<T> => ({
    def: r,
    bindings: bindings(r.let),
    when: compile(r.when),
    ...("stakeholders" in r && r.stakeholders !== undefined ? { stakeholders: compile(r.stakeholders) } : {}),
    ...("severityWhen" in r && r.severityWhen
      ? { severityWhen: r.severityWhen.map((s) => ({ when: compile(s.when), severity: s.severity })) }
      : {}),
    ...("lesson" in r && r.lesson ? { lesson: compileTemplate(r.lesson) } : {}),
    text: compileTemplate("message" in r ? r.message : "why" in r ? r.why : r.text),
  });
  const totalWeight = def.criteria.reduce((sum, c) => sum + c.weight, 0);
  const criteria = def.criteria.map((c): CompiledCriterion => {
    const rules = (c.status ?? []).map((s) => ({
      def: s,
      when: compile(s.when),
      paths: evidencePaths(pathsRead(s.when, operators)),
      reason: compileTemplate(s.reason),
    }));
    const paths = evidencePaths(rules.flatMap((r) => r.paths.map((p) => p.path)));
    // Strings every report reuses are made once, here, not per deal.
    return {
      def: c,
      bindings: bindings(c.let),
      rules,
      paths,
      unknown: compileTemplate(c.unknown),
      key: `${def.id}/${c.id}`,
      where: `frameworks.${def.id}.criteria.${c.id}`,
      failureName: `Criterion ${def.id}/${c.id}`,
      share: c.weight / totalWeight,
      open: {
        partial: `${def.name} ${c.name} (partial)`,
        unmet: `${def.name} ${c.name} (unmet)`,
        unknown: `${def.name} ${c.name} (unknown)`,
      },
      questions: c.questions.map((q) => ({
        def: q,
        key: `${q.topic}/${q.id}`,
        ...(q.answeredBy ? { answered: q.answeredBy.map((path) => splitPath(path)) } : {}),
        ...(q.answeredWhen !== undefined ? { answeredWhen: compile(q.answeredWhen) } : {}),
      })),
    };
  });
  return {
    def,
    criteria,
    totalWeight,
    // Over the rules, not the prose: a corrected description is not a rule change.
    // A built-in's hash is worked out when the package is built (the same function, over the same data).
    hash: knownHash ?? fingerprint(withoutProse(def)),
    findings: def.findings.map(dealRule),
    collateral: def.collateral.map(dealRule),
    questions: def.questions.map(dealRule),
  };
}
