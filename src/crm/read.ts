import { currencySuggestion, isCurrencyCode } from "../model/currency.js";
import { isRecord } from "../model/is-record.js";
import type { IssueCode } from "../validation/issue-codes.js";
import type { Deal, Issue } from "./core.js";
import { IsoDay } from "./core.js";
import { readNumber } from "./numbers.js";

/** A JSON object, as records are. */
export type Rec = Readonly<Record<string, unknown>>;

/** Whether a value is an object (not null, not an array): the one helper, `isRecord`. */
export const isRec: (v: unknown) => v is Rec = isRecord;

/** Collects warnings (something left out, and why) and errors (the input is not what the CRM returns). */
export class Notes {
  readonly warnings: Issue[] = [];
  readonly errors: Issue[] = [];
  /** With `strict`, an incomplete list (a page missing) is an error, not a warning. */
  constructor(readonly strict = false) {}
  warn(path: string, code: IssueCode, message: string): void {
    this.warnings.push({ path, code, message, severity: "warning" });
  }
  error(path: string, code: IssueCode, message: string): void {
    this.errors.push({ path, code, message });
  }
}

/**
 * A number from a CRM value: a number, or text as CRMs and people write it (`"72000.00"`, `"1,250.00"`,
 * `"1 200"`, `"€72,000"`: see `readNumber`). A reading that is not obvious is said in a warning; one that
 * could go two ways, or text that is no number, is a warning and undefined, never a silent zero. null and
 * "" are "not filled in", silently undefined.
 */
export function numberFrom(value: unknown, path: string, notes: Notes): number | undefined {
  return writtenNumber(value, path, notes)?.value;
}

/** {@link numberFrom}, with the currency a symbol in the text names (`"€72,000"`). */
export function writtenNumber(
  value: unknown,
  path: string,
  notes: Notes,
): { value: number; currency?: string } | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? { value } : undefined;
  const read = typeof value === "string" ? readNumber(value) : undefined;
  if (read && "value" in read) {
    if (read.note) notes.warn(path, "ambiguous-number", read.note);
    return read.currency ? { value: read.value, currency: read.currency } : { value: read.value };
  }
  if (read) notes.warn(path, "ambiguous-number", `${read.ambiguous}: left out`);
  else notes.warn(path, "not-a-number", `${show(value)} is not a number: left out`);
  return undefined;
}

/**
 * A day (`YYYY-MM-DD`, UTC) from a CRM date or date-time: `2026-11-20`, `2026-11-20T15:00:00.000+0000`
 * (Salesforce), `2026-11-20T15:00:00Z` or epoch milliseconds (HubSpot). Anything else is a warning.
 */
export function dayFrom(value: unknown, path: string, notes: Notes): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  let day: string | undefined;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) day = value;
  else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    // Salesforce writes offsets without a colon (+0000), which Date reads only with one.
    const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    day = Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined;
  } else if (
    (typeof value === "string" && /^\d{10,13}$/.test(value)) ||
    (typeof value === "number" && Number.isInteger(value))
  ) {
    const ms = Number(value);
    day = ms > 0 && ms < 8.64e15 ? new Date(ms).toISOString().slice(0, 10) : undefined;
  }
  if (day !== undefined && IsoDay.safeParse(day).success) return day;
  notes.warn(path, "not-a-date", `${show(value)} is not a date: left out`);
  return undefined;
}

/** A non-empty string, or undefined (null, "", anything that is not a string). */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** A value shown in a message: quoted, cut at 60 characters. */
export function show(value: unknown): string {
  const s = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

/** The records of a list as the API returns it: an array, or a SOQL subquery `{ totalSize, done, records }`. */
export function recordsOf(value: unknown): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isRec(value) && Array.isArray(value.records)) return value.records;
  if (isRec(value) && Array.isArray(value.results)) return value.results;
  return undefined;
}

/** A value at a dotted path (`opportunity.Account.Industry`), or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  let current = root;
  for (const key of path.split(".")) {
    if (!isRec(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** Fields of records that nothing read and the mapping does not ignore: one warning per kind of record. */
export class Unread {
  readonly #kinds = new Map<string, { fields: Map<string, number>; records: number }>();
  constructor(readonly ignore: ReadonlySet<string>) {}
  /** Notes a record's filled-in fields that are not in `read`. */
  record(kind: string, record: Rec, read: readonly string[]): void {
    let entry = this.#kinds.get(kind);
    if (!entry) {
      entry = { fields: new Map(), records: 0 };
      this.#kinds.set(kind, entry);
    }
    entry.records++;
    for (const [key, value] of Object.entries(record)) {
      if (value === null || value === "" || read.includes(key) || this.ignore.has(key)) continue;
      entry.fields.set(key, (entry.fields.get(key) ?? 0) + 1);
    }
  }
  /** One warning per kind of record that had fields nothing mapped. */
  report(notes: Notes): void {
    for (const [kind, { fields, records }] of this.#kinds) {
      if (fields.size === 0) continue;
      const list = [...fields].map(([f, n]) => (records > 1 ? `${f} (${n} of ${records})` : f));
      notes.warn(
        kind,
        "unmapped-field",
        `not mapped: ${list.join(", ")}; name a field in mapping.custom to keep it, or in mapping.ignore to silence this`,
      );
    }
  }
}

/** The deal's amount: a number (or a string of digits) that is not negative, with its currency if any. */
export function moneyFrom(value: unknown, currency: unknown, path: string, notes: Notes): Deal["amount"] {
  const written = writtenNumber(value, path, notes);
  if (written === undefined) return undefined;
  const amount = written.value;
  if (amount < 0) {
    notes.warn(path, "not-a-number", `a negative amount (${amount}) is not a deal's worth: left out`);
    return undefined;
  }
  const named = text(currency);
  const code = named === undefined ? written.currency : currencyFrom(named, path, notes);
  if (named !== undefined && written.currency !== undefined && code !== written.currency)
    notes.warn(
      path,
      "invalid-currency",
      `the amount is written in ${written.currency} but the record says ${named}: ${code ?? "no currency"} kept`,
    );
  return { value: amount, ...(code ? { currency: code } : {}) };
}

/** An ISO 4217 code from a CRM: `eur` or `€` read as `EUR` with a warning; an unknown one left out, named. */
export function currencyFrom(written: string, path: string, notes: Notes): string | undefined {
  if (isCurrencyCode(written)) return written;
  const suggestion = currencySuggestion(written);
  notes.warn(
    path,
    "invalid-currency",
    suggestion
      ? `the currency ${JSON.stringify(written)} was read as ${suggestion} (ISO 4217)`
      : `the currency ${JSON.stringify(written)} is not an ISO 4217 code: the amount is kept without a currency`,
  );
  return suggestion;
}

/** The buying organisation: its name, industry and head count (a whole number, or a string of digits). */
export function accountFrom(
  name: unknown,
  industry: unknown,
  employees: unknown,
  employeesPath: string,
  notes: Notes,
): Deal["account"] {
  const account: NonNullable<Deal["account"]> = {};
  const n = text(name);
  const i = text(industry);
  const e = numberFrom(employees, employeesPath, notes);
  if (n) account.name = n;
  if (i) account.industry = i;
  if (e !== undefined && Number.isInteger(e) && e >= 0) account.employees = e;
  return Object.keys(account).length > 0 ? account : undefined;
}
