import { readFile, stat } from "node:fs/promises";
import { safeFromHubSpot } from "../crm/hubspot.js";
import type { CrmOptions, CrmResult } from "../crm/options.js";
import { safeFromSalesforce } from "../crm/salesforce.js";
import { isIsoDay } from "../model/value-checks.js";
import { errorRecord } from "../node/ndjson-line.js";
import { decodeUtf8, loadFile, readError, readStdin } from "../node/read-input.js";
import { formatIssues, type SafeParseResult } from "../validation/issue.js";
import type { Io } from "./commands.js";
import { forTerminal } from "./escape.js";
import { UsageError } from "./usage.js";

const ADAPTERS: Readonly<
  Record<string, (records: unknown, options: CrmOptions) => SafeParseResult<CrmResult>>
> = {
  salesforce: safeFromSalesforce,
  hubspot: safeFromHubSpot,
};

/** Flags of `qualify import`. */
export interface ImportFlags {
  readonly mapping?: string | undefined;
  readonly asOf?: string | undefined;
  readonly closeDate?: string | undefined;
  readonly emails?: string | undefined;
  readonly currency?: string | undefined;
  readonly ndjson?: boolean | undefined;
  readonly strict?: boolean | undefined;
}

/**
 * `qualify import salesforce|hubspot FILE`: the CRM's records as a deal, ready for `qualify score`. One
 * record set (an object) prints one deal as JSON; a list of them, or an .ndjson file, prints NDJSON.
 * Warnings (what was left out, and why) go to stderr; a record set that is not usable is reported by
 * path and left out of the output (exit 1).
 */
export async function importCommand(
  crm: string | undefined,
  file: string | undefined,
  flags: ImportFlags,
  io: Io,
): Promise<number> {
  const adapter = crm === undefined ? undefined : ADAPTERS[crm];
  if (!adapter || file === undefined)
    throw new UsageError(
      `import takes a CRM (salesforce or hubspot) and a file of its records${crm && !adapter ? `; got "${crm}"` : ""}`,
    );
  if (flags.asOf !== undefined && !isIsoDay(flags.asOf))
    throw new UsageError(`--as-of must be a real day written YYYY-MM-DD; got "${flags.asOf}"`);
  if (flags.closeDate !== undefined && flags.closeDate !== "ignore" && flags.closeDate !== "decisionBy")
    throw new UsageError(`--close-date must be ignore or decisionBy; got "${flags.closeDate}"`);
  if (flags.emails !== undefined && flags.emails !== "ignore" && flags.emails !== "inbound")
    throw new UsageError(`--emails must be ignore or inbound; got "${flags.emails}"`);
  const options: { -readonly [K in keyof CrmOptions]: CrmOptions[K] } = {};
  if (flags.asOf !== undefined) options.asOf = flags.asOf;
  if (flags.closeDate !== undefined) options.closeDate = flags.closeDate as "ignore" | "decisionBy";
  if (flags.emails !== undefined) options.emails = flags.emails as "ignore" | "inbound";
  if (flags.currency !== undefined) options.currency = flags.currency;
  if (flags.strict) options.strict = true;
  if (flags.mapping !== undefined) {
    const mapping = await loadFile(flags.mapping);
    if (!mapping.ok) {
      io.err.write(`${forTerminal(flags.mapping)}: ${mapping.message}\n`);
      return 1;
    }
    options.mapping = mapping.value as NonNullable<CrmOptions["mapping"]>;
  }
  const sets = await recordSets(file, flags.ndjson === true, io);
  if (!sets) return 1;
  let failed = 0;
  const many = sets.many;
  for (const item of sets.items) {
    const where = forTerminal(item.where);
    if ("bad" in item) {
      // One line that is not JSON: its own error record, and the other deals are still written.
      failed++;
      io.err.write(`${where}: not valid JSON: ${item.bad}\n`);
      io.out.write(`${errorRecord(item.line, `not valid JSON: ${item.bad}`, [])}\n`);
      continue;
    }
    const result = adapter(item.value, options);
    if (!result.success) {
      failed++;
      const [mappingIssues, recordIssues] = partition(result.issues, (i) => i.path.startsWith("mapping"));
      if (mappingIssues.length > 0) {
        io.err.write(
          `${forTerminal(flags.mapping ?? "")}: invalid mapping\n${formatIssues(mappingIssues)}\n`,
        );
        return 1;
      }
      const message = `not ${crm === "hubspot" ? "HubSpot" : "Salesforce"} records`;
      io.err.write(
        `${where}: ${message}, ${recordIssues.length} problem(s)\n${formatIssues(recordIssues)}\n`,
      );
      // Many record sets in, one line out per set: a failed set keeps its line, as an error record.
      if (many) io.out.write(`${errorRecord(item.line ?? 0, message, recordIssues)}\n`);
      continue;
    }
    const warnings = result.data.warnings;
    if (warnings.length > 0) {
      const shown = warnings.slice(0, MAX_WARNINGS);
      const more =
        warnings.length > MAX_WARNINGS
          ? `\n  and ${warnings.length - MAX_WARNINGS} more warnings left out (only the first ${MAX_WARNINGS} are listed)`
          : "";
      io.err.write(
        `${where}: ${warnings.length} warning(s): left out or not believed\n${formatIssues(shown)}${more}\n`,
      );
    }
    io.out.write(
      many ? `${JSON.stringify(result.data.deal)}\n` : `${JSON.stringify(result.data.deal, null, 2)}\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}

/** The record sets in a file: one object, a list of them, or one per line (.ndjson, .jsonl). */
async function recordSets(
  file: string,
  ndjson: boolean,
  io: Io,
): Promise<{ many: boolean; items: RecordSet[] } | undefined> {
  if (ndjson || /\.(ndjson|jsonl)$/i.test(file)) {
    const loaded = await loadText(file, io);
    if (loaded === undefined) return undefined;
    const items: RecordSet[] = [];
    loaded.split("\n").forEach((line, i) => {
      if (line.trim() === "") return;
      const where = `${file}:${i + 1}`;
      try {
        items.push({ where, line: i + 1, value: JSON.parse(line) });
      } catch (e) {
        items.push({ where, line: i + 1, bad: (e as Error).message });
      }
    });
    return { many: true, items };
  }
  const loaded = await loadFile(file);
  if (!loaded.ok) {
    io.err.write(`${forTerminal(file)}: ${loaded.message}\n`);
    return undefined;
  }
  if (Array.isArray(loaded.value))
    return {
      many: true,
      items: loaded.value.map((value, i) => ({ where: `${file}[${i}]`, line: i + 1, value })),
    };
  return { many: false, items: [{ where: file, value: loaded.value }] };
}

/** One record set read: its place (`file:line` or `file[i]`) and its value, or why its line is not JSON. */
type RecordSet =
  | { readonly where: string; readonly line?: number; readonly value: unknown }
  | { readonly where: string; readonly line: number; readonly bad: string };

/** Most warnings printed for one record set; the rest are counted in one line. */
const MAX_WARNINGS = 100;

async function loadText(file: string, io: Io): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    if (file !== "-" && (await stat(file)).isDirectory())
      throw Object.assign(new Error(), { code: "EISDIR" });
    bytes = file === "-" ? await readStdin() : await readFile(file);
  } catch (e) {
    io.err.write(`${forTerminal(file)}: ${readError(e)}\n`);
    return undefined;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) io.err.write(`${forTerminal(file)}: ${decoded.message}\n`);
  else if (decoded.text.trim() === "") io.err.write(`${forTerminal(file)}: no input: the file is empty\n`);
  else return decoded.text;
  return undefined;
}

function partition<T>(list: readonly T[], test: (x: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const x of list) (test(x) ? yes : no).push(x);
  return [yes, no];
}
