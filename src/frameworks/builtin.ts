import bant from "../../frameworks/bant.json" with { type: "json" };
import core from "../../frameworks/core.rules.json" with { type: "json" };
import meddpicc from "../../frameworks/meddpicc.json" with { type: "json" };

/** The built-in framework files, in dependency order (a framework comes after the one it extends). */
export function builtinFiles(): readonly unknown[] {
  return [bant, meddpicc];
}

/** The built-in rule set: findings and collateral that run whatever frameworks are chosen. */
export function coreRuleSet(): unknown {
  return core;
}
