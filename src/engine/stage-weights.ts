import type { Role, Stage, Topic } from "../model/enums.js";

/**
 * How much a topic's answer is worth at each stage, as a multiplier on question priority. Authority
 * and need matter from the first call; paper process matters more the nearer the signature.
 */
export const STAGE_WEIGHTS: Readonly<Record<Topic, Readonly<Record<Stage, number>>>> = {
  // Review questions are asked only of closed deals: what decided it, what we would do differently.
  review: {
    prospecting: 0,
    discovery: 0,
    evaluation: 0,
    proposal: 0,
    negotiation: 0,
    "closed-won": 1,
    "closed-lost": 1,
  },
  // Who decides comes first in discovery, before any other topic: the lesson of the story in seeds/.
  authority: {
    prospecting: 1.6,
    discovery: 1.6,
    evaluation: 1.4,
    proposal: 1.3,
    negotiation: 1.2,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  "decision-process": {
    prospecting: 1,
    discovery: 1.2,
    evaluation: 1.3,
    proposal: 1.3,
    negotiation: 1.1,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  timeline: {
    prospecting: 1.1,
    discovery: 1.2,
    evaluation: 1.2,
    proposal: 1.2,
    negotiation: 1.1,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  budget: {
    prospecting: 0.9,
    discovery: 1,
    evaluation: 1.2,
    proposal: 1.3,
    negotiation: 1.3,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  need: {
    prospecting: 1.3,
    discovery: 1.2,
    evaluation: 1,
    proposal: 0.9,
    negotiation: 0.8,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  impact: {
    prospecting: 1,
    discovery: 1.1,
    evaluation: 1.1,
    proposal: 1,
    negotiation: 0.9,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  situation: {
    prospecting: 1.2,
    discovery: 1,
    evaluation: 0.7,
    proposal: 0.5,
    negotiation: 0.4,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  "decision-criteria": {
    prospecting: 0.8,
    discovery: 1,
    evaluation: 1.3,
    proposal: 1.1,
    negotiation: 0.9,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  champion: {
    prospecting: 0.8,
    discovery: 1,
    evaluation: 1.2,
    proposal: 1.2,
    negotiation: 1.1,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  competition: {
    prospecting: 0.7,
    discovery: 0.9,
    evaluation: 1.2,
    proposal: 1.2,
    negotiation: 1.1,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
  "paper-process": {
    prospecting: 0.3,
    discovery: 0.5,
    evaluation: 0.9,
    proposal: 1.3,
    negotiation: 1.6,
    "closed-won": 0.2,
    "closed-lost": 0.2,
  },
};

/** The stage assumed when a deal gives none. */
export const DEFAULT_STAGE: Stage = "discovery";

/** How far a criterion is from met, by status: an open unknown is worth asking about most. */
export const GAP: Readonly<Record<"unknown" | "unmet" | "partial", number>> = {
  unknown: 1,
  unmet: 0.75,
  partial: 0.5,
};

/** Whom to ask, by topic, when a question names no roles: the first engaged person holding one of these. */
export const TOPIC_ROLES: Readonly<Record<Topic, readonly Role[]>> = {
  authority: ["champion", "coach"],
  "decision-process": ["champion", "coach"],
  timeline: ["champion", "economic-buyer", "decision-maker"],
  budget: ["economic-buyer", "champion"],
  need: ["user-buyer", "champion"],
  impact: ["economic-buyer", "champion"],
  situation: ["user-buyer", "technical-buyer", "champion"],
  "decision-criteria": ["technical-buyer", "champion"],
  champion: ["coach", "champion"],
  competition: ["coach", "champion"],
  "paper-process": ["procurement", "legal", "champion"],
  review: ["champion", "coach"],
};

/**
 * Topics never put to a stakeholder who is against the deal (negative, or a blocker): they would hand an
 * opponent the map of the deal. They go through the champion, or a positive contact close to power.
 */
export const SENSITIVE_TOPICS: ReadonlySet<Topic> = new Set([
  "authority",
  "budget",
  "decision-process",
  "paper-process",
  "timeline",
  "competition",
]);

/** Topics that ask about the decider (who decides, an introduction to them): never put to the decider. */
export const ABOUT_THE_DECIDER: ReadonlySet<Topic> = new Set(["authority", "champion"]);
