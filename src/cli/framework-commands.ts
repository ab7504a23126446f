import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { frameworkPage } from "../docs/framework-page.js";
import { htmlSite } from "../docs/html-site.js";
import { sitePages } from "../docs/site-pages.js";
import { createQualifier } from "../engine/qualifier.js";
import type { FrameworkDef } from "../frameworks/framework-def.js";
import { materialisePlugins } from "../node/load-plugins.js";
import { loadFile } from "../node/read-input.js";
import { isFile } from "../node/resolve-setup.js";
import { didYouMean } from "../validation/did-you-mean.js";
import { escapeControls, type Issue } from "../validation/issue.js";
import type { Io } from "./commands.js";
import { reportFailure } from "./report-failure.js";
import { type CliSources, cliSetup } from "./setup.js";
import { UsageError } from "./usage.js";

/** `qualify frameworks [id]`: list the frameworks, or show one. */
export async function frameworks(id: string | undefined, sources: CliSources, io: Io): Promise<number> {
  const built = await cliSetup(sources, io, { select: false });
  if (!built) return 1;
  const { catalogue } = built.qualifier;
  if (!id) {
    const width = Math.max(...[...catalogue.keys()].map((k) => k.length));
    for (const def of catalogue.values()) {
      io.out.write(`${def.id.padEnd(width)}  ${def.name}: ${def.criteria.map((c) => c.id).join(", ")}\n`);
    }
    return 0;
  }
  const def = catalogue.get(id);
  if (!def) throw new UsageError(`no framework "${id}"; run qualify frameworks for the list`);
  io.out.write(frameworkPage(def));
  return 0;
}

/** `qualify docs <dir>`: a page per framework (built-in and given files) and the crosswalk index. */
export async function docs(
  dir: string,
  files: readonly string[],
  sources: CliSources,
  io: Io,
  format: string | undefined = "markdown",
): Promise<number> {
  if (format !== "markdown" && format !== "html")
    throw new UsageError(`docs --format must be markdown or html; got "${format}"`);
  const built = await cliSetup(sources, io, { select: false });
  if (!built) return 1;
  const plugins = await materialisePlugins(built.setup.plugins ?? []);
  const inputs: unknown[] = [];
  const named = files
    .flatMap((f) => f.split(","))
    .map((f) => f.trim())
    .filter(Boolean);
  // An id (a built-in's or a plugin's) as `score` takes it; anything that looks like a path is a file.
  const ids = named.filter((f) => !isFile(f));
  for (const file of named.filter(isFile)) {
    const loaded = await loadFile(file);
    if (!loaded.ok) {
      io.err.write(`${escapeControls(file)}: ${loaded.message}\n`);
      return 1;
    }
    inputs.push(loaded.value);
  }
  let qualifier: ReturnType<typeof createQualifier>;
  try {
    qualifier = createQualifier({
      frameworks: [],
      plugins: [...plugins, { name: "docs", frameworks: inputs }],
    });
  } catch (e) {
    return reportFailure(e, "", io);
  }
  // No --framework: the frameworks the config chose, or every built-in when none is configured.
  const fromConfig = ids.length === 0 && inputs.length === 0 && built.config?.frameworks !== undefined;
  const selected = fromConfig ? await cliSetup(sources, io, { select: true }) : undefined;
  if (fromConfig && !selected) return 1;
  const chosen = selected
    ? selected.qualifier.frameworks.map((f) => qualifier.catalogue.get(f.id) ?? f)
    : chosenFrameworks(qualifier.catalogue, ids, inputs);
  if (!Array.isArray(chosen)) return reportFailure(chosen, "", io);
  try {
    await mkdir(dir, { recursive: true });
    const pages = sitePages(qualifier, chosen);
    if (format === "html") {
      const site = htmlSite(pages.map((p) => (p.name === "README" ? { ...p, name: "index" } : p)));
      for (const [file, html] of site) await writeFile(join(dir, file), html);
    } else for (const p of pages) await writeFile(join(dir, `${p.name}.md`), p.markdown);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "EEXIST" || code === "ENOTDIR"
        ? "it (or a folder above it) is a file, not a directory"
        : code === "EACCES"
          ? "permission denied"
          : (code ?? (e as Error).message);
    io.err.write(`${escapeControls(dir)}: cannot write the pages there: ${why}\n`);
    return 1;
  }
  io.out.write(`wrote ${chosen.length + 4} pages to ${escapeControls(dir)}\n`);
  return 0;
}

/**
 * The frameworks to document: every known one when none is named; otherwise the ids named (each must be
 * known: an unknown one is an issue with "did you mean") and the files given, in that order.
 */
function chosenFrameworks(
  catalogue: ReadonlyMap<string, FrameworkDef>,
  ids: readonly string[],
  files: readonly unknown[],
): FrameworkDef[] | { issues: Issue[] } {
  if (ids.length === 0 && files.length === 0) return [...catalogue.values()];
  const issues: Issue[] = [];
  const chosen: FrameworkDef[] = [];
  ids.forEach((id, i) => {
    const def = catalogue.get(id);
    if (def) return chosen.push(def);
    const suggestion = didYouMean(id, catalogue.keys());
    issues.push({
      path: `--framework[${i}]`,
      code: "unknown-framework",
      message: `No framework "${id}"${suggestion ? `; did you mean "${suggestion}"?` : `; known: ${[...catalogue.keys()].join(", ")}`}`,
      ...(suggestion ? { suggestion } : {}),
    });
  });
  for (const file of files) {
    const def = catalogue.get((file as { id?: string }).id ?? "");
    if (def && !chosen.includes(def)) chosen.push(def);
  }
  return issues.length > 0 ? { issues } : chosen;
}
