import type { Deal } from "../model/deal.js";
import type { Stage, Status } from "../model/enums.js";
import type { QuestionDef } from "../model/framework.js";
import type { NextQuestion } from "../model/report.js";
import { DEFAULT_STAGE, GAP, STAGE_WEIGHTS } from "./stage-weights.js";
import { chooseTarget } from "./target.js";
import { renderTemplate } from "./template.js";

/** A question offered by one criterion that is not met. */
export interface QuestionOffer {
  /** The question as defined. */
  readonly question: QuestionDef;
  /** `framework/criterion`. */
  readonly criterion: string;
  /** Display label, e.g. "BANT Authority". */
  readonly label: string;
  /** The criterion's status. */
  readonly status: Exclude<Status, "met">;
  /** The criterion's share of its framework's weight (0-1). */
  readonly share: number;
  /** The question's place in its criterion's list (0 first): the first is the most direct. */
  readonly position: number;
}

/** Each later question of a criterion is worth a little less than the one before it. */
export const POSITION_DECAY = 0.1;
const value = (o: QuestionOffer) => o.share * GAP[o.status] * Math.max(0.5, 1 - POSITION_DECAY * o.position);

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Merges the offers of every framework into one ranked list: the same question (topic and id) asked by
 * several frameworks becomes one entry that lists every criterion it serves; its priority adds up the
 * value of each answer (weight share x gap x position decay), times the stage weight of the topic, x100.
 */
export function rankQuestions(offers: readonly QuestionOffer[], deal: Deal): NextQuestion[] {
  const stage: Stage = deal.stage ?? DEFAULT_STAGE;
  const groups = new Map<string, QuestionOffer[]>();
  for (const offer of offers) {
    const key = `${offer.question.topic}/${offer.question.id}`;
    groups.set(key, [...(groups.get(key) ?? []), offer]);
  }
  const out: NextQuestion[] = [];
  for (const group of groups.values()) {
    const byValue = [...group].sort((a, b) => value(b) - value(a));
    const first = byValue[0] as QuestionOffer;
    const q = first.question;
    const weight = STAGE_WEIGHTS[q.topic][stage];
    const priority = round1(100 * weight * group.reduce((sum, o) => sum + value(o), 0));
    const target = chooseTarget(deal, q.topic, q.askOf);
    const open = byValue.map((o) => `${o.label} (${o.status})`);
    const person = target
      ? { name: target.person.name, firstName: target.person.name.split(/\s+/)[0], id: target.person.id }
      : {};
    const text = renderTemplate(q.text, (name) =>
      name.startsWith("ask.") ? (person as Record<string, unknown>)[name.slice(4)] : undefined,
    );
    out.push({
      id: q.id,
      text,
      topic: q.topic,
      ...(target ? { askId: target.person.id } : {}),
      why: `${q.settles}. Open: ${open.join(", ")}.${target ? ` Ask ${target.person.name}, who ${target.because}.` : " Nobody has been engaged yet: find someone to ask."}`,
      criteria: [...new Set(byValue.map((o) => o.criterion))],
      priority,
    });
  }
  return out.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
}
