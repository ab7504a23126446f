import anum from "../../frameworks/anum.json" with { type: "json" };
import bant from "../../frameworks/bant.json" with { type: "json" };
import buying_influences from "../../frameworks/buying-influences.json" with { type: "json" };
import champ from "../../frameworks/champ.json" with { type: "json" };
import core from "../../frameworks/core.rules.json" with { type: "json" };
import faint from "../../frameworks/faint.json" with { type: "json" };
import gpctba_ci from "../../frameworks/gpctba-ci.json" with { type: "json" };
import meddic from "../../frameworks/meddic.json" with { type: "json" };
import meddpicc from "../../frameworks/meddpicc.json" with { type: "json" };
import neat from "../../frameworks/neat.json" with { type: "json" };
import scotsman from "../../frameworks/scotsman.json" with { type: "json" };
import spiced from "../../frameworks/spiced.json" with { type: "json" };
import spin from "../../frameworks/spin.json" with { type: "json" };

/** The built-in framework files, in dependency order (a framework comes after the one it extends). */
export function builtinFiles(): readonly unknown[] {
  return [
    bant,
    anum,
    champ,
    faint,
    meddpicc,
    meddic,
    gpctba_ci,
    spiced,
    neat,
    scotsman,
    buying_influences,
    spin,
  ];
}

/** The built-in rule set: findings and collateral that run whatever frameworks are chosen. */
export function coreRuleSet(): unknown {
  return core;
}
