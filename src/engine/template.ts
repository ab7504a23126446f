import { humanList } from "../logic/domain-operators.js";

const PLACEHOLDER = /\{([A-Za-z_$][\w$]*(?:\.[\w$-]+)*)\}/g;

/** The placeholder names in a template: `{name}` and `{deal.path}`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Formats a value for a sentence: lists as "A, B and C", money as "120,000 EUR", absent as "unknown". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "unknown";
  if (Array.isArray(value)) return humanList(value);
  if (typeof value === "number")
    return Number.isInteger(value) ? groupDigits(value) : String(Math.round(value * 100) / 100);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") {
    const o = value as { value?: unknown; currency?: unknown; name?: unknown };
    if (typeof o.value === "number")
      return `${groupDigits(o.value)}${typeof o.currency === "string" ? ` ${o.currency}` : ""}`;
    if (typeof o.name === "string") return o.name;
    return JSON.stringify(value);
  }
  return String(value);
}

function groupDigits(n: number): string {
  const [int, frac] = String(Math.abs(n)).split(".");
  const grouped = (int as string).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** A compiled template: fills its placeholders from a lookup. `fixed` is set when it has none. */
export type Template = ((lookup: (name: string) => unknown) => string) & { readonly fixed?: string };

/** Splits a template once into text and placeholders, so rendering it is a join. */
export function compileTemplate(template: string): Template {
  const parts: Array<string | { name: string }> = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ name: m[1] as string });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  if (parts.every((p) => typeof p === "string")) return Object.assign(() => template, { fixed: template });
  return (lookup) => {
    let out = "";
    for (const p of parts) out += typeof p === "string" ? p : formatValue(lookup(p.name));
    return out;
  };
}

/** Fills `{name}` placeholders from `lookup`. */
export function renderTemplate(template: string, lookup: (name: string) => unknown): string {
  return compileTemplate(template)(lookup);
}
