import type { OperatorSet } from "../logic/operator-set.js";
import { CONTROL_OPERATORS } from "../logic/standard-operators.js";
import { cell } from "./markdown.js";

/** A description's JsonLogic example (`{"with-role": [...]}`) set as code, for rule authors. */
const described = (s: string) => cell(s).replace(/(\{"[^`]*\})(?=\.?$)/, "`$1`");

/** The reference of every operator a qualifier's rules may use (built-in and from plugins): name, arity, what it does. */
export function operatorsPage(operators: OperatorSet, used?: ReadonlySet<string>): string {
  const arity = (a: { min: number; max?: number } | undefined) =>
    a === undefined
      ? "any"
      : a.max === undefined
        ? `${a.min}+`
        : a.min === a.max
          ? `${a.min}`
          : `${a.min}-${a.max}`;
  const out = [
    "# Operators",
    "",
    used === undefined
      ? "Every operator rules may use: JsonLogic's own, the domain operators, and those plugins add."
      : "The operators these rules use: JsonLogic's own, the domain operators, and those plugins add.",
    "",
    "| operator | arguments | what it does |",
    "| --- | --- | --- |",
  ];
  // With `used`, only the operators those rules use: the page documents the rule set, not the library.
  const shown = (name: string) => used === undefined || used.has(name);
  for (const [name, c] of CONTROL_OPERATORS)
    if (shown(name)) out.push(`| \`${name}\` | ${arity(c)} | ${described(c.description)} |`);
  for (const op of operators.values())
    if (shown(op.name)) out.push(`| \`${op.name}\` | ${arity(op.arity)} | ${described(op.description)} |`);
  out.push("");
  return out.join("\n");
}
