/** What a number written by a CRM (or a person in it) reads as. */
export type WrittenNumber =
  | { readonly value: number; readonly currency?: string; readonly note?: string }
  | { readonly ambiguous: string }
  | undefined;

const SYMBOLS: Readonly<Record<string, string | undefined>> = {
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  "₩": "KRW",
  CHF: "CHF",
  // "$" is the dollar of many countries: the currency stays unknown unless the record names it.
  $: undefined,
};

/**
 * Reads a number as CRMs and people write it: `72000`, `"72000.00"`, `"1,250.00"`, `"1 200"`,
 * `"€72,000"`, `"1.200"` (a 3-digit group: read as thousands, and said), `"12,5"` (a decimal comma).
 * Returns the value (and the currency a symbol names), `{ ambiguous }` with why when it cannot be read
 * one way only, or undefined when it is not a number at all.
 */
export function readNumber(written: string): WrittenNumber {
  let s = written.trim().replace(/[\u00a0\u202f']/g, " ");
  let currency: string | undefined;
  for (const [symbol, code] of Object.entries(SYMBOLS)) {
    if (s.startsWith(symbol) || s.endsWith(symbol)) {
      s = (s.startsWith(symbol) ? s.slice(symbol.length) : s.slice(0, -symbol.length)).trim();
      currency = code;
      break;
    }
  }
  const negative = s.startsWith("-");
  if (negative) s = s.slice(1).trim();
  if (!/^\d[\d ,.]*$/.test(s) || /[ ,.]$/.test(s)) return undefined;
  // Spaces only ever group thousands ("1 200"), and only in groups of three.
  if (s.includes(" ")) {
    if (!/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) return undefined;
    s = s.replace(/ /g, "");
  }
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  let value: number;
  let note: string | undefined;
  if (commas > 0 && dots > 0) {
    // Both: the last one written is the decimal point ("1,250.00", "1.250,00").
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [whole, fraction] = s.split(decimal);
    if (s.split(decimal).length !== 2 || !new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(whole as string))
      return { ambiguous: `${JSON.stringify(written)} mixes separators in a way that reads two ways` };
    value = Number(`${(whole as string).split(group).join("")}.${fraction}`);
  } else if (commas + dots === 0) value = Number(s);
  else {
    const sep = commas > 0 ? "," : ".";
    const parts = s.split(sep);
    const groups = parts.slice(1);
    if (parts.length > 2) {
      // Several of one separator: thousands groups ("1,250,000"), each of three digits.
      if (!groups.every((g) => g.length === 3) || (parts[0] as string).length > 3)
        return {
          ambiguous: `${JSON.stringify(written)} has separators that are neither thousands nor decimals`,
        };
      value = Number(parts.join(""));
    } else if ((groups[0] as string).length === 3 && (parts[0] as string) !== "0") {
      // One separator and three digits after it: a thousands group ("72,000", "1.200"), never 3 decimals.
      value = Number(parts.join(""));
      note = `${JSON.stringify(written)} was read as ${value} (the "${sep}" taken as a thousands separator)`;
    } else value = Number(`${parts[0]}.${groups[0]}`);
  }
  if (!Number.isFinite(value)) return undefined;
  return {
    value: negative ? -value : value,
    ...(currency ? { currency } : {}),
    ...(note ? { note } : {}),
  };
}
