import type { Operator } from "../logic/operator.js";
import type { FrameworkInput, RuleSet } from "../model/framework.js";
import type { PolicyOverride } from "../model/policy.js";
import type { CustomSchemaInput } from "../validation/custom-schema.js";
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
  /**
   * Overrides of the judgement policy (frameworks/policy.json): stage weights, whom to ask, days until a
   * contact is lost... Objects merge key by key, lists and numbers replace; later plugins win.
   */
  readonly policy?: PolicyOverride;
}

/**
 * What `definePlugin` takes: a plugin whose frameworks are typed as framework or rule-set files, so a
 * misspelt key or a wrong value in one written in TypeScript fails to compile. (A file read at run time is
 * `unknown`: pass it to `createQualifier` directly, which validates it, or type it with `FrameworkInput`
 * after checking it.)
 */
export interface PluginInput extends Omit<Plugin, "frameworks"> {
  /** Framework and rule-set files, as written. */
  readonly frameworks?: ReadonlyArray<FrameworkInput | RuleSet>;
}

/** Defines a plugin. Pass it to `createQualifier({ plugins: [...] })`. */
export function definePlugin(plugin: PluginInput): Plugin {
  return Object.freeze({ ...plugin });
}
