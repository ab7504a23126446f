import type { z } from "zod";
import { toText } from "../model/json-value.js";
import { ROLES } from "../model/values.js";
import { childOf, unwrap } from "../validation/schema-walk.js";
import { daysBetween } from "./dates.js";
import { formatMoney } from "./format-number.js";
import { defineOperator, type Operator } from "./operator.js";
import {
  claimsRole,
  DECIDER_ROLES,
  holdsRole,
  isBuyerSide,
  isLost,
  metWithRole,
  type Person,
  peopleOf,
  reportsToRole,
  silentDays,
  underLimit,
} from "./people-index.js";

/** What the operators that pick people return: the deal schema's list of stakeholders (read when a rule is checked). */
const People = (deal: z.ZodType): z.ZodType | undefined => {
  const people = childOf(deal, "stakeholders");
  return people.kind === "schema" ? unwrap(people.schema) : undefined;
};

const stakeholdersOf = (root: unknown): readonly Person[] => peopleOf(root).list;
const listOr = (value: unknown, root: unknown): readonly Person[] =>
  value === undefined ? stakeholdersOf(root) : Array.isArray(value) ? (value as Person[]) : [];
function resolve(who: unknown, root: unknown): Person | undefined {
  if (typeof who === "string") return peopleOf(root).byId.get(who);
  return typeof who === "object" && who !== null && !Array.isArray(who) ? (who as Person) : undefined;
}

/** One item of a list in words: a person's name, an amount of money, or the value as text. */
function itemText(i: unknown): string {
  if (typeof i !== "object" || i === null || Array.isArray(i)) return toText(i);
  if ("name" in i) return toText((i as Person).name);
  const money = i as { value?: unknown; currency?: unknown };
  return typeof money.value === "number"
    ? formatMoney({ value: money.value, currency: money.currency })
    : toText(i);
}

/** Joins names the way a person would: "A", "A and B", "A, B and C"; amounts of money as "50,000 EUR". */
export function humanList(items: readonly unknown[]): string {
  const words = items.map(itemText);
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** The domain operators every qualifier has: short, readable rules over stakeholders and dates. */
export const domainOperators: readonly Operator[] = [
  defineOperator({
    name: "with-role",
    rootOnly: true,
    reads: ["stakeholders"],
    description:
      'The deal\'s stakeholders confirmed in any of the given roles, and able to hold it: a partner\'s rep or an advisor is never the economic buyer, decision maker or champion, and someone whose approvalLimit is below the deal\'s amount is not its economic buyer or decision maker: {"with-role": ["economic-buyer"]}.',
    arity: { min: 1 },
    literals: { from: 0, values: ROLES, what: "a role" },
    returns: People,
    evaluate: (roles, { root }) => {
      const wanted = roles.some(Array.isArray) ? roles.flat() : roles;
      const index = peopleOf(root);
      return index.list.filter((p) => holdsRole(index, p, wanted));
    },
  }),
  defineOperator({
    name: "engaged",
    rootOnly: true,
    reads: ["stakeholders", "interactions"],
    description:
      'The buyer\'s people we have spoken with and who are still live contacts for this decision (not departed or moved, heard from within 90 days; a partner\'s rep or an advisor is not a thread into the buyer): of the deal, or of a given list: {"engaged": [{"with-role": ["champion"]}]}.',
    arity: { min: 0, max: 1 },
    returns: People,
    evaluate: ([list], { root, asOf, lostAfterDays }) => {
      const index = peopleOf(root);
      return listOr(list, root).filter(
        (p) => p?.engaged === true && isBuyerSide(p) && !isLost(index, p, asOf, lostAfterDays),
      );
    },
  }),
  defineOperator({
    name: "lost",
    rootOnly: true,
    reads: ["stakeholders", "interactions"],
    description:
      'The stakeholders lost as contacts for this decision: departed, moved out of it, or not heard from (lastContact or their latest interaction) for 90 days or more; of the deal, or of a given list: {"lost": [{"with-role": ["champion"]}]}.',
    arity: { min: 0, max: 1 },
    returns: People,
    evaluate: ([list], { root, asOf, lostAfterDays }) => {
      const index = peopleOf(root);
      return listOr(list, root).filter(
        (p) => typeof p === "object" && p !== null && isLost(index, p, asOf, lostAfterDays),
      );
    },
  }),
  defineOperator({
    name: "silent-days",
    rootOnly: true,
    reads: ["stakeholders", "interactions"],
    description:
      'Whole days since a stakeholder (object or id) was last heard from (lastContact or their latest interaction); null when nobody recorded it: {"silent-days": [{"var": ""}]}.',
    arity: { min: 1, max: 1 },
    evaluate: ([who], { root, asOf }) => {
      const p = resolve(who, root);
      return p ? (silentDays(peopleOf(root), p, asOf) ?? null) : null;
    },
  }),
  defineOperator({
    name: "has-role",
    rootOnly: true,
    reads: ["stakeholders"],
    description:
      'Whether a stakeholder (object or id) holds any of the roles, as with-role counts them: {"has-role": [{"var": ""}, "champion"]}.',
    arity: { min: 2 },
    literals: { from: 1, values: ROLES, what: "a role" },
    evaluate: ([who, ...roles], { root }) => {
      const p = resolve(who, root);
      return p ? holdsRole(peopleOf(root), p, roles) : false;
    },
  }),
  defineOperator({
    name: "reports-to-role",
    rootOnly: true,
    reads: ["stakeholders"],
    description:
      "Whether a stakeholder has a confirmed reporting line (through reportsTo, at any distance) to someone holding one of the roles.",
    arity: { min: 2 },
    literals: { from: 1, values: ROLES, what: "a role" },
    evaluate: ([who, ...roles], { root }) => {
      const p = resolve(who, root);
      return p ? reportsToRole(peopleOf(root), p, roles) : false;
    },
  }),
  defineOperator({
    name: "met-with",
    rootOnly: true,
    reads: ["stakeholders", "interactions"],
    description:
      'Whether a stakeholder (object or id) took part, within the last 90 days, in an interaction together with someone who holds one of the roles and is still a live contact: {"met-with": [{"var": ""}, "economic-buyer"]}.',
    arity: { min: 2 },
    literals: { from: 1, values: ROLES, what: "a role" },
    evaluate: ([who, ...roles], { root, asOf, lostAfterDays }) => {
      const p = resolve(who, root);
      return p ? metWithRole(peopleOf(root), p, roles, asOf, lostAfterDays) : false;
    },
  }),
  defineOperator({
    name: "over-limit",
    rootOnly: true,
    reads: ["stakeholders"],
    description:
      'The stakeholders recorded in any of the given deciding roles (default: economic buyer or decision maker) whose approvalLimit is below the deal\'s amount: they say they decide, but cannot sign it alone: {"over-limit": ["economic-buyer"]}.',
    arity: { min: 0, max: 2 },
    literals: { from: 0, values: [...DECIDER_ROLES] as string[], what: "a deciding role" },
    returns: People,
    evaluate: (roles, { root }) => {
      const index = peopleOf(root);
      const wanted = roles.length > 0 ? roles : [...DECIDER_ROLES];
      return index.list.filter((p) => claimsRole(p, wanted) && underLimit(index, p));
    },
  }),
  defineOperator({
    name: "outsiders",
    rootOnly: true,
    reads: ["stakeholders"],
    description:
      'The stakeholders from a partner or an advisor (organisation partner or advisor) recorded in any of the given roles, or in any role: {"outsiders": ["champion"]}.',
    arity: { min: 0 },
    literals: { from: 0, values: ROLES, what: "a role" },
    returns: People,
    evaluate: (roles, { root }) =>
      stakeholdersOf(root).filter(
        (p) => !isBuyerSide(p) && (roles.length === 0 ? true : claimsRole(p, roles)),
      ),
  }),
  defineOperator({
    name: "absence",
    rootOnly: true,
    reads: ["stakeholders", "interactions"],
    description:
      'Why a stakeholder (object or id) is lost as a contact, in words: "has left the organisation (on 2026-03-01)", "has moved out of this decision", "has not been heard from for 120 days"; null when they are not lost: {"absence": [{"var": ""}]}.',
    arity: { min: 1, max: 1 },
    evaluate: ([who], { root, asOf, lostAfterDays }) => {
      const p = resolve(who, root);
      const index = peopleOf(root);
      if (!p || !isLost(index, p, asOf, lostAfterDays)) return null;
      const on = (date: unknown) => (typeof date === "string" ? ` on ${date}` : "");
      if (p.departed === true)
        return `has left the organisation${on((p as { departedOn?: unknown }).departedOn)}`;
      if (p.moved === true)
        return `has moved out of this decision${on((p as { movedOn?: unknown }).movedOn)}`;
      return `has not been heard from for ${silentDays(index, p, asOf)} days`;
    },
  }),
  defineOperator({
    name: "live",
    rootOnly: true,
    reads: ["stakeholders", "interactions"],
    description:
      'Whether a stakeholder (object or id) is a live contact for this decision: known, not departed or moved, heard from within 90 days (unknown recency counts as live): {"live": [{"var": "agreedBy"}]}.',
    arity: { min: 1, max: 1 },
    evaluate: ([who], { root, asOf, lostAfterDays }) => {
      const p = resolve(who, root);
      return p !== undefined && !isLost(peopleOf(root), p, asOf, lostAfterDays);
    },
  }),
  defineOperator({
    name: "rivals",
    rootOnly: true,
    reads: ["competition"],
    description:
      'The alternatives still in play: the deal\'s competition without those the buyer has eliminated: {"rivals": []}.',
    arity: { min: 0, max: 0 },
    evaluate: (_args, { root }) => {
      const list = (root as { competition?: unknown } | null)?.competition;
      return Array.isArray(list)
        ? list.filter((c) => (c as { eliminated?: unknown } | null)?.eliminated !== true)
        : [];
    },
  }),
  defineOperator({
    name: "stakeholder",
    rootOnly: true,
    reads: ["stakeholders"],
    description: 'The stakeholder with the given id, or null: {"stakeholder": {"var": "budget.ownerId"}}.',
    arity: { min: 1, max: 1 },
    evaluate: ([id], { root }) => (typeof id === "string" ? (resolve(id, root) ?? null) : null),
  }),
  defineOperator({
    name: "count",
    rootOnly: true,
    description: "The number of items in a list (0 when it is not a list).",
    arity: { min: 1, max: 1 },
    evaluate: ([list]) => (Array.isArray(list) ? list.length : 0),
  }),
  defineOperator({
    name: "list",
    rootOnly: true,
    description: 'A list as words: names of stakeholders or strings joined "A, B and C".',
    arity: { min: 1, max: 1 },
    evaluate: ([items]) => (Array.isArray(items) ? humanList(items) : ""),
  }),
  defineOperator({
    name: "mentions",
    description:
      'Whether a text contains any of the words, ignoring case (as written anywhere in it: "data" is in "Data residency"); false when it is not text.',
    phrase: "{0} mentions {1}",
    arity: { min: 2, max: 2 },
    evaluate: ([text, words]) => {
      if (typeof text !== "string" || !Array.isArray(words)) return false;
      const lower = text.toLowerCase();
      return words.some((w) => typeof w === "string" && w !== "" && lower.includes(w.toLowerCase()));
    },
  }),
  defineOperator({
    name: "days-until",
    rootOnly: true,
    description: "Whole days from asOf to a date (negative when it has passed); null when unknown.",
    arity: { min: 1, max: 1 },
    evaluate: ([date], { asOf }) => daysBetween(asOf, date),
  }),
  defineOperator({
    name: "days-since",
    rootOnly: true,
    description: "Whole days from a date to asOf; null when unknown.",
    arity: { min: 1, max: 1 },
    evaluate: ([date], { asOf }) => daysBetween(date, asOf),
  }),
];
