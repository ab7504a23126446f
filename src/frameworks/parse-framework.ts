import type { z } from "zod";
import { placeholders } from "../engine/template.js";
import { domainOperators } from "../logic/domain-operators.js";
import { LIMITS } from "../logic/limits.js";
import { createOperatorSet, type OperatorSet } from "../logic/operator-set.js";
import { validateLogic } from "../logic/validate-logic.js";
import { Deal } from "../model/deal.js";
import { Criterion, Framework, type FrameworkInput, RuleSet } from "../model/framework.js";
import type { Rule } from "../plugin/define-rule.js";
import { didYouMean } from "../validation/did-you-mean.js";
import { fromZod } from "../validation/from-zod.js";
import { capIssues, type Issue, QualifyError, type SafeParseResult } from "../validation/issue.js";
import { builtinCatalogue } from "./builtin-catalogue.js";
import type { FrameworkDef } from "./framework-def.js";
import { mergeCriteria, mergeRules } from "./merge-extends.js";
import { sharedCriteria } from "./shared-criteria.js";

/** What a framework file is checked against. */
export interface FrameworkParseOptions {
  /** Operators its rules may use (default: the standard and domain operators, `createOperatorSet()`). */
  readonly operators?: OperatorSet;
  /** TypeScript rules its criteria may name (default: none). */
  readonly rules?: ReadonlyMap<string, Rule>;
  /** Frameworks it may extend, by id (default: the built-in ones; a qualifier passes its own). */
  readonly frameworks?: ReadonlyMap<string, FrameworkDef>;
  /** Shared criteria its criteria may `use`, by id (default: the built-in ones). */
  readonly library?: ReadonlyMap<string, Criterion>;
  /** The deal schema `var` paths are checked against (default: Deal; a qualifier passes Deal with its typed `custom`). */
  readonly dealSchema?: z.ZodType;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Validates a framework or rule-set file: its shape, `extends`, every JsonLogic rule in it (operators,
 * argument counts, `var` paths against the Deal schema) and every template placeholder, all at once,
 * each problem with its path inside the file.
 */
export function safeParseFramework(
  input: unknown,
  options: FrameworkParseOptions = {},
): SafeParseResult<FrameworkDef> {
  const isRuleSet = isObj(input) && input.kind === "ruleset";
  const schema = isRuleSet ? RuleSet : Framework;
  const oversized = sizeIssues(input);
  if (oversized.length > 0) return { success: false, issues: oversized };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    // The shape is wrong somewhere, but every rule that can be read is still checked: all the problems
    // of a file come out in one run, not one layer at a time.
    const shape = fromZod(parsed.error.issues, schema, input);
    const operators = options.operators ?? createOperatorSet(domainOperators);
    const seen = new Set(shape.map((i) => `${i.path}|${i.code}`));
    const rules = rawRules(input).flatMap(([rule, path]) =>
      validateLogic(rule, { operators, checkArity: true, schema: options.dealSchema ?? Deal, path }),
    );
    const extra = rules.filter((i) => !seen.has(`${i.path}|${i.code}`) && i.severity !== "warning");
    return { success: false, issues: capIssues([...shape, ...extra]) };
  }
  const file = parsed.data as FrameworkInput;
  const issues: Issue[] = [];
  const operators = options.operators ?? createOperatorSet(domainOperators);
  // Without a catalogue, a file may extend the built-in frameworks (the common case for a company file).
  const known = options.frameworks ?? builtinCatalogue();

  let base: FrameworkDef | undefined;
  if (file.extends) {
    base = known.get(file.extends);
    if (!base) {
      const suggestion = didYouMean(file.extends, known.keys());
      issues.push({
        path: "extends",
        code: "unknown-framework",
        message: `No framework "${file.extends}" to extend${suggestion ? `; did you mean "${suggestion}"?` : `; known: ${[...known.keys()].join(", ")}`}`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  const ownIds = new Set<string>();
  file.criteria?.forEach((c, i) => {
    if (ownIds.has(c.id))
      issues.push({
        path: `criteria[${i}].id`,
        code: "duplicate-id",
        message: `Criterion id "${c.id}" is used twice in this file`,
      });
    ownIds.add(c.id);
  });
  const merged = isRuleSet ? [] : mergeCriteria(base, file, issues, options.library ?? sharedCriteria());
  const criteria: Criterion[] = [];
  const logic = (rule: unknown, path: string) =>
    issues.push(
      ...validateLogic(rule, { operators, checkArity: true, schema: options.dealSchema ?? Deal, path }),
    );
  const templates = (
    text: string,
    path: string,
    bindings: Record<string, unknown> | undefined,
    extra: string[] = [],
  ) => {
    for (const name of placeholders(text)) {
      if ((bindings && Object.hasOwn(bindings, name)) || extra.includes(name.split(".")[0] as string))
        continue;
      const found = validateLogic(
        { var: name },
        { operators, schema: options.dealSchema ?? Deal, path: `${path}{${name}}` },
      );
      issues.push(
        ...found.map((i) => ({
          ...i,
          message: `Template placeholder {${name}} is neither a binding nor a deal field: ${i.message}`,
        })),
      );
    }
  };

  if (merged.length > LIMITS.maxCriteria)
    issues.push({
      path: "criteria",
      code: "too-large",
      message: `A framework may have at most ${LIMITS.maxCriteria} criteria; this one has ${merged.length}`,
    });
  const total = merged.reduce((sum, { criterion }) => sum + (Number(criterion.weight) || 0), 0);
  if (!Number.isFinite(total))
    issues.push({
      path: "criteria",
      code: "too-large",
      message: "The criteria's weights add up to more than a number can hold",
    });
  if (!isRuleSet && merged.length === 0 && !(file.extends && !base))
    issues.push({ path: "criteria", code: "too-small", message: "A framework needs at least one criterion" });
  const seen = new Map<string, string>();
  for (const { criterion, path } of merged) {
    const where = path ?? `(inherited ${criterion.id})`;
    if (seen.has(criterion.id))
      issues.push({
        path: `${where}.id`,
        code: "duplicate-id",
        message: `Criterion id "${criterion.id}" is used twice`,
      });
    seen.set(criterion.id, where);
    const full = Criterion.safeParse(criterion);
    // With an unknown base, entries meant to change inherited criteria look incomplete: only the unknown
    // base is reported, never "missing name" for what would have been inherited.
    if (!full.success && file.extends && !base) continue;
    if (!full.success) {
      issues.push(
        ...fromZod(full.error.issues, Criterion, criterion).map((i) => ({
          ...i,
          path: `${where}.${i.path}`,
        })),
      );
      continue;
    }
    const c = full.data;
    criteria.push(c);
    if (!path) continue; // inherited unchanged: already validated with its own file
    if (!c.status === !c.rule) {
      issues.push({
        path: where,
        code: "status-or-rule",
        message: 'A criterion needs exactly one of "status" (data rules) or "rule" (a TypeScript rule id)',
      });
    }
    if (c.rule && !options.rules?.has(c.rule)) {
      const suggestion = didYouMean(c.rule, options.rules?.keys() ?? []);
      issues.push({
        path: `${where}.rule`,
        code: "unknown-rule",
        message: `No TypeScript rule "${c.rule}" is registered${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
      });
    }
    for (const [name, rule] of Object.entries(c.let ?? {})) logic(rule, `${where}.let.${name}`);
    c.status?.forEach((s, j) => {
      logic(s.when, `${where}.status[${j}].when`);
      templates(s.reason, `${where}.status[${j}].reason`, c.let);
    });
    templates(c.unknown, `${where}.unknown`, c.let);
    const questionIds = new Set<string>();
    c.questions.forEach((q, j) => {
      if (questionIds.has(q.id))
        issues.push({
          path: `${where}.questions[${j}].id`,
          code: "duplicate-id",
          message: `Question id "${q.id}" is used twice in this criterion`,
        });
      questionIds.add(q.id);
      templates(q.text, `${where}.questions[${j}].text`, c.let, ["ask"]);
      q.answeredBy?.forEach((path, k) => logic({ var: path }, `${where}.questions[${j}].answeredBy[${k}]`));
    });
  }

  file.findings?.forEach((f, i) => {
    const where = `findings[${i}]`;
    for (const [name, rule] of Object.entries(f.let ?? {})) logic(rule, `${where}.let.${name}`);
    logic(f.when, `${where}.when`);
    if (f.stakeholders !== undefined) logic(f.stakeholders, `${where}.stakeholders`);
    templates(f.message, `${where}.message`, f.let);
  });
  file.findings?.forEach((f, i) => {
    f.severityWhen?.forEach((s, j) => logic(s.when, `findings[${i}].severityWhen[${j}].when`));
    if (f.lesson) templates(f.lesson, `findings[${i}].lesson`, f.let);
  });
  file.collateral?.forEach((c, i) => {
    const where = `collateral[${i}]`;
    for (const [name, rule] of Object.entries(c.let ?? {})) logic(rule, `${where}.let.${name}`);
    logic(c.when, `${where}.when`);
    templates(c.why, `${where}.why`, c.let);
  });
  file.questions?.forEach((q, i) => {
    const where = `questions[${i}]`;
    for (const [name, rule] of Object.entries(q.let ?? {})) logic(rule, `${where}.let.${name}`);
    logic(q.when, `${where}.when`);
    templates(q.text, `${where}.text`, q.let);
  });
  for (const [list, label] of [
    [file.findings ?? [], "findings"],
    [file.collateral ?? [], "collateral"],
    [file.questions ?? [], "questions"],
  ] as const) {
    const ids = new Set<string>();
    list.forEach((item, i) => {
      if (ids.has(item.id))
        issues.push({
          path: `${label}[${i}].id`,
          code: "duplicate-id",
          message: `Id "${item.id}" is used twice`,
        });
      ids.add(item.id);
    });
  }
  // Gates: inherited per stage (without the criteria this file drops), a stage given here replacing the
  // base's; every id given here must be a criterion.
  const criterionIds = criteria.map((c) => c.id);
  const inherited = Object.fromEntries(
    Object.entries(base?.gates ?? {}).map(([stage, ids]) => [
      stage,
      (ids ?? []).filter((id) => criterionIds.includes(id)),
    ]),
  );
  const gates = { ...inherited, ...(file.gates ?? {}) };
  for (const [stage, ids] of Object.entries(file.gates ?? {})) {
    (ids ?? []).forEach((id, i) => {
      if (criterionIds.includes(id)) return;
      const suggestion = didYouMean(id, criterionIds);
      issues.push({
        path: `gates.${stage}[${i}]`,
        code: "unknown-criterion",
        message: `No criterion "${id}" in this framework${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        ...(suggestion ? { suggestion } : {}),
      });
    });
  }
  for (const id of Object.keys(file.calibration?.coefficients ?? {}))
    if (!criterionIds.includes(id))
      issues.push({
        path: `calibration.coefficients.${id}`,
        code: "unknown-criterion",
        message: `No criterion "${id}" in this framework`,
      });
  const warnings = issues.filter((i) => i.severity === "warning");
  if (warnings.length < issues.length) return { success: false, issues: capIssues(issues) };

  const { findings, collateral, questions } = mergeRules(base, file);
  const def: FrameworkDef = {
    kind: isRuleSet ? "ruleset" : "framework",
    id: file.id,
    name: file.name,
    ...(file.summary ? { summary: file.summary } : {}),
    // Origin is not inherited: a company's framework that extends MEDDPICC was not made by its authors.
    ...(file.origin ? { origin: file.origin } : {}),
    ...(file.extends ? { extends: file.extends } : {}),
    ...(file.replaces ? { replaces: true as const } : {}),
    ...(file.scoring ? { scoring: file.scoring } : base?.scoring ? { scoring: base.scoring } : {}),
    ...(file.calibration ? { calibration: file.calibration } : {}),
    ...(Object.values(gates).some((ids) => (ids ?? []).length > 0) ? { gates } : {}),
    ...(file.sources ? { sources: file.sources } : {}),
    ...(file.differences ? { differences: file.differences } : {}),
    ...(file.statusLabels
      ? { statusLabels: file.statusLabels }
      : base?.statusLabels
        ? { statusLabels: base.statusLabels }
        : {}),
    criteria,
    findings,
    collateral,
    questions,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  return { success: true, data: def };
}

/** The JsonLogic rules of a raw framework file, with their paths, wherever the file's shape lets them be found. */
function rawRules(input: unknown): Array<[unknown, string]> {
  if (!isObj(input)) return [];
  const out: Array<[unknown, string]> = [];
  const bindings = (v: unknown, path: string) => {
    if (isObj(v)) for (const [name, rule] of Object.entries(v)) out.push([rule, `${path}.let.${name}`]);
  };
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  list(input.criteria).forEach((c, i) => {
    if (!isObj(c)) return;
    bindings(c.let, `criteria[${i}]`);
    list(c.status).forEach((s, j) => {
      if (isObj(s) && s.when !== undefined) out.push([s.when, `criteria[${i}].status[${j}].when`]);
    });
  });
  for (const key of ["findings", "collateral", "questions"] as const)
    list(input[key]).forEach((r, i) => {
      if (!isObj(r)) return;
      bindings(r.let, `${key}[${i}]`);
      if (r.when !== undefined) out.push([r.when, `${key}[${i}].when`]);
    });
  return out;
}

/**
 * Lists longer than the limits are refused before anything else is checked: a file with 100,000
 * criteria costs a count, not a minute of validation.
 */
function sizeIssues(input: unknown): Issue[] {
  if (!isObj(input)) return [];
  const issues: Issue[] = [];
  const over = (list: unknown, max: number, path: string, what: string) => {
    if (Array.isArray(list) && list.length > max)
      issues.push({ path, code: "too-large", message: `At most ${max} ${what}; found ${list.length}` });
  };
  over(input.criteria, LIMITS.maxCriteria, "criteria", "criteria per framework");
  over(input.findings, LIMITS.maxPerFile, "findings", "findings per file");
  over(input.collateral, LIMITS.maxPerFile, "collateral", "collateral rules per file");
  if (Array.isArray(input.criteria) && input.criteria.length <= LIMITS.maxCriteria)
    input.criteria.forEach((c, i) => {
      if (!isObj(c)) return;
      over(c.status, LIMITS.maxPerCriterion, `criteria[${i}].status`, "status rules per criterion");
      over(c.questions, LIMITS.maxPerCriterion, `criteria[${i}].questions`, "questions per criterion");
    });
  return issues;
}

/** Like {@link safeParseFramework}, but returns the framework or throws one {@link QualifyError}. */
export function parseFramework(input: unknown, options: FrameworkParseOptions = {}): FrameworkDef {
  const result = safeParseFramework(input, options);
  if (!result.success) throw new QualifyError("Invalid framework", result.issues);
  return result.data;
}
