import { z } from "zod";
import { Role } from "../model/enums.js";
import { Stakeholder } from "../model/stakeholder.js";
import { daysBetween } from "./dates.js";
import { toText } from "./json-value.js";
import { defineOperator, type Operator } from "./operator.js";
import {
  hasAnyRole,
  isLost,
  metWithRole,
  type Person,
  peopleOf,
  reportsToRole,
  silentDays,
} from "./people-index.js";

const People = z.array(Stakeholder);

const stakeholdersOf = (root: unknown): readonly Person[] => peopleOf(root).list;
const listOr = (value: unknown, root: unknown): readonly Person[] =>
  value === undefined ? stakeholdersOf(root) : Array.isArray(value) ? (value as Person[]) : [];
function resolve(who: unknown, root: unknown): Person | undefined {
  if (typeof who === "string") return peopleOf(root).byId.get(who);
  return typeof who === "object" && who !== null && !Array.isArray(who) ? (who as Person) : undefined;
}

/** Joins names the way a person would: "A", "A and B", "A, B and C". */
export function humanList(items: readonly unknown[]): string {
  const words = items.map((i) =>
    typeof i === "object" && i !== null && !Array.isArray(i) && "name" in i
      ? toText((i as Person).name)
      : toText(i),
  );
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
      'The deal\'s stakeholders confirmed in any of the given roles: {"with-role": ["economic-buyer"]}.',
    arity: { min: 1 },
    literals: { from: 0, values: Role.options, what: "a role" },
    returns: People,
    evaluate: (roles, { root }) => {
      const wanted = roles.some(Array.isArray) ? roles.flat() : roles;
      return stakeholdersOf(root).filter((p) => hasAnyRole(p, wanted));
    },
  }),
  defineOperator({
    name: "engaged",
    rootOnly: true,
    reads: ["stakeholders", "interactions"],
    description:
      'The stakeholders we have spoken with and who are still live contacts (not departed, heard from within 90 days): of the deal, or of a given list: {"engaged": [{"with-role": ["champion"]}]}.',
    arity: { min: 0, max: 1 },
    returns: People,
    evaluate: ([list], { root, asOf }) => {
      const index = peopleOf(root);
      return listOr(list, root).filter((p) => p?.engaged === true && !isLost(index, p, asOf));
    },
  }),
  defineOperator({
    name: "lost",
    rootOnly: true,
    reads: ["stakeholders", "interactions"],
    description:
      'The stakeholders lost as contacts: departed, or not heard from (lastContact or their latest interaction) for 90 days or more; of the deal, or of a given list: {"lost": [{"with-role": ["champion"]}]}.',
    arity: { min: 0, max: 1 },
    returns: People,
    evaluate: ([list], { root, asOf }) => {
      const index = peopleOf(root);
      return listOr(list, root).filter((p) => typeof p === "object" && p !== null && isLost(index, p, asOf));
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
      'Whether a stakeholder (object or id) holds any of the roles: {"has-role": [{"var": ""}, "champion"]}.',
    arity: { min: 2 },
    literals: { from: 1, values: Role.options, what: "a role" },
    evaluate: ([who, ...roles], { root }) => {
      const p = resolve(who, root);
      return p ? hasAnyRole(p, roles) : false;
    },
  }),
  defineOperator({
    name: "reports-to-role",
    rootOnly: true,
    reads: ["stakeholders"],
    description:
      "Whether a stakeholder has a confirmed reporting line (through reportsTo, at any distance) to someone holding one of the roles.",
    arity: { min: 2 },
    literals: { from: 1, values: Role.options, what: "a role" },
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
      'Whether a stakeholder (object or id) took part in an interaction together with someone holding one of the roles: {"met-with": [{"var": ""}, "economic-buyer"]}.',
    arity: { min: 2 },
    literals: { from: 1, values: Role.options, what: "a role" },
    evaluate: ([who, ...roles], { root }) => {
      const p = resolve(who, root);
      return p ? metWithRole(peopleOf(root), p, roles) : false;
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
