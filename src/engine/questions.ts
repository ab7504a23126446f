import { renderTemplate } from "../logic/template.js";
import { readPath, splitPath } from "../logic/var-path.js";
import type { Deal } from "../model/deal.js";
import type { Stage, Status } from "../model/enums.js";
import type { DealQuestion, QuestionDef } from "../model/framework.js";
import type { Policy } from "../model/policy.js";
import type { NextQuestion } from "../model/report.js";
import { type Target, targetChooser } from "./target.js";

/** A question offered by one criterion that is not met. */
export interface QuestionOffer {
  /** The question as defined. */
  readonly question: QuestionDef;
  /** `topic/id`: the same key in two frameworks means the same question. */
  readonly key: string;
  /** `framework/criterion`. */
  readonly criterion: string;
  /** How the `why` names it, e.g. "BANT Authority (unknown)". */
  readonly open: string;
  /** The criterion's status. */
  readonly status: Exclude<Status, "met">;
  /** The criterion's share of its framework's weight (0-1). */
  readonly share: number;
  /** The question's place in its criterion's list (0 first): the first is the most direct. */
  readonly position: number;
  /** Its `answeredBy` paths, split when the framework was compiled. */
  readonly answered?: readonly (readonly string[])[] | undefined;
}

/** A deal-level question whose condition holds, with its text rendered. */
export interface DealQuestionOffer {
  /** The question as defined. */
  readonly question: DealQuestion;
  /** Its text, rendered for this deal. */
  readonly text: string;
}

/** What ranking needs besides the offers and the deal. */
export interface RankOptions {
  /** The date the deal is judged at. */
  readonly asOf: string;
  /** The judgement policy: stage weights, gaps, position decay, topic spread, whom to ask. */
  readonly policy: Readonly<Policy>;
  /** The deal-level questions whose conditions hold. */
  readonly dealLevel?: readonly DealQuestionOffer[];
  /** Whether to write each question's `why` (compact reports leave it out). */
  readonly withWhy?: boolean;
}

/** An offer's value: its criterion's share x the gap of its status x the decay of its place in the list. */
const offerValue = (o: QuestionOffer, p: Readonly<Policy>) =>
  o.share * p.gap[o.status] * Math.max(p.positionFloor, 1 - p.positionDecay * o.position);

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Merges the offers of every framework into one ranked list: the same question (topic and id) asked by
 * several frameworks becomes one entry that lists every criterion it serves; its priority adds up the
 * value of each answer (weight share x gap x position decay), times the stage weight of the topic, x100.
 */
export function rankQuestions(
  offers: readonly QuestionOffer[],
  deal: Deal,
  { asOf, policy, dealLevel = [], withWhy = true }: RankOptions,
): NextQuestion[] {
  const stage: Stage = deal.stage ?? policy.defaultStage;
  const groups = new Map<string, Array<{ offer: QuestionOffer; value: number }>>();
  const chooseTarget = targetChooser(deal, asOf, policy);
  for (const offer of offers) {
    // Not asked when the deal already holds the answer, or at a stage it no longer fits.
    if (offer.question.unlessStage?.includes(stage)) continue;
    if (offer.answered?.every((parts) => hasValue(readPath(deal, parts, undefined)))) continue;
    const entry = { offer, value: offerValue(offer, policy) };
    const group = groups.get(offer.key);
    if (group) group.push(entry);
    else groups.set(offer.key, [entry]);
  }
  const out: NextQuestion[] = [];
  for (const group of groups.values()) {
    // Most valuable first; a stable sort keeps the frameworks' order between equals.
    if (group.length > 1) sortByValue(group);
    const q = (group[0] as { offer: QuestionOffer }).offer.question;
    let sum = 0;
    const open: string[] = [];
    const criteria: string[] = [];
    for (const { offer, value } of group) {
      sum += value;
      open.push(offer.open);
      if (!criteria.includes(offer.criterion)) criteria.push(offer.criterion);
    }
    const target = chooseTarget(q.topic, q.askOf);
    // Someone could be asked, but nobody fit to be (the decider about the decider, a blocker): not asked.
    if (!target && chooseTarget.anyoneToAsk) continue;
    // `{ask.name}` is the person asked; any other placeholder is a deal path (`{amount}`).
    const text = q.text.includes("{")
      ? renderTemplate(q.text, (name, path) =>
          name.startsWith("ask.")
            ? askField(target, name)
            : readPath(deal, path ?? splitPath(name), undefined),
        )
      : q.text;
    const why = withWhy ? `${q.settles}. Open: ${open.join(", ")}.${askedWhy(target)}` : "";
    out.push(
      question(q, text, target, why, criteria, round1(100 * policy.stageWeights[q.topic][stage] * sum)),
    );
  }
  for (const { question: q, text } of dealLevel) {
    const target = chooseTarget(q.topic, q.askOf);
    if (!target && chooseTarget.anyoneToAsk) continue;
    out.push(question(q, text, target, withWhy ? `${q.settles}.${askedWhy(target)}` : "", [], q.priority));
  }
  return spreadTopics(
    out.sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    policy.topicSpread,
  );
}

/**
 * Reorders a ranked list so one topic does not crowd the top: each of the first `spread.head`
 * places goes to the best question whose topic is not already there `perTopic` times; only when every
 * remaining question is on such a topic does the best of them take it. The rest keep their rank order.
 */
export function spreadTopics<T extends { readonly topic: string }>(
  ranked: readonly T[],
  spread: Readonly<Policy["topicSpread"]>,
): T[] {
  const rest = [...ranked];
  const head: T[] = [];
  const used = new Map<string, number>();
  while (head.length < spread.head && rest.length > 0) {
    let i = rest.findIndex((q) => (used.get(q.topic) ?? 0) < spread.perTopic);
    if (i < 0) i = 0;
    const [q] = rest.splice(i, 1) as [T];
    head.push(q);
    used.set(q.topic, (used.get(q.topic) ?? 0) + 1);
  }
  return [...head, ...rest];
}

/** The end of a question's `why`: whom to ask and why them. */
function askedWhy(target: Target): string {
  return target
    ? ` Ask ${target.person.name}, who ${target.because}.`
    : " Nobody has been engaged yet: find someone to ask.";
}

/** A ranked question, its keys always in the report's order (two shapes: with a person to ask, or not). */
function question(
  q: { readonly id: string; readonly topic: NextQuestion["topic"] },
  text: string,
  target: Target,
  why: string,
  criteria: string[],
  priority: number,
): NextQuestion {
  return target
    ? {
        id: q.id,
        text,
        topic: q.topic,
        askId: target.person.id,
        askName: target.person.name,
        why,
        criteria,
        priority,
      }
    : { id: q.id, text, topic: q.topic, why, criteria, priority };
}

/** Whether a deal path holds an answer: a value that is not empty. */
function hasValue(v: unknown): boolean {
  return !(v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0));
}

/** Most valuable first, equals in their original order (frameworks' order): an insertion sort, as groups are small. */
function sortByValue(group: Array<{ value: number }>): void {
  for (let i = 1; i < group.length; i++) {
    const item = group[i] as { value: number };
    let j = i - 1;
    while (j >= 0 && (group[j] as { value: number }).value < item.value) {
      group[j + 1] = group[j] as { value: number };
      j -= 1;
    }
    group[j + 1] = item;
  }
}

/** `{ask.name}`, `{ask.firstName}` and `{ask.id}` in a question's text: the person it is aimed at. */
function askField(target: Target, name: string): unknown {
  if (!target || !name.startsWith("ask.")) return undefined;
  const field = name.slice(4);
  if (field === "firstName") return target.person.name.split(/\s+/)[0];
  return field === "name" ? target.person.name : field === "id" ? target.person.id : undefined;
}
