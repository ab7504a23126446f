import type { FrameworkDef } from "../frameworks/framework-def.js";
import { compileNode } from "../logic/compile.js";
import type { Evaluator } from "../logic/operator.js";
import type { OperatorSet } from "../logic/operator-set.js";
import type { CollateralRule, Criterion, FindingRule, StatusRule } from "../model/framework.js";
import { type EvidencePath, evidencePaths, pathsRead } from "./evidence.js";
import { compileTemplate, type Template } from "./template.js";

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
  /** The finding's message or the collateral's why, compiled. */
  readonly text: Template;
}

/** A framework or rule set, compiled once and evaluated many times. */
export interface CompiledFramework {
  /** The framework as defined. */
  readonly def: FrameworkDef;
  /** Its criteria. */
  readonly criteria: readonly CompiledCriterion[];
  /** The sum of its criteria's weights. */
  readonly totalWeight: number;
  /** Its finding rules. */
  readonly findings: readonly CompiledDealRule<FindingRule>[];
  /** Its collateral rules. */
  readonly collateral: readonly CompiledDealRule<CollateralRule>[];
}

/** Compiles every rule of a validated framework against an operator set. */
export function compileFramework(
  def: FrameworkDef,
  operators: OperatorSet,
  compile: (logic: unknown) => Evaluator = (logic) => compileNode(logic, operators, false),
): CompiledFramework {
  const bindings = (b: Record<string, unknown> | undefined): CompiledBindings =>
    Object.entries(b ?? {}).map(([name, logic]) => [name, compile(logic)] as const);
  const dealRule = <T extends FindingRule | CollateralRule>(r: T): CompiledDealRule<T> => ({
    def: r,
    bindings: bindings(r.let),
    when: compile(r.when),
    ...("stakeholders" in r && r.stakeholders !== undefined ? { stakeholders: compile(r.stakeholders) } : {}),
    text: compileTemplate("message" in r ? r.message : r.why),
  });
  const criteria = def.criteria.map((c): CompiledCriterion => {
    const rules = (c.status ?? []).map((s) => ({
      def: s,
      when: compile(s.when),
      paths: evidencePaths(pathsRead(s.when, operators)),
      reason: compileTemplate(s.reason),
    }));
    const paths = evidencePaths(rules.flatMap((r) => r.paths.map((p) => p.path)));
    return { def: c, bindings: bindings(c.let), rules, paths, unknown: compileTemplate(c.unknown) };
  });
  return {
    def,
    criteria,
    totalWeight: def.criteria.reduce((sum, c) => sum + c.weight, 0),
    findings: def.findings.map(dealRule),
    collateral: def.collateral.map(dealRule),
  };
}
