import { type Command, optionsHelp } from "./flags.js";

/** Thrown for a usage error: the command line itself is wrong (exit 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The output format a command was given (`--format`), checked: text (default), json or markdown. */
export function outputFormat(format: string | undefined): "text" | "json" | "markdown" {
  const f = format ?? "text";
  if (f !== "text" && f !== "json" && f !== "markdown")
    throw new UsageError(`--format must be text, json or markdown; got "${f}"`);
  return f;
}

/** Help text per command (its options are added from flags.ts by {@link helpFor}). */
export const HELP: Readonly<Record<string, string>> = {
  main: `qualify: how qualified is this deal, really, and what should you ask next?

Usage:
  qualify score <deal.json|deal.yaml|-> [--framework bant,meddpicc] [--as-of YYYY-MM-DD] [--format text|json|markdown]
  qualify score --ndjson <deals.ndjson|-> [--framework ...] [--as-of ...] [--workers n]
  qualify validate <deal-or-framework files...>
  qualify diff <old> <new> [--format text|json|markdown]    (deal files, { asOf, deal } snapshots or reports)
  qualify diff <history.ndjson>                             (the trend over dated snapshots, and stalls)
  qualify calibrate <history.ndjson> --framework <id> [--as-of D] [--out fitted.json] [--format ...]
  qualify import <salesforce|hubspot> <records.json|records.ndjson|-> [--mapping mapping.json]
  qualify frameworks [id]
  qualify docs <outdir> [--framework file.json ...]

Options:
  -h, --help       help for a command (qualify score --help)
  -v, --version    the version

Every command takes --plugin <module> (repeatable): a plugin module whose operators, rules and
frameworks are then known; and reads qualify.config.{mjs,js,json} from the working directory up (or
--config <file>): the options of createQualifier, which flags override.

Exit codes: 0 success, 1 invalid input or a failed line or write (problems by path on stderr), 2 usage
error, 70 internal error (a bug: please report it).`,
  score: `qualify score <deal.json|deal.yaml|-> [options]

Scores a deal and prints the report. The deal is JSON or YAML (by extension, or by content on stdin: -).`,
  diff: `qualify diff <old> <new> [options]
qualify diff <history.ndjson> [options]

What changed between two snapshots of one deal: scores and criteria per framework, risks added and
resolved, questions settled and new, people who appeared, left or went quiet, and the stage. A snapshot
is a deal file (judged --as-of, default today), a dated deal { "asOf": ..., "deal": {...} }, or a stored
report. With one NDJSON file of dated snapshots: the score per framework per date, and where the deal
stalls (the stage moved while no criterion did for 30 days, or the stage moved back).`,
  calibrate: `qualify calibrate <history.ndjson> --framework <id> [options]

Learns from your team's won and lost deals which criteria predict a win. Each line of the history is
{ "deal": {...}, "outcome": "won" | "lost", "asOf"?: "YYYY-MM-DD" }: the deal as it stood before it
closed. Needs at least 100 distinct deals and 30 of each outcome; warns below 200 of each. Snapshots at
a closed stage are refused (they carry the outcome).`,
  validate: `qualify validate <files...>

Validates deal files and framework or rule-set files (JSON or YAML) and prints every problem with its
file, its path inside the file and a "did you mean" where one is close. Exit 1 when any file is invalid.`,
  import: `qualify import <salesforce|hubspot> <records.json|records.ndjson|-> [options]

Reads a CRM's records, exactly as its API returns them, and prints the deal, ready for qualify score:
  salesforce  { opportunity, contactRoles, contacts, events?, tasks? }
  hubspot     { deal, company?, contacts, associations?, engagements?: { meetings, calls, emails, notes } }
One record set (an object) prints one deal as JSON; a list of them, or one per line (.ndjson, .jsonl or
--ndjson), prints one deal per line. What could not be mapped, or is not believed (an email is not a
conversation; the forecast close date is not the decision date), is a warning on stderr. See
docs/crm-mapping.md.

Exit: 0, or 1 when a record set is not what the CRM returns (problems by path on stderr; with many
record sets, its line is an error record and the others are written).`,
  frameworks: `qualify frameworks [id]

Lists the built-in frameworks, or shows one: its criteria, weights, status rules and questions.`,
  docs: `qualify docs <outdir> [--framework id-or-file ...]

Writes a markdown reference page per framework (built-in, plus any framework files given) and an index
with the question-topic crosswalk into <outdir>.`,
};

/** A command's help: what it does, then its options as declared in flags.ts. */
export function helpFor(command: string | undefined): string {
  const text = command !== undefined ? HELP[command] : undefined;
  if (text === undefined || command === undefined || command === "main") return HELP.main as string;
  const [intro, ...after] = text.split("\n\nExit:");
  const exit = after.length > 0 ? `\n\nExit:${after.join("\n\nExit:")}` : "";
  return `${intro}\n\n${optionsHelp(command as Command)}${exit}`;
}
