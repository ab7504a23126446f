import { QualifyError, type SafeParseResult } from "../validation/issue.js";
import { checkFramework } from "./check-framework.js";
import type { FrameworkParseOptions } from "./framework-checker.js";
import type { FrameworkDef } from "./framework-def.js";
import { sharedCriteria } from "./shared-criteria.js";

export type { FrameworkParseOptions } from "./framework-checker.js";

/**
 * Validates a framework or rule-set file: its shape, `extends`, every JsonLogic rule in it (operators,
 * argument counts, `var` paths against the Deal schema) and every template placeholder, all at once,
 * each problem with its path inside the file.
 */
export function safeParseFramework(
  input: unknown,
  options: FrameworkParseOptions = {},
): SafeParseResult<FrameworkDef> {
  return checkFramework(input, options, () => options.library ?? sharedCriteria());
}

/** Like {@link safeParseFramework}, but returns the framework or throws one {@link QualifyError}. */
export function parseFramework(input: unknown, options: FrameworkParseOptions = {}): FrameworkDef {
  const result = safeParseFramework(input, options);
  if (!result.success)
    throw new QualifyError("Invalid framework", result.issues, { kind: "invalid-rule-set" });
  return result.data;
}
