import type { Deal } from "../model/deal.js";
import type { Role, Topic } from "../model/enums.js";
import type { Stakeholder } from "../model/stakeholder.js";
import { TOPIC_ROLES } from "./stage-weights.js";

// Code-point order: the same on every machine and locale (localeCompare is neither fast nor portable).
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The engaged stakeholder a seller knows best: most interactions, then latest contact, then influence. */
export function closestContact(deal: Deal): Stakeholder | undefined {
  const engaged = (deal.stakeholders ?? []).filter((s) => s.engaged === true);
  if (engaged.length <= 1) return engaged[0];
  const talks = new Map<string, number>();
  for (const i of deal.interactions ?? [])
    for (const id of i.stakeholderIds) talks.set(id, (talks.get(id) ?? 0) + 1);
  const influence = { low: 1, medium: 2, high: 3 } as const;
  return [...engaged].sort(
    (a, b) =>
      (talks.get(b.id) ?? 0) - (talks.get(a.id) ?? 0) ||
      compare(b.lastContact ?? "", a.lastContact ?? "") ||
      (b.influence ? influence[b.influence] : 0) - (a.influence ? influence[a.influence] : 0) ||
      compare(a.id, b.id),
  )[0];
}

/** Whom to ask, and why them. */
export type Target = { readonly person: Stakeholder; readonly because: string } | undefined;

/**
 * Chooses whom to ask a question on a topic, for one deal. Only people we have spoken with are asked.
 * Answers are remembered per topic and roles, so ranking many questions looks at the deal once.
 */
export function targetChooser(deal: Deal): (topic: Topic, askOf: readonly Role[] | undefined) => Target {
  const engaged = (deal.stakeholders ?? [])
    .filter((s) => s.engaged === true)
    .sort((a, b) => compare(a.id, b.id));
  let closest: { value: Stakeholder | undefined } | undefined;
  const memo = new Map<string, Target>();
  const choose = (topic: Topic, askOf: readonly Role[] | undefined): Target => {
    if (topic === "budget" && deal.budget?.ownerId) {
      const owner = engaged.find((s) => s.id === deal.budget?.ownerId);
      if (owner) return { person: owner, because: "owns the budget" };
    }
    for (const role of askOf ?? TOPIC_ROLES[topic]) {
      const holder = engaged.find((s) => s.roles?.includes(role));
      if (holder) return { person: holder, because: `is the ${role.replace(/-/g, " ")}` };
    }
    closest ??= { value: closestContact(deal) };
    return closest.value ? { person: closest.value, because: "is the closest contact you have" } : undefined;
  };
  return (topic, askOf) => {
    const key = `${topic}|${askOf?.join(",") ?? ""}`;
    if (!memo.has(key)) memo.set(key, choose(topic, askOf));
    return memo.get(key);
  };
}
