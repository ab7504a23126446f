/** The commands of the CLI. */
export const COMMANDS = ["score", "validate", "diff", "calibrate", "import", "frameworks", "docs"] as const;
/** One of {@link COMMANDS}. */
export type Command = (typeof COMMANDS)[number];

interface Flag {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
  /** How its value is shown in help, e.g. `<ids>`. */
  readonly value?: string;
  /** The commands that take it, each with what it means there. */
  readonly for: Partial<Record<Command, string>>;
}

const SETUP = {
  plugin:
    "load a plugin module (repeatable): its default export is a plugin made with definePlugin, or a list of them; relative paths resolve from the working directory",
  config: "the config file to use (default: the nearest qualify.config.{mjs,js,json} up to the project root)",
  verbose: "say on stderr which config file is used",
};
const setup = (text: string) => ({
  score: text,
  validate: text,
  diff: text,
  calibrate: text,
  frameworks: text,
  docs: text,
});

/**
 * Every flag, declared once: its type, and for each command that takes it, what it means there. Parsing,
 * the check that a command takes the flags it is given, and each command's `--help` come from here.
 */
export const FLAGS = {
  framework: {
    type: "string",
    short: "f",
    multiple: true,
    value: "<ids>",
    for: {
      score: "comma-separated framework ids or framework files (default: bant,meddpicc)",
      diff: "frameworks to score deal snapshots with (default: bant,meddpicc)",
      calibrate: "the framework to calibrate (an id or a framework file)",
      docs: "the frameworks to document: ids (plugins' included) or framework files (repeatable)",
    },
  },
  "as-of": {
    type: "string",
    value: "<date>",
    for: {
      score: "judge the deal as of this day, YYYY-MM-DD (default: today, UTC)",
      diff: "the day plain deal files are judged at",
      calibrate: "the date for lines that carry none, and the calibration's date",
      import: "read the records as of this day (default: today, UTC); later meetings have not happened yet",
    },
  },
  format: {
    type: "string",
    value: "<format>",
    for: {
      score: "text (default, for a terminal), markdown (for a CRM note) or json (the Report)",
      diff: "text (default), markdown (for a CRM note) or json (schema/comparison.schema.json)",
      calibrate: "text (default), markdown or json (schema/calibration.schema.json)",
      docs: "markdown (default) or html: a static site, self-contained, printable",
    },
  },
  ndjson: {
    type: "boolean",
    for: {
      score:
        'one deal per line in (or {"row": ..., "deal": ...}, whose row every output line echoes), one JSON report per line out; a bad line gives an error record with its line number, row and deal id, and the run goes on (exit 1 if any failed, unless --keep-going)',
      import: "one record set per line",
    },
  },
  workers: {
    type: "string",
    value: "<n>",
    for: { score: "with --ndjson: score on n worker threads, output order preserved" },
  },
  "deal-timeout": {
    type: "string",
    value: "<s>",
    for: {
      score:
        "with --workers: the most seconds one deal may take (default 30); a deal over it fails its line, the rest are written",
    },
  },
  "keep-going": {
    type: "boolean",
    for: {
      score:
        "with --ndjson: exit 0 when the only failures are lines that got an error record (for Spark, Dask and ClickHouse pipes, which fail a task on any non-zero exit); a run that could not finish still exits non-zero",
    },
  },
  trace: {
    type: "boolean",
    for: { score: "with --format json: each criterion keeps what each of its rules saw and returned" },
  },
  compact: {
    type: "boolean",
    for: { score: "compact reports for storing many: no evidence, no question why, 5 questions" },
  },
  questions: {
    type: "string",
    value: "<n>",
    for: { score: "with --compact (implied): at most n questions per report" },
  },
  out: {
    type: "string",
    value: "<file>",
    for: {
      calibrate:
        "write a framework file extending the original, with the fitted weights and a calibration block (reports then carry winProbability); never the history itself, and not when the fit shows no skill over the base rate (unless --force)",
    },
  },
  force: {
    type: "boolean",
    for: { calibrate: "with --out: write the framework even when the fit shows no skill over the base rate" },
  },
  "drop-leaks": {
    type: "boolean",
    for: {
      calibrate:
        "leave out snapshots that leak the outcome (at a closed stage, or dated on or after closedOn) instead of refusing the history",
    },
  },
  mapping: {
    type: "string",
    value: "<file>",
    for: {
      import:
        "overrides of the mapping tables (stages, roles, organisations, untrustedRoles, trustContactRoles, dealTypes, callOutcomes, technicalDepartments, businessDepartments, contactDepartment, custom, ignore)",
    },
  },
  "close-date": {
    type: "string",
    value: "<how>",
    for: { import: "ignore (default) or decisionBy: the forecast close date as timeline.decisionBy" },
  },
  emails: {
    type: "string",
    value: "<which>",
    for: { import: "ignore (default) or inbound: emails the buyer wrote as interactions" },
  },
  currency: { type: "string", value: "<code>", for: { import: "the currency when the records carry none" } },
  strict: {
    type: "boolean",
    for: {
      import:
        "a list whose next page is named but missing (Salesforce nextRecordsUrl, HubSpot paging.next) fails the record set instead of a warning",
    },
  },
  plugin: { type: "string", multiple: true, value: "<module>", for: setup(SETUP.plugin) },
  config: { type: "string", value: "<file>", for: setup(SETUP.config) },
  verbose: { type: "boolean", for: setup(SETUP.verbose) },
  help: { type: "boolean", short: "h", for: {} },
  version: { type: "boolean", short: "v", for: {} },
} as const satisfies Readonly<Record<string, Flag>>;

type ParseOption<F> = F extends { type: infer T; multiple: true }
  ? { type: T; multiple: true; short?: string }
  : F extends { type: infer T }
    ? { type: T; short?: string }
    : never;

/** The options for `node:util` `parseArgs`, from {@link FLAGS}. */
export function parseArgsOptions(): { [K in keyof typeof FLAGS]: ParseOption<(typeof FLAGS)[K]> } {
  return Object.fromEntries(
    Object.entries(FLAGS as Readonly<Record<string, Flag>>).map(([name, f]) => [
      name,
      { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) },
    ]),
  ) as { [K in keyof typeof FLAGS]: ParseOption<(typeof FLAGS)[K]> };
}

/** What is wrong when `command` is given a flag it does not take (the first such), or undefined. */
export function flagProblem(command: Command, given: Iterable<string>): string | undefined {
  for (const name of given) {
    if (name === "help" || name === "version") continue;
    const flag = (FLAGS as Readonly<Record<string, Flag>>)[name];
    if (flag?.for[command] !== undefined) continue;
    const takers = Object.keys(flag?.for ?? {});
    return `${command} does not take --${name}${takers.length ? ` (it goes with ${takers.join(", ")})` : ""}`;
  }
  return undefined;
}

const WIDTH = 104;
const COLUMN = 26;

/** The "Options:" section of a command's help, from {@link FLAGS}, descriptions wrapped to the column. */
export function optionsHelp(command: Command): string {
  const lines = ["Options:"];
  for (const [name, flag] of Object.entries(FLAGS as Readonly<Record<string, Flag>>)) {
    const text = flag.for[command];
    if (text === undefined) continue;
    const head = `  ${flag.short ? `-${flag.short}, ` : "    "}--${name}${flag.value ? ` ${flag.value}` : ""}`;
    lines.push(...wrap(head, text));
  }
  lines.push(...wrap("  -h, --help", "this help"));
  return lines.join("\n");
}

function wrap(head: string, text: string): string[] {
  const out: string[] = [];
  let line = head.length + 2 > COLUMN ? `${head}  ` : head.padEnd(COLUMN);
  for (const word of text.split(" ")) {
    if (line.length + word.length > WIDTH && line.trim().length > 0 && line.length > COLUMN) {
      out.push(line.trimEnd());
      line = " ".repeat(COLUMN);
    }
    line += `${word} `;
  }
  out.push(line.trimEnd());
  return out;
}
