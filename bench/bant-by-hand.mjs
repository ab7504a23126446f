// BANT written by hand, the way a developer would without qualify: statuses with explanations, and the
// score, range and confidence. It must agree with qualify's BANT (checked before timing).
const DECIDERS = ["economic-buyer", "decision-maker"];
const isDecider = (s) => s.roles?.some((r) => DECIDERS.includes(r));
const list = (xs) =>
  xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

function daysUntil(asOf, date) {
  if (!date) return null;
  return (
    (Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) -
      Date.UTC(+asOf.slice(0, 4), +asOf.slice(5, 7) - 1, +asOf.slice(8, 10))) /
    86400000
  );
}

function budget(deal) {
  const status = deal.budget?.status;
  if (status === "none") return "unmet";
  if (status === "allocated" || status === "approved") return "met";
  if (status === "exploring") return "partial";
  return "unknown";
}

function authority(deal) {
  const people = deal.stakeholders ?? [];
  const deciders = people.filter(isDecider);
  if (deciders.some((s) => s.sentiment === "negative")) return "unmet";
  if (deciders.some((s) => s.engaged === true)) return "met";
  if (deciders.length > 0) return "partial";
  const byId = new Map(people.map((s) => [s.id, s]));
  const linked = (s) => {
    const seen = new Set();
    for (let p = s; p && typeof p.reportsTo === "string" && !seen.has(p.reportsTo); ) {
      seen.add(p.reportsTo);
      p = byId.get(p.reportsTo);
      if (p && isDecider(p)) return true;
    }
    return false;
  };
  if (people.some((s) => s.engaged === true && s.roles?.includes("champion") && linked(s))) return "partial";
  return "unknown";
}

function need(deal) {
  const needs = deal.needs ?? [];
  if (needs.some((n) => n.impact === "high" || n.impact === "critical")) return "met";
  if (needs.length > 0 && needs.every((n) => n.impact === "low")) return "unmet";
  if (needs.length > 0) return "partial";
  return "unknown";
}

function timeline(deal, asOf) {
  const t = deal.timeline ?? {};
  const closed = deal.stage === "closed-won" || deal.stage === "closed-lost";
  const d = daysUntil(asOf, t.decisionBy);
  if (d !== null && d < 0 && !closed) return "unmet";
  if (t.decisionBy && t.compellingEvent) return "met";
  if (t.decisionBy || t.startBy || t.compellingEvent) return "partial";
  return "unknown";
}

const VALUE = { met: 1, partial: 0.5, unmet: 0, unknown: 0 };
const round1 = (n) => Math.round(n * 10) / 10;

/** BANT by hand: the four statuses, a sentence for each, and the score. */
export function bantByHand(deal, asOf) {
  const statuses = {
    budget: budget(deal),
    authority: authority(deal),
    need: need(deal),
    timeline: timeline(deal, asOf),
  };
  const names = (deal.stakeholders ?? []).filter(isDecider).map((s) => s.name);
  const explanation = {
    budget: `Budget: ${statuses.budget}`,
    authority: names.length
      ? `${list(names)} decides (${statuses.authority})`
      : "Nobody has confirmed who decides.",
    need: `Need: ${statuses.need}`,
    timeline: `Timeline: ${statuses.timeline}`,
  };
  const criteria = Object.entries(statuses).map(([id, status]) => ({
    id,
    status,
    weight: 25,
    explanation: explanation[id],
  }));
  const earned = criteria.reduce((s, c) => s + 25 * VALUE[c.status], 0);
  const unknown = criteria.reduce((s, c) => s + (c.status === "unknown" ? 25 : 0), 0);
  return {
    score: round1(earned),
    confidence: (100 - unknown) / 100,
    range: { low: round1(earned), high: round1(earned + unknown) },
    criteria,
  };
}
