import type { z } from "zod";
import type { OperatorSet } from "../logic/operator-set.js";
import { placeholders } from "../logic/template.js";
import { validateLogic } from "../logic/validate-logic.js";
import { DEAL_SHAPE } from "../model/deal-shape.generated.js";
import type { Criterion, FrameworkInput } from "../model/framework.js";
import { modelSchemas } from "../model/model-side.js";
import type { Rule } from "../plugin/define-rule.js";
import { didYouMean } from "../validation/did-you-mean.js";
import { fromZod } from "../validation/from-zod.js";
import type { Issue } from "../validation/issue.js";
import { acceptCriterion } from "./framework-acceptor.generated.js";
import type { FrameworkDef } from "./framework-def.js";
import type { PartialCriterion } from "./merge-extends.js";

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

/** The issues of one file being checked, and the two checks every pass makes: rules and templates. */
export interface Checker {
  readonly issues: Issue[];
  /** Checks a JsonLogic rule at `path` (operators, arities, `var` paths). */
  logic(rule: unknown, path: string): void;
  /** Checks a message's `{placeholders}`: each a binding, one of `extra`, or a deal field. */
  templates(
    text: string,
    path: string,
    bindings: Record<string, unknown> | undefined,
    extra?: string[],
  ): void;
}

/** A checker over `operators` and the options' deal schema, collecting into `issues`. */
export function createChecker(
  operators: OperatorSet,
  options: FrameworkParseOptions,
  issues: Issue[],
): Checker {
  // The Deal schema as data (generated): checking var paths needs no zod.
  const schema = options.dealSchema ?? DEAL_SHAPE;
  return {
    issues,
    logic: (rule, path) => {
      issues.push(...validateLogic(rule, { operators, checkArity: true, schema, path }));
    },
    templates: (text, path, bindings, extra = []) => {
      for (const name of placeholders(text)) {
        if ((bindings && Object.hasOwn(bindings, name)) || extra.includes(name.split(".")[0] as string))
          continue;
        const found = validateLogic({ var: name }, { operators, schema, path: `${path}{${name}}` });
        issues.push(
          ...found.map((i) => ({
            ...i,
            message: `Template placeholder {${name}} is neither a binding nor a deal field: ${i.message}`,
          })),
        );
      }
    },
  };
}

/** `Id "x" is used twice` for each repeated id of a list, at `label[i].id`. */
export function duplicateIds(
  list: ReadonlyArray<{ readonly id: string }>,
  label: string,
  message: (id: string) => string,
  issues: Issue[],
): void {
  const ids = new Set<string>();
  list.forEach((item, i) => {
    if (ids.has(item.id))
      issues.push({ path: `${label}[${i}].id`, code: "duplicate-id", message: message(item.id) });
    ids.add(item.id);
  });
}

/**
 * Checks the merged criteria (inherited, shared and the file's own) and returns the complete ones. An
 * inherited criterion left unchanged was checked with its own file; with an unknown base, entries meant to
 * change inherited criteria look incomplete, and only the unknown base is reported.
 */
export function checkCriteria(
  merged: ReadonlyArray<{ criterion: PartialCriterion; path: string | undefined }>,
  unknownBase: boolean,
  rules: ReadonlyMap<string, Rule> | undefined,
  ck: Checker,
): Criterion[] {
  const criteria: Criterion[] = [];
  const seen = new Set<string>();
  for (const { criterion, path } of merged) {
    const where = path ?? `(inherited ${criterion.id})`;
    if (seen.has(criterion.id))
      ck.issues.push({
        path: `${where}.id`,
        code: "duplicate-id",
        message: `Criterion id "${criterion.id}" is used twice`,
      });
    seen.add(criterion.id);
    // A criterion the generated acceptor takes needs no zod; only one it does not is explained by zod.
    const full = acceptCriterion(criterion)
      ? { success: true as const, data: criterion as Criterion }
      : modelSchemas().Criterion.safeParse(criterion);
    if (!full.success && unknownBase) continue;
    if (!full.success) {
      ck.issues.push(
        ...fromZod(full.error.issues, modelSchemas().Criterion, criterion).map((i) => ({
          ...i,
          path: `${where}.${i.path}`,
        })),
      );
      continue;
    }
    criteria.push(full.data);
    if (path) checkCriterion(full.data, where, rules, ck);
  }
  return criteria;
}

/** One criterion the file writes: status or rule, its rules, its templates, its questions. */
function checkCriterion(
  c: Criterion,
  where: string,
  rules: ReadonlyMap<string, Rule> | undefined,
  ck: Checker,
) {
  if (!c.status === !c.rule)
    ck.issues.push({
      path: where,
      code: "status-or-rule",
      message: 'A criterion needs exactly one of "status" (data rules) or "rule" (a TypeScript rule id)',
    });
  if (c.rule && !rules?.has(c.rule)) {
    const suggestion = didYouMean(c.rule, rules?.keys() ?? []);
    ck.issues.push({
      path: `${where}.rule`,
      code: "unknown-rule",
      message: `No TypeScript rule "${c.rule}" is registered${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
    });
  }
  for (const [name, rule] of Object.entries(c.let ?? {})) ck.logic(rule, `${where}.let.${name}`);
  c.status?.forEach((s, j) => {
    ck.logic(s.when, `${where}.status[${j}].when`);
    ck.templates(s.reason, `${where}.status[${j}].reason`, c.let);
  });
  ck.templates(c.unknown, `${where}.unknown`, c.let);
  const questionIds = new Set<string>();
  c.questions.forEach((q, j) => {
    if (questionIds.has(q.id))
      ck.issues.push({
        path: `${where}.questions[${j}].id`,
        code: "duplicate-id",
        message: `Question id "${q.id}" is used twice in this criterion`,
      });
    questionIds.add(q.id);
    ck.templates(q.text, `${where}.questions[${j}].text`, c.let, ["ask"]);
    q.answeredBy?.forEach((path, k) => ck.logic({ var: path }, `${where}.questions[${j}].answeredBy[${k}]`));
    if (q.answeredWhen !== undefined) ck.logic(q.answeredWhen, `${where}.questions[${j}].answeredWhen`);
  });
}

/** The file's own findings, collateral and deal questions: their rules, templates and ids. */
export function checkFileRules(file: FrameworkInput, ck: Checker): void {
  const bindings = (l: Record<string, unknown> | undefined, where: string) => {
    for (const [name, rule] of Object.entries(l ?? {})) ck.logic(rule, `${where}.let.${name}`);
  };
  file.findings?.forEach((f, i) => {
    const where = `findings[${i}]`;
    bindings(f.let, where);
    ck.logic(f.when, `${where}.when`);
    if (f.stakeholders !== undefined) ck.logic(f.stakeholders, `${where}.stakeholders`);
    ck.templates(f.message, `${where}.message`, f.let);
  });
  file.findings?.forEach((f, i) => {
    f.severityWhen?.forEach((s, j) => ck.logic(s.when, `findings[${i}].severityWhen[${j}].when`));
    if (f.lesson) ck.templates(f.lesson, `findings[${i}].lesson`, f.let);
  });
  file.collateral?.forEach((c, i) => {
    const where = `collateral[${i}]`;
    bindings(c.let, where);
    ck.logic(c.when, `${where}.when`);
    ck.templates(c.why, `${where}.why`, c.let);
  });
  file.questions?.forEach((q, i) => {
    const where = `questions[${i}]`;
    bindings(q.let, where);
    ck.logic(q.when, `${where}.when`);
    ck.templates(q.text, `${where}.text`, q.let);
  });
  const twice = (id: string) => `Id "${id}" is used twice`;
  duplicateIds(file.findings ?? [], "findings", twice, ck.issues);
  duplicateIds(file.collateral ?? [], "collateral", twice, ck.issues);
  duplicateIds(file.questions ?? [], "questions", twice, ck.issues);
}

/**
 * Gates: inherited per stage (without the criteria this file drops), a stage given here replacing the
 * base's; every id given here must be a criterion. Calibration coefficients must name criteria too.
 */
export function checkGates(
  file: FrameworkInput,
  base: FrameworkDef | undefined,
  criterionIds: readonly string[],
  issues: Issue[],
): NonNullable<FrameworkDef["gates"]> {
  const inherited = Object.fromEntries(
    Object.entries(base?.gates ?? {}).map(([stage, ids]) => [
      stage,
      (ids ?? []).filter((id) => criterionIds.includes(id)),
    ]),
  );
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
  return { ...inherited, ...(file.gates ?? {}) };
}
