/** Size limits for a rule, checked when it is loaded so that evaluation can never overflow the stack. */
export const LIMITS = Object.freeze({
  /** How deeply operations may nest. */
  maxDepth: 64,
  /** How many values (operations, literals, array items) one rule may hold. */
  maxNodes: 10_000,
});
