import { currencySuggestion, isCurrencyCode } from "../model/currency.js";
import { describeValue } from "../validation/describe.js";
import { failure, withSegments } from "../validation/failure.js";
import { assemble } from "./assemble.js";
import { didYouMean, formatPath, IsoDay, QualifyError, type SafeParseResult } from "./core.js";
import type { Draft } from "./draft.js";
import { type CrmMapping, CrmMappingOverride, mergeMapping } from "./mapping.js";
import type { CrmOptions, CrmResult } from "./options.js";
import { isRec, Notes, type Rec, Unread } from "./read.js";
import { Tables } from "./tables.js";

/** How one CRM's records are read into a draft deal. */
export type ReadRecords = (root: Rec, tables: Tables, unread: Unread) => Draft | undefined;

/** Checks options and records, reads them, applies the confidence policy: every problem at once. */
export function runAdapter(
  records: unknown,
  options: CrmOptions | undefined,
  defaults: CrmMapping,
  read: ReadRecords,
): SafeParseResult<CrmResult> {
  const opts = options ?? {};
  const notes = new Notes(opts.strict === true);
  const mapping = mergeMapping(defaults, checkedOverride(opts.mapping, notes));
  if (opts.asOf !== undefined && !IsoDay.safeParse(opts.asOf).success)
    notes.error(
      "options.asOf",
      "invalid-date",
      `expected a real day written YYYY-MM-DD; got ${describeValue(opts.asOf)}`,
    );
  if (opts.closeDate !== undefined && opts.closeDate !== "ignore" && opts.closeDate !== "decisionBy")
    notes.error(
      "options.closeDate",
      "invalid-option",
      `expected "ignore" or "decisionBy"; got ${describeValue(opts.closeDate)}`,
    );
  if (opts.emails !== undefined && opts.emails !== "ignore" && opts.emails !== "inbound")
    notes.error(
      "options.emails",
      "invalid-option",
      `expected "ignore" or "inbound"; got ${describeValue(opts.emails)}`,
    );
  if (opts.strict !== undefined && typeof opts.strict !== "boolean")
    notes.error(
      "options.strict",
      "invalid-option",
      `expected true or false; got ${describeValue(opts.strict)}`,
    );
  if (opts.currency !== undefined && !isCurrencyCode(opts.currency)) {
    const near = typeof opts.currency === "string" ? currencySuggestion(opts.currency) : undefined;
    notes.error(
      "options.currency",
      "invalid-currency",
      `expected an ISO 4217 code (three capital letters, e.g. EUR); got ${describeValue(opts.currency)}${near ? `; did you mean "${near}"?` : ""}`,
    );
  }
  if (!isRec(records)) {
    notes.error("", "not-records", `expected an object of CRM records; got ${describeValue(records)}`);
    return failure("invalid-input", notes.errors);
  }
  if (notes.errors.length > 0) return failure("invalid-input", notes.errors);
  const tables = new Tables(mapping, notes);
  const unread = new Unread(new Set(mapping.ignore));
  const draft = read(records, tables, unread);
  if (!draft || notes.errors.length > 0) return failure("invalid-input", notes.errors);
  unread.report(notes);
  const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
  const deal = assemble(draft, mapping, opts, asOf, notes);
  if (!deal || notes.errors.length > 0) return failure("invalid-input", notes.errors);
  return { success: true, data: { deal, warnings: withSegments(notes.warnings) } };
}

/** The result, or a QualifyError carrying every problem. */
export function orThrow(result: SafeParseResult<CrmResult>, what: string): CrmResult {
  if (result.success) return result.data;
  throw new QualifyError(what, result.issues);
}

function checkedOverride(override: unknown, notes: Notes): CrmMappingOverride | undefined {
  if (override === undefined) return undefined;
  const parsed = CrmMappingOverride.safeParse(override);
  if (parsed.success) return parsed.data as CrmMappingOverride;
  for (const i of parsed.error.issues) {
    if (i.code === "unrecognized_keys") {
      for (const key of i.keys) {
        const near = didYouMean(key, Object.keys(CrmMappingOverride.shape));
        notes.error(
          formatPath(["mapping", ...i.path, key]),
          "invalid-mapping",
          `unknown field${near ? `; did you mean "${near}"?` : ""}`,
        );
      }
    } else notes.error(formatPath(["mapping", ...i.path]), "invalid-mapping", i.message);
  }
  return undefined;
}
