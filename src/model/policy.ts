import { z } from "zod";
import { Role, Stage, Topic } from "./enums.js";

const weight = z.number().min(0).max(10);
const share = z.number().min(0).max(1);
const days = z.number().int().min(1).max(3650);

const fields = {
  defaultStage: Stage.describe("The stage assumed when a deal gives none."),
  stageWeights: z
    .record(Topic, z.record(Stage, weight))
    .describe("How much a topic's answer is worth at each stage: a multiplier on question priority."),
  gap: z
    .strictObject({ unknown: share, unmet: share, partial: share })
    .describe("How far a criterion is from met, by status: an open unknown is worth asking about most."),
  positionDecay: share.describe(
    "How much a question's value falls per place in its criterion's list (the first question asked first).",
  ),
  positionFloor: share.describe(
    "The least a question keeps of its value, however late in its criterion's list.",
  ),
  topicSpread: z
    .strictObject({ head: z.number().int().min(0).max(50), perTopic: z.number().int().min(1).max(50) })
    .describe("The first `head` questions hold at most `perTopic` of any one topic, when others wait."),
  topicRoles: z
    .record(Topic, z.array(Role))
    .describe("Whom to ask, by topic, when a question names no roles: the first live, engaged holder."),
  sensitiveTopics: z
    .array(Topic)
    .describe(
      "Topics never put to someone against the deal: they would hand an opponent the map of the deal.",
    ),
  aboutTheDecider: z
    .array(Topic)
    .describe("Topics that ask about the decider (who decides, an introduction): never put to the decider."),
  lostAfterDays: days.describe(
    "Days of silence after which a contact is lost: their role is no longer confirmed, and a meeting with them no longer counts.",
  ),
  enthusiasmGap: z
    .strictObject({ maxScore: z.number().min(0).max(100) })
    .describe("The enthusiasm-gap finding: the mean score below which positive non-deciders are a gap."),
};

/** The judgement policy: the numbers and lists behind question ranking, whom to ask, and lost contacts. */
export const Policy = z.strictObject({
  $schema: z.string().optional(),
  $comment: z.string().optional(),
  ...fields,
});
export type Policy = z.infer<typeof Policy>;

/** What a plugin may override: any part of the policy; a table by its rows, and a row by its cells. */
export const PolicyOverride = z.strictObject({
  defaultStage: fields.defaultStage.optional(),
  stageWeights: z.partialRecord(Topic, z.partialRecord(Stage, weight)).optional(),
  gap: z
    .strictObject({ unknown: share.optional(), unmet: share.optional(), partial: share.optional() })
    .optional(),
  positionDecay: fields.positionDecay.optional(),
  positionFloor: fields.positionFloor.optional(),
  topicSpread: z
    .strictObject({
      head: z.number().int().min(0).max(50).optional(),
      perTopic: z.number().int().min(1).max(50).optional(),
    })
    .optional(),
  topicRoles: z.partialRecord(Topic, z.array(Role)).optional(),
  sensitiveTopics: fields.sensitiveTopics.optional(),
  aboutTheDecider: fields.aboutTheDecider.optional(),
  lostAfterDays: fields.lostAfterDays.optional(),
  enthusiasmGap: z.strictObject({ maxScore: z.number().min(0).max(100).optional() }).optional(),
});
export type PolicyOverride = z.input<typeof PolicyOverride>;

export { DEFAULT_POLICY, mergePolicy } from "./policy-default.js";
