import { holdsRole, isBuyerSide, isLost, peopleOf } from "../logic/people-index.js";
import type { Deal } from "../model/deal.js";
import type { Role, Topic } from "../model/enums.js";
import type { Policy } from "../model/policy.js";
import type { Stakeholder } from "../model/stakeholder.js";

// Code-point order: the same on every machine and locale (localeCompare is neither fast nor portable).
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const INFLUENCE = { low: 1, medium: 2, high: 3 } as const;

/** "Ask Tom, who ...": each role as a sentence ends it. */
const ROLE_PHRASE: Readonly<Record<Role, string>> = {
  "economic-buyer": "is the economic buyer",
  "decision-maker": "is the decision maker",
  champion: "is the champion",
  coach: "is your coach",
  "technical-buyer": "is the technical buyer",
  "user-buyer": "is a user buyer",
  influencer: "is an influencer",
  blocker: "is a blocker",
  procurement: "handles procurement",
  legal: "handles legal",
};

/** Against the deal: negative, or a confirmed blocker. */
export const isHostile = (s: Stakeholder): boolean =>
  s.sentiment === "negative" || s.roles?.includes("blocker") === true;
const DECIDES = ["economic-buyer", "decision-maker"] as const;

/** The engaged stakeholder a seller knows best: most interactions, then latest contact, then influence. */
export function closestContact(deal: Deal, among?: readonly Stakeholder[]): Stakeholder | undefined {
  const engaged = among ?? (deal.stakeholders ?? []).filter((s) => s.engaged === true);
  if (engaged.length <= 1) return engaged[0];
  const talks = new Map<string, number>();
  for (const i of deal.interactions ?? [])
    for (const id of i.stakeholderIds) talks.set(id, (talks.get(id) ?? 0) + 1);
  return [...engaged].sort(
    (a, b) =>
      (talks.get(b.id) ?? 0) - (talks.get(a.id) ?? 0) ||
      compare(b.lastContact ?? "", a.lastContact ?? "") ||
      (b.influence ? INFLUENCE[b.influence] : 0) - (a.influence ? INFLUENCE[a.influence] : 0) ||
      compare(a.id, b.id),
  )[0];
}

/** Whom to ask, and why them. */
export type Target = { readonly person: Stakeholder; readonly because: string } | undefined;

/**
 * Chooses whom to ask a question on a topic, for one deal. Only people we have spoken with are asked,
 * and of those only live contacts: never someone who has left, and someone silent for 90 days only when
 * nobody more recent is engaged. Someone against the deal (negative, or a blocker) is never asked: their
 * concerns become a question to the champion. Sensitive topics (authority, budget, process, timeline,
 * competition) without a role holder to ask go to a friend; questions about the decider never go to the
 * decider. Answers are
 * remembered per topic and roles, so ranking many questions looks at the deal once.
 */
export function targetChooser(
  deal: Deal,
  asOf: string | undefined,
  policy: Readonly<Policy>,
): ((topic: Topic, askOf: readonly Role[] | undefined) => Target) & { readonly anyoneToAsk: boolean } {
  const index = peopleOf(deal);
  const engaged = (deal.stakeholders ?? [])
    .filter((s) => s.engaged === true && s.departed !== true)
    .sort((a, b) => compare(a.id, b.id));
  // The buyer's own live people first: a partner's rep, an advisor or someone moved only when nobody else is.
  const live = engaged.filter((s) => !isLost(index, s, asOf, policy.lostAfterDays) && isBuyerSide(s));
  const reachable = live.length > 0 ? live : engaged;
  const memo = new Map<string, Target>();
  const choose = (topic: Topic, askOf: readonly Role[] | undefined): Target => {
    // Someone against the deal is asked nothing from the frameworks: their concerns go to the champion.
    const eligible = reachable.filter(
      (s) => !isHostile(s) && !(policy.aboutTheDecider.includes(topic) && holdsRole(index, s, DECIDES)),
    );
    if (topic === "budget" && deal.budget?.ownerId) {
      const owner = eligible.find((s) => s.id === deal.budget?.ownerId);
      if (owner) return { person: owner, because: "owns the budget" };
    }
    for (const role of askOf ?? policy.topicRoles[topic]) {
      const holder = eligible.find((s) => holdsRole(index, s, [role]));
      if (holder) return { person: holder, because: ROLE_PHRASE[role] };
    }
    if (policy.sensitiveTopics.includes(topic)) {
      // Through a friend: a positive contact, the closest to power first.
      const friends = eligible.filter((s) => s.sentiment === "positive");
      const best = [...friends].sort(
        (a, b) =>
          (b.influence ? INFLUENCE[b.influence] : 0) - (a.influence ? INFLUENCE[a.influence] : 0) ||
          compare(a.id, b.id),
      )[0];
      if (best) return { person: best, because: "is on your side" };
    }
    const closest = closestContact(deal, eligible);
    return closest ? { person: closest, because: "is the closest contact you have" } : undefined;
  };
  const chooser = (topic: Topic, askOf: readonly Role[] | undefined) => {
    const key = askOf ? `${topic}|${askOf.join(",")}` : topic;
    if (!memo.has(key)) memo.set(key, choose(topic, askOf));
    return memo.get(key);
  };
  return Object.assign(chooser, { anyoneToAsk: reachable.length > 0 });
}
