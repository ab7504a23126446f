import type { Deal } from "../model/deal.js";
import type { Role, Topic } from "../model/enums.js";
import type { Stakeholder } from "../model/stakeholder.js";
import { TOPIC_ROLES } from "./stage-weights.js";

/** The engaged stakeholder a seller knows best: most interactions, then latest contact, then influence. */
export function closestContact(deal: Deal): Stakeholder | undefined {
  const engaged = (deal.stakeholders ?? []).filter((s) => s.engaged === true);
  const talks = (id: string) => (deal.interactions ?? []).filter((i) => i.stakeholderIds.includes(id)).length;
  const influence = { low: 1, medium: 2, high: 3 } as const;
  return [...engaged].sort(
    (a, b) =>
      talks(b.id) - talks(a.id) ||
      (b.lastContact ?? "").localeCompare(a.lastContact ?? "") ||
      (b.influence ? influence[b.influence] : 0) - (a.influence ? influence[a.influence] : 0) ||
      a.id.localeCompare(b.id),
  )[0];
}

/** Whom to ask a question on `topic`, and why them. Only people we have spoken with are asked. */
export function chooseTarget(
  deal: Deal,
  topic: Topic,
  askOf: readonly Role[] | undefined,
): { person: Stakeholder; because: string } | undefined {
  const engaged = (deal.stakeholders ?? []).filter((s) => s.engaged === true);
  if (topic === "budget" && deal.budget?.ownerId) {
    const owner = engaged.find((s) => s.id === deal.budget?.ownerId);
    if (owner) return { person: owner, because: "owns the budget" };
  }
  for (const role of askOf ?? TOPIC_ROLES[topic]) {
    const holder = [...engaged].sort((a, b) => a.id.localeCompare(b.id)).find((s) => s.roles?.includes(role));
    if (holder) return { person: holder, because: `is the ${role.replace(/-/g, " ")}` };
  }
  const closest = closestContact(deal);
  return closest ? { person: closest, because: "is the closest contact you have" } : undefined;
}
