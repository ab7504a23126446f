import { didYouMean } from "./did-you-mean.js";
import type { Issue } from "./issue.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Checks what a schema cannot: stakeholder ids are unique, every reference names a stakeholder,
 * and `reportsTo` has no cycle. Works on raw input, so it reports alongside type errors.
 */
export function checkDealReferences(input: unknown): Issue[] {
  if (!isObj(input)) return [];
  const issues: Issue[] = [];
  const ids = new Map<string, number>();
  const stakeholders = items(input.stakeholders);
  stakeholders.forEach((s, i) => {
    if (!isObj(s) || typeof s.id !== "string") return;
    const first = ids.get(s.id);
    if (first === undefined) ids.set(s.id, i);
    else
      issues.push({
        path: `stakeholders[${i}].id`,
        code: "duplicate-id",
        message: `Stakeholder id "${s.id}" is already used by stakeholders[${first}]`,
      });
  });
  const known = [...ids.keys()];
  const ref = (path: string, value: unknown) => {
    if (typeof value !== "string" || ids.has(value)) return;
    const suggestion = didYouMean(value, known);
    issues.push({
      path,
      code: "dangling-reference",
      message: `"${value}" names no stakeholder${suggestion ? `; did you mean "${suggestion}"?` : known.length ? `; known ids: ${known.join(", ")}` : " (the deal lists no stakeholders)"}`,
      ...(suggestion ? { suggestion } : {}),
    });
  };
  const each = (list: unknown, field: string, at: (i: number) => string) => {
    items(list).forEach((item, i) => {
      if (isObj(item)) ref(at(i), item[field]);
    });
  };
  each(input.stakeholders, "reportsTo", (i) => `stakeholders[${i}].reportsTo`);
  if (isObj(input.budget)) ref("budget.ownerId", input.budget.ownerId);
  each(input.needs, "ownerId", (i) => `needs[${i}].ownerId`);
  each(input.metrics, "agreedBy", (i) => `metrics[${i}].agreedBy`);
  items(input.interactions).forEach((x, i) => {
    if (!isObj(x)) return;
    items(x.stakeholderIds).forEach((id, j) => {
      ref(`interactions[${i}].stakeholderIds[${j}]`, id);
    });
  });
  issues.push(...reportingCycles(stakeholders));
  return issues;
}

function reportingCycles(stakeholders: unknown[]): Issue[] {
  const boss = new Map<string, string>();
  const index = new Map<string, number>();
  stakeholders.forEach((s, i) => {
    if (isObj(s) && typeof s.id === "string" && !index.has(s.id)) {
      index.set(s.id, i);
      if (typeof s.reportsTo === "string") boss.set(s.id, s.reportsTo);
    }
  });
  const issues: Issue[] = [];
  const reported = new Set<string>();
  for (const start of boss.keys()) {
    const seen: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !seen.includes(at)) {
      seen.push(at);
      at = boss.get(at);
    }
    if (at === undefined) continue;
    const loop = seen.slice(seen.indexOf(at));
    const key = [...loop].sort().join("\u0000");
    if (reported.has(key)) continue;
    reported.add(key);
    const first = loop.reduce((a, b) => ((index.get(a) ?? 0) <= (index.get(b) ?? 0) ? a : b));
    issues.push({
      path: `stakeholders[${index.get(first)}].reportsTo`,
      code: "cycle",
      message: `reportsTo goes round in a circle: ${[...rotate(loop, first), first].join(" -> ")}`,
    });
  }
  return issues;
}

function rotate(loop: string[], first: string): string[] {
  const i = loop.indexOf(first);
  return [...loop.slice(i), ...loop.slice(0, i)];
}
