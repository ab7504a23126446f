import type { z } from "zod";
import type { Stage, Status } from "../model/enums.js";

/** A stage a gate can guard (every open stage). */
export type GateStage = Exclude<Stage, "closed-won" | "closed-lost">;

import type { CollateralRule, Criterion, DealQuestion, FindingRule, Origin } from "../model/framework.js";
import type { Issue } from "../validation/issue.js";

/** A framework or rule set after validation, with `extends` resolved: ready to compile. */
export interface FrameworkDef {
  /** `framework` (has criteria and a score) or `ruleset` (findings and collateral only). */
  readonly kind: "framework" | "ruleset";
  /** Its id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** What it is. */
  readonly summary?: string;
  /** Who made it and where to read about it. */
  readonly origin?: z.infer<typeof Origin>;
  /** The framework's own words for the statuses, if it has them. */
  readonly statusLabels?: Partial<Record<Status, string>>;
  /** Stage gates: per stage, the criteria that must be met before a deal may be at that stage or later. */
  readonly gates?: Partial<Record<GateStage, readonly string[]>>;
  /** A calibration fitted to a team's history: reports then carry `winProbability`. */
  readonly calibration?: {
    readonly date: string;
    readonly sample: { readonly won: number; readonly lost: number };
    readonly intercept: number;
    readonly coefficients: Readonly<Record<string, number>>;
  };
  /** How its score is computed (default weighted). */
  readonly scoring?: "weighted" | "red-amber-green";
  /** Where it is defined. */
  readonly sources?: readonly string[];
  /** Where its rules deliberately differ from the authors, and why. */
  readonly differences?: readonly string[];
  /** True when it replaces a framework of the same id. */
  readonly replaces?: true;
  /** The id of the framework it extends, if any. */
  readonly extends?: string;
  /** Its criteria, fully specified. */
  readonly criteria: readonly Criterion[];
  /** Its finding rules. */
  readonly findings: readonly FindingRule[];
  /** Its collateral rules. */
  readonly collateral: readonly CollateralRule[];
  /** Its questions about the deal as a whole. */
  readonly questions: readonly DealQuestion[];
  /** What validation warned about (e.g. loops nested over the deal's lists); the file is valid. */
  readonly warnings?: readonly Issue[];
}
