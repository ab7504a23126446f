import { mappingKey } from "./mapping.js";
import type { Notes } from "./read.js";

/** One role value as read from the records, with where it is. */
export interface RoleValue {
  readonly value: string;
  readonly path: string;
}

/**
 * Whether the role values look like a CRM's default rather than anyone's judgement: two or more, and
 * every one the same (every contact "Decision Maker"). Then none is believed, and a warning says why and
 * how to believe them anyway (map the value under another name, or fill the roles in).
 */
export function isCrmDefault(values: readonly RoleValue[], where: string, notes: Notes): boolean {
  if (values.length < 2) return false;
  const first = mappingKey((values[0] as RoleValue).value);
  if (!values.every((v) => mappingKey(v.value) === first)) return false;
  notes.warn(
    where,
    "crm-default-role",
    `every one of the ${values.length} contact roles is ${JSON.stringify((values[0] as RoleValue).value)}: that is the CRM's default, not a judgement, so none is taken as a role; record each person's real role`,
  );
  return true;
}
