import type { Role, Stage, Topic } from "../model/enums.js";
import { DEFAULT_POLICY } from "../model/policy-default.js";

// The built-in judgement policy's tables under their public names. The numbers live in
// frameworks/policy.json (one source); a qualifier uses its own policy, with any plugin's overrides.

/** How much a topic's answer is worth at each stage, as a multiplier on question priority. */
export const STAGE_WEIGHTS: Readonly<Record<Topic, Readonly<Record<Stage, number>>>> =
  DEFAULT_POLICY.stageWeights;

/** The stage assumed when a deal gives none. */
export const DEFAULT_STAGE: Stage = DEFAULT_POLICY.defaultStage;

/** How far a criterion is from met, by status: an open unknown is worth asking about most. */
export const GAP: Readonly<Record<"unknown" | "unmet" | "partial", number>> = DEFAULT_POLICY.gap;

/** Whom to ask, by topic, when a question names no roles: the first engaged person holding one of these. */
export const TOPIC_ROLES: Readonly<Record<Topic, readonly Role[]>> = DEFAULT_POLICY.topicRoles;
