import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Reads a JSON file relative to the repository root. */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
}

/** Runs the built CLI as a user would, in a child process. */
export function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, ["dist/cli.js", ...args], {
    cwd: ROOT,
    input: options.input ?? "",
    maxBuffer: 256 * 1024 * 1024,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a snippet in plain Node (no vitest transforms): the proof that built files load. */
export function node(args: string[], input = "") {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, input, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
