import { isRecord } from "../model/is-record.js";

/** The prose of a framework file's top level: for people reading its docs, never in a report. */
const FILE_PROSE = ["summary", "origin", "sources", "differences"] as const;
/** The prose of a criterion or a finding. */
const ITEM_PROSE = ["description", "source"] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => isRecord(v);

/**
 * A framework file or definition without its prose (summary, origin, sources, differences, and each
 * criterion's and finding's description and source), which only the docs show. A framework's hash is
 * taken over this, so correcting a description is not a rule change; the warehouse UDF bundles the
 * built-ins this way, with `description` kept as `blank` (the schema requires one).
 */
export function withoutProse<T>(file: T, blank?: string): T {
  if (!isObj(file)) return file;
  const out: Obj = { ...file };
  for (const key of FILE_PROSE) delete out[key];
  const lean = (item: unknown) => {
    if (!isObj(item)) return item;
    const copy: Obj = { ...item };
    for (const key of ITEM_PROSE) delete copy[key];
    if (blank !== undefined && "description" in item) copy.description = blank;
    return copy;
  };
  for (const list of ["criteria", "findings"])
    if (Array.isArray(out[list])) out[list] = (out[list] as unknown[]).map(lean);
  return out as T;
}
