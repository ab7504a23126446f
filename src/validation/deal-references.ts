import { isRecord } from "../model/is-record.js";
import { didYouMean } from "./did-you-mean.js";
import { type Issue, quote } from "./issue.js";

/** How many dangling references per deal get a "did you mean". */
const MAX_SUGGESTIONS = 20;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => isRecord(v);
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
  let dangling = 0;
  const ref = (path: string, value: unknown) => {
    if (typeof value !== "string" || ids.has(value)) return;
    // Suggestions cost an edit distance per known id: only the first few get them (bounded work).
    const suggestion = dangling++ < MAX_SUGGESTIONS ? didYouMean(value, known) : undefined;
    const some = known.slice(0, 3).map((k) => quote(k));
    const rest = known.length > 3 ? ` and ${known.length - 3} more` : "";
    issues.push({
      path,
      code: "dangling-reference",
      message: `${quote(value)} names no stakeholder${suggestion ? `; did you mean ${quote(suggestion)}?` : known.length ? `; known ids: ${some.join(", ")}${rest}` : " (the deal lists no stakeholders)"}`,
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
  if (isObj(input.pilot)) ref("pilot.sponsorId", input.pilot.sponsorId);
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
  // Each person is walked once: 1 while on the line being followed, 2 when settled. Linear in people.
  const state = new Map<string, 1 | 2>();
  for (const start of boss.keys()) {
    if (state.has(start)) continue;
    const line: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !state.has(at)) {
      state.set(at, 1);
      line.push(at);
      at = boss.get(at);
    }
    if (at !== undefined && state.get(at) === 1) {
      const loop = line.slice(line.indexOf(at));
      const first = loop.reduce((a, b) => ((index.get(a) ?? 0) <= (index.get(b) ?? 0) ? a : b));
      issues.push({
        path: `stakeholders[${index.get(first)}].reportsTo`,
        code: "cycle",
        message: `reportsTo goes round in a circle: ${[...rotate(loop, first), first].join(" -> ")}`,
      });
    }
    for (const id of line) state.set(id, 2);
  }
  return issues;
}

function rotate(loop: string[], first: string): string[] {
  const i = loop.indexOf(first);
  return [...loop.slice(i), ...loop.slice(0, i)];
}
