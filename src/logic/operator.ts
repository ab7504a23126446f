import type { z } from "zod";

/** What an operator sees besides its arguments. */
export interface OperatorContext {
  /** The data the operation is evaluated on (inside `some`/`map`/... the current item). */
  readonly data: unknown;
  /** The whole deal (or whatever the rule was evaluated on at the top). */
  readonly root: unknown;
  /** The date rules are judged at, `YYYY-MM-DD`; rules never read the clock. */
  readonly asOf: string | undefined;
  /** The judgement policy's days of silence after which a contact is lost (absent: the built-in 90). */
  readonly lostAfterDays?: number | undefined;
}

/** A compiled expression: data and environment in, value out. */
export type Evaluator = (data: unknown, env: EvalEnv) => unknown;

/** What a whole evaluation shares: the root data and the date. */
export interface EvalEnv {
  /** The data the rule was evaluated on at the top. */
  readonly root: unknown;
  /** The date rules are judged at. */
  readonly asOf: string | undefined;
  /** The judgement policy's days of silence after which a contact is lost (absent: the built-in 90). */
  readonly lostAfterDays?: number | undefined;
  /**
   * Values of data-independent sub-expressions already computed in this evaluation (by the rule's
   * text): `{"with-role": ["champion"]}` is worked out once per deal however many rules ask.
   */
  readonly memo?: Map<string, unknown>;
  /** What is left of the evaluation's budget of steps (loops and list items); none: unbounded. */
  readonly budget?: { left: number; readonly total: number };
}

/** A JsonLogic operator: a name, what it does, and how it computes its value from evaluated arguments. */
export interface Operator {
  /** The operator's name as written in rules, e.g. `days-until`. */
  readonly name: string;
  /** One line on what it does, for the docs and for "did you mean". */
  readonly description: string;
  /**
   * How the docs say a call in words, for people who do not read JsonLogic: `{0}`, `{1}`... are its
   * arguments in words, `{args}` all of them ("the accounts in the {0} tier"). Without it, the docs use
   * the operator's name and arguments in words.
   */
  readonly phrase?: string;
  /** How many arguments it takes; checked when a rule is loaded. */
  readonly arity?: { readonly min: number; readonly max?: number };
  /**
   * The schema of the value it returns, so `var` paths inside `some`/`filter` over it can be checked; or a
   * function that gives it from the deal schema the rule is checked against (called only then).
   */
  readonly returns?: z.ZodType | ((deal: z.ZodType) => z.ZodType | undefined);
  /** Paths of the deal it reads by itself (e.g. `stakeholders`), listed as evidence by criteria that use it. */
  readonly reads?: readonly string[];
  /** Computes the value from the evaluated arguments. Must be pure: no I/O, no clock. */
  readonly evaluate: (args: unknown[], context: OperatorContext) => unknown;
  /**
   * True when the value depends only on the arguments, the root and asOf, never on the current item
   * (`data`): then a call whose arguments do not depend on the item is computed once per evaluation.
   */
  readonly rootOnly?: boolean;
  /**
   * Arguments from position `from` on that, when written as string literals (or lists of them), must be
   * one of `values` (e.g. roles for `with-role`): checked when a rule is loaded, with "did you mean".
   */
  readonly literals?: { readonly from: number; readonly values: readonly string[]; readonly what: string };
  /** Optional specialised compiled form (must agree with `evaluate`); used by the built-in operators. */
  readonly compile?: (args: readonly Evaluator[]) => Evaluator;
}

/** Defines a JsonLogic operator. Register it through a plugin: `definePlugin({ operators: [...] })`. */
export function defineOperator(operator: Operator): Operator {
  return Object.freeze({ ...operator });
}
