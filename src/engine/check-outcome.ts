import { isRecord } from "../model/is-record.js";
import { boundedCopy, JSON_LIMITS, jsonProblems } from "../model/json-value.js";
import { SEVERITIES, STATUSES } from "../model/values.js";
import type { Rule, RuleFinding, RuleOutcome } from "../plugin/define-rule.js";
import { formatPath } from "../validation/issue.js";
import { RuleFailure } from "./rule-failure.js";

const STATUS_SET: ReadonlySet<unknown> = new Set(STATUSES);
const SEVERITY_SET: ReadonlySet<unknown> = new Set(SEVERITIES);
const isObj = isRecord;
const show = (v: unknown) => {
  try {
    const text = JSON.stringify(v) ?? String(typeof v);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof v;
  }
};

/**
 * Checks what a TypeScript rule returned: a status from the enum, a string reason, evidence with
 * paths, findings it declared, with a known severity and a message. Throws a {@link RuleFailure}
 * naming the rule and the first thing wrong, so a bad plugin never makes a report that breaks the
 * report schema (`"score": null`).
 */
export function checkOutcome(rule: Rule, outcome: unknown): RuleOutcome | undefined {
  if (outcome === undefined || outcome === null) return undefined;
  const where = `rules.${rule.id}`;
  const fail = (message: string): never => {
    throw new RuleFailure(where, `Rule "${rule.id}"`, message, "bad-rule-outcome");
  };
  if (!isObj(outcome)) return fail(`it returned ${show(outcome)}, not an outcome object or undefined`);
  const { status, reason, evidence, findings } = outcome;
  if (status !== undefined && !STATUS_SET.has(status))
    fail(`status ${show(status)} is not one of ${STATUSES.join(", ")}`);
  if (reason !== undefined && typeof reason !== "string") fail(`reason ${show(reason)} is not a string`);
  if (evidence !== undefined) {
    if (!Array.isArray(evidence)) fail("evidence is not an array");
    if ((evidence as unknown[]).length > MAX_EVIDENCE)
      fail(`it gave ${(evidence as unknown[]).length} pieces of evidence; at most ${MAX_EVIDENCE}`);
    (evidence as unknown[]).forEach((e, i) => {
      if (!isObj(e) || typeof e.path !== "string") fail(`evidence[${i}] has no string path`);
      const problem = "value" in (e as object) ? valueProblem((e as { value?: unknown }).value) : undefined;
      if (problem) fail(`evidence[${i}].value ${problem}`);
    });
  }
  if (findings !== undefined) {
    if (!Array.isArray(findings)) fail("findings is not an array");
    const declared = new Set(rule.findings ?? []);
    (findings as unknown[]).forEach((f, i) => {
      if (!isObj(f)) return fail(`findings[${i}] is not an object`);
      if (typeof f.id !== "string" || !declared.has(f.id))
        fail(
          `findings[${i}] has id ${show(f.id)}, which the rule does not declare (its findings: ${[...declared].join(", ") || "none"})`,
        );
      if (!SEVERITY_SET.has(f.severity))
        fail(`findings[${i}].severity ${show(f.severity)} is not one of ${SEVERITIES.join(", ")}`);
      if (typeof f.message !== "string" || f.message === "")
        fail(`findings[${i}].message is not a non-empty string`);
      if (
        f.stakeholderIds !== undefined &&
        !(Array.isArray(f.stakeholderIds) && f.stakeholderIds.every((s) => typeof s === "string"))
      )
        fail(`findings[${i}].stakeholderIds is not a list of ids`);
    });
  }
  // A copy: the report never holds the plugin's own objects (which it could change after the fact).
  return {
    ...(status !== undefined ? { status: status as RuleOutcome["status"] & string } : {}),
    ...(reason !== undefined ? { reason: reason as string } : {}),
    ...(evidence !== undefined
      ? {
          evidence: (evidence as Array<{ path: string; value?: unknown }>).map((e) =>
            "value" in e && e.value !== undefined
              ? { path: e.path, value: boundedCopy(e.value) }
              : { path: e.path },
          ),
        }
      : {}),
    ...(findings !== undefined
      ? {
          findings: (findings as RuleFinding[]).map((f) => ({
            id: f.id,
            severity: f.severity,
            message: f.message,
            ...(f.stakeholderIds ? { stakeholderIds: [...f.stakeholderIds] } : {}),
          })),
        }
      : {}),
  } as RuleOutcome;
}

/** Most pieces of evidence one rule may give, and most values in one piece. */
const MAX_EVIDENCE = 100;
const MAX_VALUES = JSON_LIMITS.copyValues;

/**
 * Why an evidence value is not acceptable (not JSON: a function, a BigInt, a cycle; deeper than the copy
 * depth; more than {@link MAX_VALUES} values), or undefined. Stops counting at the bound.
 */
function valueProblem(value: unknown): string | undefined {
  // First the size, bounded whatever the value (a million items; a cycle, which would never end); then
  // what is not JSON, and nesting past the copy depth.
  let count = 0;
  const onPath = new Set<object>();
  const walk = (v: unknown): string | undefined => {
    if (++count > MAX_VALUES) return `holds more than ${MAX_VALUES} values; give a summary instead`;
    if (typeof v !== "object" || v === null) return undefined;
    if (onPath.has(v)) return "contains itself (a cycle): evidence must be JSON";
    const items = Array.isArray(v) ? v : Object.values(v);
    if (count + items.length > MAX_VALUES)
      return `holds more than ${MAX_VALUES} values; give a summary instead`;
    onPath.add(v);
    for (const item of items) {
      const problem = walk(item);
      if (problem) return problem;
    }
    onPath.delete(v);
    return undefined;
  };
  const shape = walk(value);
  if (shape) return shape;
  const problems = jsonProblems(value, JSON_LIMITS.copyDepth, 1);
  if (!problems[0]) return undefined;
  const at = problems[0].path.length > 0 ? ` at ${formatPath(problems[0].path)}` : "";
  return `is not acceptable evidence${at}: ${problems[0].message}`;
}
