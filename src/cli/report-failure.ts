import { escapeControls, formatIssues, type Issue } from "../validation/issue.js";
import type { Io } from "./commands.js";

/**
 * Prints the issues an error carries (a `QualifyError`) under a heading and gives exit code 1; anything
 * else is a bug and is thrown on, to end as an internal error.
 */
export function reportFailure(error: unknown, heading: string, io: Io): 1 {
  const issues = (error as { issues?: Issue[] } | null)?.issues;
  if (!issues) throw error;
  io.err.write(`${heading ? `${escapeControls(heading)}\n` : ""}${formatIssues(issues)}\n`);
  return 1;
}
