import type { EvalEnv } from "./operator.js";

/**
 * How much work evaluating one deal may take: a fixed allowance of steps plus some per item in the
 * deal's lists, so a large deal may loop over its own people but no rule can run away (three nested
 * loops over 800 stakeholders, a reduce that doubles its accumulator).
 */
export interface EvaluationBudget {
  /** Steps every deal is allowed (default 1,000,000). */
  readonly steps?: number;
  /** Extra steps per item in the deal's lists (stakeholders, interactions...; default 1,000). */
  readonly perItem?: number;
}

/** The default budget: generous for real frameworks (the twelve built-ins use a few thousand steps). */
export const DEFAULT_BUDGET: Required<EvaluationBudget> = Object.freeze({ steps: 1_000_000, perItem: 1_000 });

/** What is left of one evaluation's budget. */
export interface BudgetLeft {
  /** Steps left. */
  left: number;
  /** The steps the evaluation started with, for the message. */
  readonly total: number;
}

/** Thrown when an evaluation runs over its budget; the engine names the rule that did. */
export class BudgetExceeded extends Error {
  /** Makes the error for a budget of `total` steps. */
  constructor(total: number) {
    super(
      `it took more than ${total.toLocaleString("en")} steps (loops over lists and list items built); a rule nests loops over the deal's lists or grows a list without end`,
    );
    this.name = "BudgetExceeded";
  }
}

/** The budget of one deal's evaluation. */
export function budgetFor(deal: unknown, budget: EvaluationBudget = {}): BudgetLeft {
  const { steps, perItem } = { ...DEFAULT_BUDGET, ...budget };
  let items = 0;
  if (typeof deal === "object" && deal !== null)
    for (const value of Object.values(deal)) if (Array.isArray(value)) items += value.length;
  const total = steps + perItem * items;
  return { left: total, total };
}

/** Takes `n` steps from the evaluation's budget (none when it has no budget); throws when it runs out. */
export function charge(env: EvalEnv, n: number): void {
  const budget = env.budget;
  if (budget === undefined) return;
  budget.left -= n;
  if (budget.left < 0) throw new BudgetExceeded(budget.total);
}
