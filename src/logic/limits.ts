/** Size limits for a rule, checked when it is loaded so that evaluation can never overflow the stack. */
export const LIMITS = Object.freeze({
  /** How deeply operations may nest. */
  maxDepth: 64,
  /** How many values (operations, literals, array items) one rule may hold. */
  maxNodes: 10_000,
  /** How many criteria one framework may have (after extends). */
  maxCriteria: 200,
  /** How many status rules, or questions, one criterion may have. */
  maxPerCriterion: 100,
  /** How many findings, or collateral rules, one file may have. */
  maxPerFile: 1_000,
});
