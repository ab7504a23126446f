import type { CustomSchemaInput } from "../engine/custom-schema.js";
import type { Operator } from "../logic/operator.js";
import type { Rule } from "./define-rule.js";

/** A bundle of extensions: JsonLogic operators, TypeScript rules, and framework or rule-set files. */
export interface Plugin {
  /** The plugin's name, for error messages. */
  readonly name: string;
  /** JsonLogic operators its rules (and everyone's) may use. */
  readonly operators?: readonly Operator[];
  /** TypeScript rules: used by criteria (`"rule": "<id>"`) and run for findings on every evaluation. */
  readonly rules?: readonly Rule[];
  /** Framework and rule-set files (unvalidated input: the qualifier validates them). */
  readonly frameworks?: readonly unknown[];
  /**
   * The shape of `deal.custom` its rules read, as a JSON Schema or a zod schema: rules' `var` paths under
   * `custom.` are checked against it when loaded, and a deal whose `custom` does not match is invalid.
   */
  readonly customSchema?: CustomSchemaInput;
}

/** Defines a plugin. Pass it to `createQualifier({ plugins: [...] })`. */
export function definePlugin(plugin: Plugin): Plugin {
  return Object.freeze({ ...plugin });
}
