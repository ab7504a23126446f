import { LIMITS } from "../logic/limits.js";
import { isRecord } from "../model/is-record.js";
import type { Issue } from "../validation/issue.js";

/** An object that is not an array (a framework file's parts, before their shape is known). */
/** A JSON object (the one helper, `isRecord`, under the name the framework checker uses). */
export const isObj = isRecord;

/** The JsonLogic rules of a raw framework file, with their paths, wherever the file's shape lets them be found. */
export function rawRules(input: unknown): Array<[unknown, string]> {
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

/** A message template of a raw framework file: its text, path, the bindings in scope and extra names. */
export type RawTemplate = [
  text: string,
  path: string,
  bindings: Record<string, unknown> | undefined,
  extra: string[],
];

/** The message templates of a raw framework file, wherever its shape lets them be found. */
export function rawTemplates(input: unknown): RawTemplate[] {
  if (!isObj(input)) return [];
  const out: RawTemplate[] = [];
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const text = (v: unknown, path: string, bindings: unknown, extra: string[] = []) => {
    if (typeof v === "string") out.push([v, path, isObj(bindings) ? bindings : undefined, extra]);
  };
  list(input.criteria).forEach((c, i) => {
    if (!isObj(c)) return;
    const where = `criteria[${i}]`;
    list(c.status).forEach((s, j) => {
      if (isObj(s)) text(s.reason, `${where}.status[${j}].reason`, c.let);
    });
    text(c.unknown, `${where}.unknown`, c.let);
    list(c.questions).forEach((q, j) => {
      if (isObj(q)) text(q.text, `${where}.questions[${j}].text`, c.let, ["ask"]);
    });
  });
  const fields = { findings: ["message", "lesson"], collateral: ["why"], questions: ["text"] } as const;
  for (const [key, names] of Object.entries(fields))
    list(input[key]).forEach((r, i) => {
      if (isObj(r)) for (const name of names) text(r[name], `${key}[${i}].${name}`, r.let);
    });
  return out;
}

/**
 * Lists longer than the limits are refused before anything else is checked: a file with 100,000
 * criteria costs a count, not a minute of validation.
 */
export function sizeIssues(input: unknown): Issue[] {
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
