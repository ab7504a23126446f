import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { frameworkIndex, frameworkPage } from "../docs/framework-page.js";
import { createQualifier } from "../engine/qualifier.js";
import { formatIssues, type Issue } from "../validation/issue.js";
import { type Io, pluginsFor } from "./commands.js";
import { loadFile } from "./read-input.js";
import { UsageError } from "./usage.js";

/** `qualify frameworks [id]`: list the frameworks, or show one. */
export async function frameworks(
  id: string | undefined,
  pluginSpecifiers: readonly string[],
  io: Io,
): Promise<number> {
  const plugins = await pluginsFor(pluginSpecifiers, io);
  if (!plugins) return 1;
  let catalogue: ReturnType<typeof createQualifier>["catalogue"];
  try {
    catalogue = createQualifier({ frameworks: [], plugins }).catalogue;
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (!issues) throw e;
    io.err.write(`Invalid --plugin:\n${formatIssues(issues)}\n`);
    return 1;
  }
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
  pluginSpecifiers: readonly string[],
  io: Io,
): Promise<number> {
  const plugins = await pluginsFor(pluginSpecifiers, io);
  if (!plugins) return 1;
  const inputs: unknown[] = [];
  for (const file of files.flatMap((f) => f.split(","))) {
    const loaded = await loadFile(file);
    if (!loaded.ok) {
      io.err.write(`${file}: ${loaded.message}\n`);
      return 1;
    }
    inputs.push(loaded.value);
  }
  let catalogue: ReturnType<typeof createQualifier>["catalogue"];
  try {
    catalogue = createQualifier({
      frameworks: [],
      plugins: [...plugins, { name: "docs", frameworks: inputs }],
    }).catalogue;
  } catch (e) {
    const issues = (e as { issues?: Issue[] }).issues;
    if (!issues) throw e;
    io.err.write(`${formatIssues(issues)}\n`);
    return 1;
  }
  try {
    await mkdir(dir, { recursive: true });
    for (const def of catalogue.values()) await writeFile(join(dir, `${def.id}.md`), frameworkPage(def));
    await writeFile(join(dir, "README.md"), frameworkIndex([...catalogue.values()]));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "EEXIST" || code === "ENOTDIR"
        ? "it (or a folder above it) is a file, not a directory"
        : code === "EACCES"
          ? "permission denied"
          : (code ?? (e as Error).message);
    io.err.write(`${dir}: cannot write the pages there: ${why}\n`);
    return 1;
  }
  io.out.write(`wrote ${catalogue.size + 1} pages to ${dir}\n`);
  return 0;
}
