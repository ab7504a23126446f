import anum from "../../frameworks/anum.json" with { type: "json" };
import bant from "../../frameworks/bant.json" with { type: "json" };
import buying_influences from "../../frameworks/buying-influences.json" with { type: "json" };
import champ from "../../frameworks/champ.json" with { type: "json" };
import core from "../../frameworks/core.rules.json" with { type: "json" };
import faint from "../../frameworks/faint.json" with { type: "json" };
import gpctba_ci from "../../frameworks/gpctba-ci.json" with { type: "json" };
import index from "../../frameworks/index.json" with { type: "json" };
import meddic from "../../frameworks/meddic.json" with { type: "json" };
import meddpicc from "../../frameworks/meddpicc.json" with { type: "json" };
import neat from "../../frameworks/neat.json" with { type: "json" };
import scotsman from "../../frameworks/scotsman.json" with { type: "json" };
import spiced from "../../frameworks/spiced.json" with { type: "json" };
import spin from "../../frameworks/spin.json" with { type: "json" };

// Every built-in file by its id. The order is data: frameworks/index.json, the one list of the built-ins
// (read by this file, scripts/generate.mjs and the tests).
const FILES: Readonly<Record<string, unknown>> = {
  anum,
  bant,
  "buying-influences": buying_influences,
  champ,
  faint,
  "gpctba-ci": gpctba_ci,
  meddic,
  meddpicc,
  neat,
  scotsman,
  spiced,
  spin,
};

/** The built-in framework files, in the order of frameworks/index.json (each after the one it extends). */
export function builtinFiles(): readonly unknown[] {
  return index.frameworks.map((id) => {
    const file = FILES[id];
    if (file === undefined)
      throw new Error(`frameworks/index.json lists "${id}", which src/frameworks/builtin.ts does not import`);
    return file;
  });
}

/** The built-in rule set: findings and collateral that run whatever frameworks are chosen. */
export function coreRuleSet(): unknown {
  return core;
}
