import { domainOperators } from "../logic/domain-operators.js";
import { LIMITS } from "../logic/limits.js";
import { createOperatorSet, type OperatorSet } from "../logic/operator-set.js";
import type { Criterion, FrameworkInput } from "../model/framework.js";
import { modelSchemas } from "../model/model-side.js";
import { customSide } from "../validation/custom-side.js";
import { didYouMean } from "../validation/did-you-mean.js";
import { fromZod } from "../validation/from-zod.js";
import { capIssues, failure, type Issue, type SafeParseResult } from "../validation/issue.js";
import { builtinCatalogue } from "./builtin-catalogue.js";
import { expandDefinitions } from "./definitions.js";
import {
  acceptFramework,
  acceptRuleSet,
  copyFramework,
  copyRuleSet,
} from "./framework-acceptor.generated.js";
import {
  checkCriteria,
  checkFileRules,
  checkGates,
  createChecker,
  duplicateIds,
  type FrameworkParseOptions,
} from "./framework-checker.js";
import type { FrameworkDef } from "./framework-def.js";
import { mergeCriteria, mergeRules, type PartialCriterion } from "./merge-extends.js";
import { isObj, rawRules, rawTemplates, sizeIssues } from "./raw-framework.js";

/**
 * Checks a framework or rule-set file as a list of passes, each adding its issues: size, shape (with every
 * readable rule checked even when the shape is wrong), the base it extends, its criteria merged with the
 * base and the shared `library` (asked for only when needed), its findings, collateral and questions, its
 * gates. Every problem comes out in one run; the definition is built only when there is none.
 */
export function checkFramework(
  raw: unknown,
  given: FrameworkParseOptions,
  library: () => ReadonlyMap<string, Criterion>,
): SafeParseResult<FrameworkDef> {
  // Named definitions first ({"ref": "deciders"}): everything after sees the file written out in full.
  const expanded = expandDefinitions(raw);
  // Past the expansion's limits the file is not read further: what it would expand to is unknown.
  if (expanded.issues.some((i) => i.code === "too-large" || i.code === "too-deep"))
    return failure("invalid-rule-set", capIssues(expanded.issues));
  const result = checkExpanded(expanded.value, given, library);
  if (expanded.issues.length === 0) return result;
  return failure(
    "invalid-rule-set",
    capIssues([...expanded.issues, ...(result.success ? [] : result.issues)]),
  );
}

function checkExpanded(
  input: unknown,
  given: FrameworkParseOptions,
  library: () => ReadonlyMap<string, Criterion>,
): SafeParseResult<FrameworkDef> {
  const options = withOwnSchema(input, given);
  const isRuleSet = isObj(input) && input.kind === "ruleset";
  const oversized = sizeIssues(input);
  if (oversized.length > 0) return failure("invalid-rule-set", oversized);
  const operators = options.operators ?? createOperatorSet(domainOperators);

  // A file the generated acceptor takes needs no zod; only one it does not is explained by zod. Either way
  // the definition holds a copy as zod writes it (keys in the schema's order: the same definition, the
  // same hash), never the caller's objects.
  const parsed = (isRuleSet ? acceptRuleSet : acceptFramework)(input)
    ? { success: true as const, data: (isRuleSet ? copyRuleSet : copyFramework)(input) }
    : (isRuleSet ? modelSchemas().RuleSet : modelSchemas().Framework).safeParse(input);
  if (!parsed.success) {
    const schema = isRuleSet ? modelSchemas().RuleSet : modelSchemas().Framework;
    return shapeFailure(input, fromZod(parsed.error.issues, schema, input), operators, options);
  }
  const file = parsed.data as FrameworkInput;
  const issues: Issue[] = [];
  const ck = createChecker(operators, options, issues);
  const base = baseOf(file, options, issues);
  duplicateIds(
    file.criteria ?? [],
    "criteria",
    (id) => `Criterion id "${id}" is used twice in this file`,
    issues,
  );
  const merged = isRuleSet ? [] : mergeCriteria(base, file, issues, library());
  const unknownBase = file.extends !== undefined && !base;
  issues.push(...criteriaLimits(merged, isRuleSet, unknownBase));
  const criteria = checkCriteria(merged, unknownBase, options.rules, ck);
  checkFileRules(file, ck);
  const gates = checkGates(
    file,
    base,
    criteria.map((c) => c.id),
    issues,
  );
  const warnings = issues.filter((i) => i.severity === "warning");
  if (warnings.length < issues.length) return failure("invalid-rule-set", capIssues(issues));
  return { success: true, data: definition(file, base, { isRuleSet, criteria, gates, warnings }) };
}

/**
 * Alone (no qualifier's deal schema given), a file's `custom.` paths are checked against its own
 * customSchema, as a qualifier loading it would.
 */
function withOwnSchema(input: unknown, options: FrameworkParseOptions): FrameworkParseOptions {
  if (options.dealSchema || !isObj(input) || !isObj(input.customSchema)) return options;
  const typed = customSide().dealWithCustom([{ schema: input.customSchema, where: "customSchema" }], []);
  return typed ? { ...options, dealSchema: typed.deal } : options;
}

/**
 * The shape is wrong somewhere, but everything that can be read is still checked: the base it extends,
 * every rule, every message template. All the problems of a file come out in one run, not one layer at a
 * time.
 */
function shapeFailure(
  input: unknown,
  shape: Issue[],
  operators: OperatorSet,
  options: FrameworkParseOptions,
): SafeParseResult<FrameworkDef> {
  const found: Issue[] = [];
  const ck = createChecker(operators, options, found);
  const extendsId = isObj(input) ? input.extends : undefined;
  if (typeof extendsId === "string") baseOf({ extends: extendsId } as FrameworkInput, options, found);
  for (const [rule, path] of rawRules(input)) ck.logic(rule, path);
  for (const [text, path, bindings, extra] of rawTemplates(input)) ck.templates(text, path, bindings, extra);
  const seen = new Set(shape.map((i) => `${i.path}|${i.code}`));
  const extra = found.filter((i) => !seen.has(`${i.path}|${i.code}`) && i.severity !== "warning");
  return failure("invalid-rule-set", capIssues([...shape, ...extra]));
}

/** The framework a file extends, or undefined (an unknown one is an issue with "did you mean"). */
function baseOf(
  file: FrameworkInput,
  options: FrameworkParseOptions,
  issues: Issue[],
): FrameworkDef | undefined {
  if (!file.extends) return undefined;
  // Without a catalogue, a file may extend the built-in frameworks (the common case for a company file).
  const known = options.frameworks ?? builtinCatalogue();
  const base = known.get(file.extends);
  if (base) return base;
  const suggestion = didYouMean(file.extends, known.keys());
  issues.push({
    path: "extends",
    code: "unknown-framework",
    message: `No framework "${file.extends}" to extend${suggestion ? `; did you mean "${suggestion}"?` : `; known: ${[...known.keys()].join(", ")}`}`,
    ...(suggestion ? { suggestion } : {}),
  });
  return undefined;
}

/** How many criteria a framework has, and what their weights add up to. */
function criteriaLimits(
  merged: ReadonlyArray<{ criterion: PartialCriterion }>,
  isRuleSet: boolean,
  unknownBase: boolean,
): Issue[] {
  const issues: Issue[] = [];
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
  if (!isRuleSet && merged.length === 0 && !unknownBase)
    issues.push({ path: "criteria", code: "too-small", message: "A framework needs at least one criterion" });
  return issues;
}

/** The validated definition: the file over its base (origin is never inherited). */
function definition(
  file: FrameworkInput,
  base: FrameworkDef | undefined,
  parts: {
    isRuleSet: boolean;
    criteria: Criterion[];
    gates: NonNullable<FrameworkDef["gates"]>;
    warnings: Issue[];
  },
): FrameworkDef {
  const { isRuleSet, criteria, gates, warnings } = parts;
  const { findings, collateral, questions } = mergeRules(base, file);
  return {
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
}
