import { describeValue } from "../validation/describe.js";
import { pagedRecords } from "./pages.js";
import { isRec, type Notes, type Rec } from "./read.js";

/** The records of a required or optional list, each checked to be an object; errors name the path. */
export function listAt(
  root: Rec,
  key: string,
  what: string,
  notes: Notes,
  opts: { required: boolean; type?: string },
): Rec[] | undefined {
  const value = root[key];
  if (value === undefined || value === null) {
    if (opts.required)
      notes.error(key, "missing", `missing: the ${what} records (an empty list when there are none)`);
    return undefined;
  }
  const list = pagedRecords(value, key, notes, notes.strict);
  if (!list) {
    notes.error(key, "not-a-list", `expected a list of ${what} records; got ${describeValue(value)}`);
    return undefined;
  }
  const out: Rec[] = [];
  list.forEach((r, i) => {
    if (recordOf(r, `${key}[${i}]`, what, notes, opts.type)) out.push(r as Rec);
  });
  return out;
}

/**
 * Whether a value is one record of the expected kind: an object, whose Salesforce `attributes.type`
 * (when present) names that object.
 */
export function recordOf(
  value: unknown,
  path: string,
  what: string,
  notes: Notes,
  type?: string,
): value is Rec {
  if (!isRec(value)) {
    notes.error(
      path,
      "not-a-record",
      `expected ${article(what)} ${what} record; got ${describeValue(value)}`,
    );
    return false;
  }
  const attributes = value.attributes;
  if (
    type !== undefined &&
    isRec(attributes) &&
    typeof attributes.type === "string" &&
    attributes.type !== type
  ) {
    notes.error(
      `${path}.attributes.type`,
      "wrong-object",
      `expected ${article(type)} ${type} record; got ${article(attributes.type)} ${JSON.stringify(attributes.type).slice(1, -1)}`,
    );
    return false;
  }
  return true;
}

/** A required string field; an error naming it when missing. */
export function requiredText(record: Rec, key: string, path: string, notes: Notes): string | undefined {
  const value = record[key];
  if (typeof value === "string" && value.trim() !== "") return value;
  notes.error(
    `${path}.${key}`,
    "missing",
    value === undefined ? "missing" : `expected a non-empty string; got ${describeValue(value)}`,
  );
  return undefined;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");
