import { DEFAULT_POLICY } from "../model/policy-default.js";
import { daysBetween } from "./dates.js";

/** A stakeholder as operators see it: whatever the deal holds (validated deals hold Stakeholders). */
export type Person = {
  id?: unknown;
  name?: unknown;
  roles?: unknown;
  engaged?: unknown;
  reportsTo?: unknown;
  lastContact?: unknown;
  departed?: unknown;
  moved?: unknown;
  organisation?: unknown;
  approvalLimit?: unknown;
};

/** Roles only someone on the buyer's side can hold: a partner's rep or an advisor never does. */
export const BUYER_ONLY_ROLES: ReadonlySet<unknown> = new Set([
  "economic-buyer",
  "decision-maker",
  "champion",
]);
/** Roles that decide: held only by someone who may approve the deal's amount alone. */
export const DECIDER_ROLES: ReadonlySet<unknown> = new Set(["economic-buyer", "decision-maker"]);

/**
 * Days of silence after which a person no longer counts as a live contact: their role is not confirmed.
 * The built-in policy's `lostAfterDays` (frameworks/policy.json); a qualifier passes its own.
 */
export const LOST_AFTER_DAYS: number = DEFAULT_POLICY.lostAfterDays;

/** The stakeholders of one deal, indexed once: lookups by id and reporting-line answers in O(1). */
export interface PeopleIndex {
  /** The stakeholders that are objects, in deal order. */
  readonly list: readonly Person[];
  /** The first stakeholder with each id. */
  readonly byId: ReadonlyMap<unknown, Person>;
  /** Answers of `reports-to-role`, per role list, per stakeholder: each reporting line is walked once. */
  readonly reportsTo: Map<string, Map<Person, boolean>>;
  /** The latest day each person was heard from: `lastContact` or the latest interaction they took part in. */
  readonly lastHeard: ReadonlyMap<unknown, string>;
  /** Per role list, the ids of the people who took part in an interaction with someone else holding one of the roles. */
  readonly metWith: Map<string, ReadonlySet<unknown>>;
  /** The participants of each interaction, and its day. */
  readonly meetings: ReadonlyArray<{ readonly ids: readonly unknown[]; readonly day: string }>;
  /** The deal's amount, for approval limits. */
  readonly amount: { readonly value: number; readonly currency: unknown } | undefined;
  /** Days of silence, per asOf, per last day heard from: each date is read once per evaluation. */
  readonly silence: Map<string, Map<string, number | null>>;
}

// Keyed by the deal object itself and dropped with it: an evaluation's deal is indexed once however many
// rules ask, and nothing outlives the deal (a WeakMap holds no deal alive).
const indexes = new WeakMap<object, PeopleIndex>();

/** The people index of a deal (built on first use, then shared by every rule of the evaluation). */
export function peopleOf(root: unknown): PeopleIndex {
  if (typeof root !== "object" || root === null) return EMPTY;
  let index = indexes.get(root);
  if (index) return index;
  const raw = (root as { stakeholders?: unknown }).stakeholders;
  const list = Array.isArray(raw) ? (raw.filter((p) => typeof p === "object" && p !== null) as Person[]) : [];
  const byId = new Map<unknown, Person>();
  for (const p of list) if (!byId.has(p.id)) byId.set(p.id, p);
  const lastHeard = new Map<unknown, string>();
  const heard = (id: unknown, date: unknown) => {
    if (typeof date !== "string" || date.length < 10) return;
    const day = date.slice(0, 10);
    const before = lastHeard.get(id);
    if (before === undefined || day > before) lastHeard.set(id, day);
  };
  for (const p of list) heard(p.id, p.lastContact);
  const interactions = (root as { interactions?: unknown }).interactions;
  const meetings: { ids: unknown[]; day: string }[] = [];
  if (Array.isArray(interactions))
    for (const i of interactions) {
      const ids = (i as { stakeholderIds?: unknown } | null)?.stakeholderIds;
      if (!Array.isArray(ids)) continue;
      const date = (i as { date?: unknown }).date;
      meetings.push({ ids, day: typeof date === "string" ? date.slice(0, 10) : "" });
      for (const id of ids) heard(id, date);
    }
  const money = (root as { amount?: { value?: unknown; currency?: unknown } }).amount;
  const amount =
    typeof money?.value === "number" ? { value: money.value, currency: money.currency } : undefined;
  index = {
    list,
    byId,
    reportsTo: new Map(),
    lastHeard,
    metWith: new Map(),
    meetings,
    silence: new Map(),
    amount,
  };
  indexes.set(root, index);
  return index;
}
const EMPTY: PeopleIndex = {
  list: [],
  byId: new Map(),
  reportsTo: new Map(),
  lastHeard: new Map(),
  metWith: new Map(),
  meetings: [],
  silence: new Map(),
  amount: undefined,
};

/**
 * Whether a person took part, within the last `lostAfterDays` days, in an interaction together
 * with someone else who holds one of the roles and is still a live contact: shown access to power now,
 * not a meeting months ago with a decider who has since left or gone quiet. Linear in the interactions'
 * participants, once per role list per deal.
 */
export function metWithRole(
  index: PeopleIndex,
  p: Person,
  roles: readonly unknown[],
  asOf: string | undefined,
  lostAfterDays: number = LOST_AFTER_DAYS,
): boolean {
  const key = `${asOf ?? ""}|${lostAfterDays}|${JSON.stringify(roles)}`;
  let met = index.metWith.get(key);
  if (!met) {
    const found = new Set<unknown>();
    for (const { ids, day } of index.meetings) {
      const ago = daysBetween(day, asOf);
      if (ago !== null && ago >= lostAfterDays) continue;
      const holders = ids.filter((id) => {
        const q = index.byId.get(id);
        return q !== undefined && holdsRole(index, q, roles) && !isLost(index, q, asOf, lostAfterDays);
      });
      if (holders.length === 0) continue;
      for (const id of ids) if (holders.some((h) => h !== id)) found.add(id);
    }
    met = found;
    index.metWith.set(key, met);
  }
  return met.has(p.id);
}

/** Whole days since a person was last heard from, as of `asOf`; undefined when nobody recorded it. */
export function silentDays(index: PeopleIndex, p: Person, asOf: string | undefined): number | undefined {
  const last = index.lastHeard.get(p.id);
  if (last === undefined) return undefined;
  let memo = index.silence.get(asOf ?? "");
  if (!memo) {
    memo = new Map();
    index.silence.set(asOf ?? "", memo);
  }
  let days = memo.get(last);
  if (days === undefined) {
    const d = daysBetween(last, asOf);
    days = d === null ? null : Math.max(0, d);
    memo.set(last, days);
  }
  return days === null ? undefined : days;
}

/**
 * Whether a person is lost as a contact for this decision: they left (`departed`), moved out of it
 * (`moved`), or nobody has heard from them for `lostAfterDays` days or more (the policy's). Unknown recency is
 * not lost: absent is "we don't know".
 */
export function isLost(
  index: PeopleIndex,
  p: Person,
  asOf: string | undefined,
  lostAfterDays: number = LOST_AFTER_DAYS,
): boolean {
  if (p.departed === true || p.moved === true) return true;
  const days = silentDays(index, p, asOf);
  return days !== undefined && days >= lostAfterDays;
}

/** Whether a person is on the buyer's side (no `organisation`, or `buyer`), not a partner or an advisor. */
export const isBuyerSide = (p: Person): boolean => p.organisation === undefined || p.organisation === "buyer";

/**
 * Whether a person's approval limit is below the deal's amount (same currency, or either unstated):
 * they cannot sign it alone, whatever they say. Different currencies are never compared.
 */
export function underLimit(index: PeopleIndex, p: Person): boolean {
  const limit = p.approvalLimit as { value?: unknown; currency?: unknown } | undefined;
  const amount = index.amount;
  if (typeof limit?.value !== "number" || !amount) return false;
  if (limit.currency !== undefined && amount.currency !== undefined && limit.currency !== amount.currency)
    return false;
  return limit.value < amount.value;
}

/** Whether the record lists any of the roles for a person, whether or not they can hold it. */
export const claimsRole = (p: Person, roles: readonly unknown[]): boolean =>
  Array.isArray(p.roles) && p.roles.some((r) => roles.includes(r));

/**
 * Whether a person holds any of the roles in fact: the record lists it, and they can hold it. Only
 * someone on the buyer's side is its economic buyer, decision maker or champion; only someone who may
 * approve the deal's amount alone is its economic buyer or decision maker.
 */
export const holdsRole = (index: PeopleIndex, p: Person, roles: readonly unknown[]): boolean =>
  Array.isArray(p.roles) &&
  p.roles.some(
    (r) =>
      roles.includes(r) &&
      (!BUYER_ONLY_ROLES.has(r) || isBuyerSide(p)) &&
      (!DECIDER_ROLES.has(r) || !underLimit(index, p)),
  );

/**
 * Whether `who` has a reporting line (through `reportsTo`, at any distance) to someone holding one of
 * the roles. Answers are remembered along the line, so asking for every stakeholder of a deal is linear
 * in the number of stakeholders, however long the chains.
 */
export function reportsToRole(index: PeopleIndex, who: Person, roles: readonly unknown[]): boolean {
  const key = JSON.stringify(roles);
  let memo = index.reportsTo.get(key);
  if (!memo) {
    memo = new Map();
    index.reportsTo.set(key, memo);
  }
  const known = memo.get(who);
  if (known !== undefined) return known;
  const path: Person[] = [who];
  const onPath = new Set<Person>(path);
  let answer = false;
  let at = typeof who.reportsTo === "string" ? index.byId.get(who.reportsTo) : undefined;
  while (at) {
    if (holdsRole(index, at, roles)) {
      answer = true;
      break;
    }
    const cached = memo.get(at);
    if (cached !== undefined) {
      answer = cached;
      break;
    }
    if (onPath.has(at)) break; // a circle with no role holder on it
    path.push(at);
    onPath.add(at);
    at = typeof at.reportsTo === "string" ? index.byId.get(at.reportsTo) : undefined;
  }
  for (const p of path) memo.set(p, answer);
  return answer;
}
