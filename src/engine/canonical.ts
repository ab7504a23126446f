import type { Deal } from "../model/deal.js";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function byJson<T>(list: readonly T[] | undefined): T[] | undefined {
  if (!list) return undefined;
  if (list.length < 2) return [...list];
  return list
    .map((item) => [JSON.stringify(item), item] as const)
    .sort((a, b) => compare(a[0], b[0]))
    .map(([, item]) => item);
}

/**
 * A copy of the deal whose unordered lists are in a canonical order (stakeholders by id, the rest by
 * content), so that the order a CRM happens to export them in never changes a report. Ordered lists
 * (process steps) keep their order. The input is not touched.
 */
export function canonicalDeal(deal: Deal): Deal {
  const out: Deal = { ...deal };
  if (deal.stakeholders) out.stakeholders = [...deal.stakeholders].sort((a, b) => compare(a.id, b.id));
  if (deal.needs) out.needs = byJson(deal.needs) as Deal["needs"] & object;
  if (deal.metrics) out.metrics = byJson(deal.metrics) as Deal["metrics"] & object;
  if (deal.competition) out.competition = byJson(deal.competition) as Deal["competition"] & object;
  if (deal.interactions) out.interactions = byJson(deal.interactions) as Deal["interactions"] & object;
  if (deal.decision?.criteria)
    out.decision = {
      ...deal.decision,
      criteria: byJson(deal.decision.criteria) as NonNullable<Deal["decision"]>["criteria"] & object,
    };
  return out;
}
