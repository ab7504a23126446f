import { isRecord } from "../model/is-record.js";
import { DEFAULT_POLICY } from "../model/policy-default.js";
/**
 * JsonLogic rules in plain words, for the docs a sales-ops manager reads: "Met when an engaged champion
 * is positive, carries high influence and has met an economic buyer or decision maker in the last 90
 * days". Operators and the domain vocabulary carry the phrases; a plugin's operator uses its `phrase`
 * (or its description); anything else gets a readable fallback, never JSON.
 */

/** A plugin operator's phrase: `{0}`, `{1}`... are its arguments in words, `{args}` all of them. */
export type Phrases = ReadonlyMap<string, string>;

/** The entry of {@link Phrases} that holds the policy's `lostAfterDays` (no operator has this name). */
const LOST_AFTER_DAYS_KEY = "#lostAfterDays";
const lostDays = (phrases: Phrases) =>
  phrases.get(LOST_AFTER_DAYS_KEY) ?? String(DEFAULT_POLICY.lostAfterDays);

type Logic = unknown;
const isObj = isRecord;
const args = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** "A", "A and B", "A, B and C" (or "or"). */
export function joinWords(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

const ROLE_WORDS: Readonly<Record<string, string>> = {
  "economic-buyer": "economic buyer",
  "decision-maker": "decision maker",
  "technical-buyer": "technical buyer",
  "user-buyer": "user buyer",
};
const role = (r: unknown) => ROLE_WORDS[String(r)] ?? String(r);
const roles = (list: readonly unknown[], last = "or") => joinWords(list.flat().map(role), last);

/** Deal fields as a person names them; any other path is its segments in words. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  stage: "the deal's stage",
  amount: "the deal's amount",
  "budget.amount": "the budget's amount",
  type: "the deal type",
  "amount.value": "the deal's amount",
  "budget.status": "the budget's status",
  "budget.amount.value": "the budget's amount",
  "budget.ownerId": "the budget's owner",
  "timeline.decisionBy": "the decision date",
  "timeline.compellingEvent": "the compelling event",
  "timeline.compellingEventKind": "the kind of compelling event",
  "decision.process": "how well the decision process is known",
  "decision.paperProcess": "how well the paper process is known",
  "decision.criteria": "the decision criteria",
  "decision.method": "how the buyer will choose",
  competition: "the alternatives",
  stakeholders: "the stakeholders",
  needs: "the needs",
  metrics: "the metrics",
  agreedBy: "whoever agreed it",
  ownerId: "its owner",
  "": "it",
};

/** A camelCase name in words: "decisionBy" is "decision by". */
const spaced = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** A deal path in words: "budget.amount.value" is "the budget's amount"; "custom.tier" is "custom field tier". */
export function pathInWords(path: string): string {
  if (FIELD_WORDS[path] !== undefined) return FIELD_WORDS[path] as string;
  if (path.startsWith("custom.")) return `the custom field ${path.slice(7)}`;
  const words = path.split(".").map(spaced).join(" ");
  return `the ${words}`;
}

const literal = (v: unknown): string =>
  typeof v === "string" ? `"${v}"` : Array.isArray(v) ? joinWords(v.map(literal), "or") : String(v);

const COMPARE: Readonly<Record<string, string>> = {
  "==": "is",
  "===": "is",
  "!=": "is not",
  "!==": "is not",
  "<": "is less than",
  "<=": "is at most",
  ">": "is more than",
  ">=": "is at least",
};

/** Renders a sub-expression; `item` when inside `some`/`filter`/...: a path then names the item's field. */
type Render = (l: Logic, item?: boolean) => string;

/** Fields of a list's items that read better named than spelt out. */
const ITEM_WORDS: Readonly<Record<string, string>> = {
  agreedBy: "the person who agreed it",
  ownerId: "its owner",
  kind: "its kind",
  position: "its position",
  fit: "how well you fit it",
};

/** A path relative to the item of a list: "their sentiment". */
function itemPath(path: string): string {
  if (path === "") return "they";
  if (ITEM_WORDS[path] !== undefined) return ITEM_WORDS[path] as string;
  return `their ${path.split(".").map(spaced).join(" ")}`;
}

/** "a decision maker", "an economic buyer". */
const article = (words: string) => `${/^[aeiou]/i.test(words) ? "an" : "a"} ${words}`;
/** The verb agreeing with its subject: "they hold", "the budget's owner holds". */
const verb = (subject: string, singular: string, plural: string) =>
  `${subject} ${subject === "they" ? plural : singular}`;

/** A sub-expression used as a condition: a count reads "there is at least one of ...". */
function condition(l: Logic, w: Render): string {
  if (isObj(l) && Object.keys(l).length === 1 && "count" in l)
    return `there is at least one of ${w(args(l.count)[0], false)}`;
  // A bare field as a condition: it holds a value.
  if (isObj(l) && Object.keys(l).length === 1 && "var" in l) return `${w(l)} is recorded`;
  return w(l);
}

/** One operator call in words; `w` renders a sub-expression. */
function call(op: string, a: unknown[], w: Render, phrases: Phrases, item: boolean): string {
  switch (op) {
    case "var": {
      const path = String(Array.isArray(a[0]) ? a[0][0] : (a[0] ?? ""));
      return item ? itemPath(path) : pathInWords(path);
    }
    case "and":
      return joinWords(a.map((x) => condition(x, w)));
    case "or":
      return joinWords(
        a.map((x) => condition(x, w)),
        "or",
      );
    case "!":
      return isObj(a[0]) && "count" in a[0]
        ? `there is none of ${w(args(a[0].count)[0], false)}`
        : `not (${condition(a[0], w)})`;
    case "!!":
      return `${w(a[0])} is known`;
    case "if":
      return a.length >= 3 ? `if ${w(a[0])}, ${w(a[1])}, otherwise ${w(a[2])}` : `if ${w(a[0])}, ${w(a[1])}`;
    case "in":
      return typeof a[0] === "string" && !Array.isArray(a[1])
        ? `${w(a[1])} contains ${literal(a[0])}`
        : `${w(a[0])} is ${Array.isArray(a[1]) ? `one of ${literal(a[1])}` : `in ${w(a[1])}`}`;
    case "count":
      return `the number of ${w(a[0], false)}`;
    case "some":
      return `for one of ${w(a[0])}, ${condition(a[1], (x, i = true) => w(x, i))}`;
    case "all":
      return `for every one of ${w(a[0])}, ${condition(a[1], (x, i = true) => w(x, i))}`;
    case "none":
      return `for none of ${w(a[0])}, ${condition(a[1], (x, i = true) => w(x, i))}`;
    case "filter":
      return `${w(a[0])}, where ${w(a[1], true)}`;
    case "map":
      return `${w(a[1], true)}, for each of ${w(a[0])}`;
    case "with-role":
      return `the people confirmed as ${roles(a)}`;
    case "engaged":
      return a.length === 0
        ? "the people you have engaged"
        : `${w(a[0])} that you have engaged and who are still live contacts`;
    case "lost":
      return a.length === 0
        ? "the people lost as contacts"
        : `${w(a[0])} lost as contacts (left, moved, or silent ${lostDays(phrases)} days or more)`;
    case "live":
      return `${w(a[0])} is still a live contact`;
    case "has-role":
      return `${verb(w(a[0]), "holds", "hold")} the ${roles(a.slice(1))} role`;
    case "reports-to-role":
      return `${verb(w(a[0]), "reports", "report")}, at any distance, to ${article(roles(a.slice(1)))}`;
    case "met-with":
      return `${verb(w(a[0]), "has", "have")} met ${article(roles(a.slice(1)))} in the last ${lostDays(phrases)} days`;
    case "stakeholder":
      return `the person named by ${w(a[0])}`;
    case "over-limit":
      return `the people who say they decide (${a.length ? roles(a) : "economic buyer or decision maker"}) but whose approval limit is below the deal's amount`;
    case "outsiders":
      return `the partner's or advisor's people recorded as ${a.length ? roles(a) : "anything"}`;
    case "rivals":
      return "the alternatives still in play (not eliminated)";
    case "silent-days":
      return `the days since ${w(a[0])} was last heard from`;
    case "days-until":
      return `the days until ${w(a[0])}`;
    case "days-since":
      return `the days since ${w(a[0])}`;
    case "absence":
      return `why ${w(a[0])} is lost as a contact`;
    case "list":
      return w(a[0]);
    case "cat":
      return a.map((x) => (typeof x === "string" ? x : w(x))).join("");
    case "+":
      return joinWords(
        a.map((x) => w(x)),
        "plus",
      );
    case "-":
      return a.length === 1 ? `minus ${w(a[0])}` : `${w(a[0])} minus ${w(a[1])}`;
    case "*":
      return joinWords(
        a.map((x) => w(x)),
        "times",
      );
    case "/":
      return `${w(a[0])} divided by ${w(a[1])}`;
    case "%":
      return `the remainder of ${w(a[0])} divided by ${w(a[1])}`;
    case "min":
    case "max":
      return `the ${op === "min" ? "least" : "greatest"} of ${joinWords(a.map((x) => w(x)))}`;
    default: {
      if (COMPARE[op]) {
        const [x, y, z] = a;
        if (a.length === 3) return `${w(y)} is between ${w(x)} and ${w(z)}`;
        if (y === null && (op === "!==" || op === "!=")) return `${w(x)} is recorded`;
        if (y === null && (op === "===" || op === "==")) return `${w(x)} is not recorded`;
        // "the number of X is more than 0" reads better as "there is at least one X".
        if (isObj(x) && "count" in x && (op === ">" || op === "!=") && y === 0)
          return `there is at least one of ${w(args(x.count)[0])}`;
        return `${w(x)} ${COMPARE[op]} ${w(y)}`;
      }
      const phrase = phrases.get(op);
      if (phrase)
        return phrase.replace(/\{(\d+|args)\}/g, (_, k: string) =>
          k === "args" ? joinWords(a.map((x) => w(x))) : w(a[Number(k)]),
        );
      // A readable fallback: the operator's name in words, with its arguments.
      return `${op.replace(/[-_]/g, " ")} of ${joinWords(a.map((x) => w(x))) || "the deal"}`;
    }
  }
}

/** A JsonLogic expression in words. Conditions read as clauses, values as noun phrases. */
export function inWords(logic: Logic, phrases: Phrases = new Map()): string {
  const w: Render = (l, item = false) => {
    if (Array.isArray(l)) return joinWords(l.map((x) => w(x, item)));
    if (!isObj(l)) return literal(l);
    const keys = Object.keys(l);
    if (keys.length !== 1) return "a value";
    const op = keys[0] as string;
    // Inside a list operator, its sub-expressions keep the item as their subject unless told otherwise.
    const sub: Render = (x, inner = item) => w(x, inner);
    return call(op, args(l[op]), sub, phrases, item);
  };
  // A bare count as a condition: "there is at least one ...".
  if (isObj(logic) && Object.keys(logic).length === 1 && "count" in logic)
    return `there is at least one of ${w(args(logic.count)[0])}`;
  return w(logic);
}

/**
 * A message template in words: `{engagedBuyers}` becomes "engaged buyers" in italics, `{budget.amount}`
 * "the budget's amount": a reader sees what goes there, never a `{token}`.
 */
export function templateInWords(template: string): string {
  return template.replace(/\{([A-Za-z_$][\w$]*(?:\.[\w$-]+)*)\}/g, (_, name: string) =>
    name.startsWith("ask.")
      ? `_${name === "ask.firstName" ? "the first name of the person asked" : "the person asked"}_`
      : name.includes(".") || FIELD_WORDS[name] !== undefined
        ? `_${pathInWords(name.replace(/\.value$/, ""))}_`
        : `_${spaced(name)}_`,
  );
}

/** The phrases of the operators that carry one (plugins' `defineOperator({ phrase })`). */
export function phrasesOf(
  operators: Iterable<{ readonly name: string; readonly phrase?: string }>,
  policy?: { readonly lostAfterDays: number },
): Phrases {
  const out = new Map<string, string>();
  for (const op of operators) if (op.phrase) out.set(op.name, op.phrase);
  // The days of silence the sentences name ("silent 90 days or more") are the qualifier's policy's.
  if (policy) out.set(LOST_AFTER_DAYS_KEY, String(policy.lostAfterDays));
  return out;
}
