import { humanList } from "./domain-operators.js";
import { formatMoney, formatNumber } from "./format-number.js";
import { splitPath } from "./var-path.js";

export { formatNumber };

const PLACEHOLDER = /\{([A-Za-z_$][\w$]*(?:\.[\w$-]+)*)\}/g;

/** The placeholder names in a template: `{name}` and `{deal.path}`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Formats a value for a sentence: lists as "A, B and C", money as "120,000 EUR", absent as "unknown". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "unknown";
  if (Array.isArray(value)) return humanList(value);
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") {
    const o = value as { value?: unknown; currency?: unknown; name?: unknown };
    if (typeof o.value === "number") return formatMoney({ value: o.value, currency: o.currency });
    if (typeof o.name === "string") return o.name;
    return JSON.stringify(value);
  }
  return String(value);
}

/** How a template reads a placeholder: its name, and the name split as a path (done when compiled). */
export type TemplateLookup = (name: string, path?: readonly string[]) => unknown;

/** A compiled template: fills its placeholders from a lookup. `fixed` is set when it has none. */
export type Template = ((lookup: TemplateLookup) => string) & { readonly fixed?: string };

/** Splits a template once into text and placeholders, so rendering it is a join. */
export function compileTemplate(template: string): Template {
  const parts: Array<string | { name: string; path: readonly string[] }> = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ name: m[1] as string, path: splitPath(m[1] as string) });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  if (parts.every((p) => typeof p === "string")) return Object.assign(() => template, { fixed: template });
  return (lookup) => {
    let out = "";
    for (const p of parts) out += typeof p === "string" ? p : formatValue(lookup(p.name, p.path));
    return out;
  };
}

/** Fills `{name}` placeholders from `lookup`. */
export function renderTemplate(template: string, lookup: TemplateLookup): string {
  return compileTemplate(template)(lookup);
}
