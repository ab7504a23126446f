import { Severity, Status } from "../model/enums.js";
import type { Rule, RuleOutcome } from "../plugin/define-rule.js";
import { RuleFailure } from "./rule-failure.js";

const STATUSES: ReadonlySet<unknown> = new Set(Status.options);
const SEVERITIES: ReadonlySet<unknown> = new Set(Severity.options);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
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
  if (status !== undefined && !STATUSES.has(status))
    fail(`status ${show(status)} is not one of ${Status.options.join(", ")}`);
  if (reason !== undefined && typeof reason !== "string") fail(`reason ${show(reason)} is not a string`);
  if (evidence !== undefined) {
    if (!Array.isArray(evidence)) fail("evidence is not an array");
    (evidence as unknown[]).forEach((e, i) => {
      if (!isObj(e) || typeof e.path !== "string") fail(`evidence[${i}] has no string path`);
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
      if (!SEVERITIES.has(f.severity))
        fail(`findings[${i}].severity ${show(f.severity)} is not one of ${Severity.options.join(", ")}`);
      if (typeof f.message !== "string" || f.message === "")
        fail(`findings[${i}].message is not a non-empty string`);
      if (
        f.stakeholderIds !== undefined &&
        !(Array.isArray(f.stakeholderIds) && f.stakeholderIds.every((s) => typeof s === "string"))
      )
        fail(`findings[${i}].stakeholderIds is not a list of ids`);
    });
  }
  return outcome as RuleOutcome;
}
