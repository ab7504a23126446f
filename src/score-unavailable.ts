import { QualifyError } from "./validation/issue.js";

/**
 * What each on-demand part is for, in the words of the error `qualify/score` gives in a browser bundle when
 * a setup needs it (its build, tsup.config.ts `leanSides`, puts a call to {@link unavailable} in place of
 * each lazy-side file).
 */
const NEEDED_FOR: Readonly<Record<string, string>> = {
  setup: "Checking framework files (the framework checker)",
  custom: "Reading a custom schema (zod)",
  model: "Checking a plugin's policy (zod)",
  jsonLogic: "Interpreter mode (json-logic-js)",
  api: "This export (zod)",
};

/** The error for a part `qualify/score` leaves out of a browser bundle: what needs it, and what to import instead. */
export function unavailable(side: string): never {
  throw new QualifyError("Not in qualify/score", [
    {
      path: "",
      code: "needs-qualify",
      message: `${NEEDED_FOR[side] ?? side} is left out of qualify/score's browser bundle: import createQualifier from "qualify" instead (the same API, everything included)`,
    },
  ]);
}
