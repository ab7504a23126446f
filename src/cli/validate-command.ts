import { createQualifier, type Qualifier, type QualifierOptions } from "../engine/qualifier.js";
import { builtinFiles, coreRuleSet } from "../frameworks/builtin.js";
import { loadFile } from "../node/read-input.js";
import { escapeControls, formatIssues, type Issue } from "../validation/issue.js";
import type { Io } from "./commands.js";
import { type CliSources, cliSetup } from "./setup.js";
import { UsageError } from "./usage.js";

type Input = { readonly file: string; readonly value: unknown };
const PLUGIN = "validate";
/** How the registry names that plugin's files in its issues: `plugin validate: frameworks[2]`. */
const FILE_LABEL = new RegExp(`^plugin ${PLUGIN}: frameworks\\[(\\d+)\\]$`);

const isFramework = (v: unknown) =>
  typeof v === "object" && v !== null && ("criteria" in v || "kind" in v || "extends" in v);

/**
 * `qualify validate`: the same gate as loading. Framework and rule-set files are loaded together by
 * `createQualifier`, with the config's and --plugin's plugins, exactly as `score` would load them (so a
 * `custom.` path their own customSchema does not declare is caught); deals are validated by the qualifier
 * they would be scored with (the plugins' and the files' custom fields included). Every problem of every
 * file; exit 1 when any is invalid.
 */
export async function validate(files: readonly string[], sources: CliSources, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError("validate needs at least one file");
  // The setup score would use: the config's frameworks too (their customSchema types the deals).
  const built = await cliSetup(sources, io);
  if (!built) return 1;
  let bad = 0;
  const inputs: Input[] = [];
  for (const file of files) {
    const loaded = await loadFile(file);
    if (loaded.ok) inputs.push({ file, value: loaded.value });
    else {
      bad += 1;
      io.err.write(`${escapeControls(file)}: ${loaded.message}\n`);
    }
  }
  // A built-in's own file (frameworks/bant.json as shipped) is already loaded: it is the built-in, valid.
  const shipped = new Set([...builtinFiles(), coreRuleSet()].map((f) => JSON.stringify(f)));
  const builtins = inputs.filter((i) => shipped.has(JSON.stringify(i.value)));
  const frameworks = inputs.filter((i) => isFramework(i.value) && !builtins.includes(i));
  const checked = checkFrameworks(frameworks, built.options, built.qualifier);
  for (const [file, issues] of checked.problems)
    io.err.write(`${formatIssues(issues.map((i) => ({ ...i, file })))}\n`);
  bad += checked.problems.size;
  const results = new Map<string, string>(
    builtins.map(({ file }) => [file, `${escapeControls(file)}: valid framework (built-in)\n`]),
  );
  for (const { file } of frameworks) {
    if (checked.problems.has(file)) continue;
    const warnings = checked.warnings.get(file) ?? [];
    results.set(file, `${escapeControls(file)}: valid framework${note(warnings.length)}\n`);
    if (warnings.length > 0) io.err.write(`${formatIssues(warnings.map((i) => ({ ...i, file })))}\n`);
  }
  for (const { file, value } of inputs.filter((i) => !isFramework(i.value) && !builtins.includes(i))) {
    const result = checked.qualifier.safeParseDeal(value);
    if (result.success) results.set(file, `${escapeControls(file)}: valid deal\n`);
    else {
      bad += 1;
      io.err.write(`${formatIssues(result.issues.map((i) => ({ ...i, file })))}\n`);
    }
  }
  // Valid files are listed in the order given.
  for (const { file } of inputs) {
    const line = results.get(file);
    if (line) io.out.write(line);
  }
  return bad > 0 ? 1 : 0;
}

const note = (n: number) => (n > 0 ? ` (${n} warning${n === 1 ? "" : "s"})` : "");

/**
 * The framework files loaded as `score` would load them: one qualifier with the setup's plugins and the
 * files as one more plugin's frameworks (they may extend each other in any order). Its issues are mapped
 * back to the files; the qualifier returned knows the valid files (for the deals given with them).
 */
function checkFrameworks(
  frameworks: readonly Input[],
  options: QualifierOptions,
  fallback: Qualifier,
): { problems: Map<string, Issue[]>; warnings: Map<string, readonly Issue[]>; qualifier: Qualifier } {
  const problems = new Map<string, Issue[]>();
  const warnings = new Map<string, readonly Issue[]>();
  if (frameworks.length === 0) return { problems, warnings, qualifier: fallback };
  const load = (given: readonly Input[]) =>
    createQualifier({
      ...options,
      frameworks: [],
      plugins: [...(options.plugins ?? []), { name: PLUGIN, frameworks: given.map((g) => g.value as never) }],
    });
  try {
    const qualifier = load(frameworks);
    for (const { file, value } of frameworks) {
      const def = qualifier.catalogue.get((value as { id?: string }).id ?? "");
      if (def?.warnings) warnings.set(file, def.warnings);
    }
    return { problems, warnings, qualifier };
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (!issues) throw e;
    for (const issue of issues) {
      const index = Number(FILE_LABEL.exec(issue.file ?? "")?.[1] ?? Number.NaN);
      const file = frameworks[index]?.file ?? issue.file ?? "(setup)";
      const { file: _f, ...rest } = issue;
      problems.set(file, [...(problems.get(file) ?? []), rest]);
    }
  }
  // The deals are validated against the valid files when they load without the invalid ones.
  try {
    return { problems, warnings, qualifier: load(frameworks.filter((f) => !problems.has(f.file))) };
  } catch {
    return { problems, warnings, qualifier: fallback };
  }
}
