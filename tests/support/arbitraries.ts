import fc from "fast-check";
import { Role } from "../../src/index.js";
import { STAGES } from "../../src/model/values.js";

const roles = Role.options;
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const day = fc
  .date({ min: new Date("2025-01-01"), max: new Date("2027-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Drops keys whose value is undefined: absent stays absent. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Valid deals of every shape: 0 to 8 stakeholders with consistent references. */
export const dealArb = fc
  .record({
    n: fc.integer({ min: 0, max: 8 }),
    people: fc.array(
      fc.record({
        name: fc.constantFrom(
          "Alice Moreno",
          "Bob Li",
          "Carla Diaz",
          "Dev Rao",
          "Eve Stone",
          "Fay Wu",
          "Gil Kahn",
          "Hana Ito",
        ),
        seniority: opt(fc.constantFrom("individual", "manager", "director", "executive", "owner")),
        technical: opt(fc.boolean()),
        roles: opt(fc.uniqueArray(fc.constantFrom(...roles), { maxLength: 2 })),
        sentiment: opt(fc.constantFrom("positive", "neutral", "negative")),
        influence: opt(fc.constantFrom("low", "medium", "high")),
        boss: opt(fc.nat(7)),
        engaged: opt(fc.boolean()),
        lastContact: opt(day),
        departed: opt(fc.constant(true as const)),
        concerns: opt(fc.array(fc.constantFrom("security", "price", "Data residency"), { maxLength: 2 })),
      }),
      { minLength: 8, maxLength: 8 },
    ),
    stage: opt(fc.constantFrom(...STAGES)),
    type: opt(fc.constantFrom("new-business", "expansion", "renewal")),
    amount: opt(
      fc.record({ value: fc.integer({ min: 0, max: 500000 }), currency: fc.constantFrom("EUR", "USD") }),
    ),
    employees: opt(fc.constantFrom(3, 40, 300, 5000)),
    budget: opt(
      fc.record({
        status: opt(fc.constantFrom("none", "exploring", "allocated", "approved")),
        owner: opt(fc.nat(7)),
        amount: opt(
          fc.record({ value: fc.integer({ min: 0, max: 500000 }), currency: fc.constantFrom("EUR", "USD") }),
        ),
      }),
    ),
    timeline: opt(
      fc.record({
        decisionBy: opt(day),
        startBy: opt(day),
        compellingEvent: opt(fc.constantFrom("Renewal", "Audit")),
        compellingEventKind: opt(fc.constantFrom("business", "process")),
      }),
    ),
    needs: opt(
      fc.array(
        fc.record({
          description: fc.constantFrom("Speed", "Cost", "Risk"),
          impact: opt(fc.constantFrom("low", "medium", "high", "critical")),
          quantified: opt(fc.boolean()),
        }),
        { maxLength: 3 },
      ),
    ),
    metrics: opt(
      fc.array(
        fc.record({
          description: fc.constantFrom("Churn", "Uptime"),
          baseline: opt(fc.integer()),
          target: opt(fc.integer()),
        }),
        { maxLength: 2 },
      ),
    ),
    decision: opt(
      fc.record({
        criteria: opt(
          fc.array(
            fc.record({
              description: fc.constantFrom("SSO", "Price"),
              kind: opt(fc.constantFrom("technical", "business", "commercial")),
            }),
            { maxLength: 3 },
          ),
        ),
        process: opt(fc.constantFrom("partial", "mapped")),
        paperProcess: opt(fc.constantFrom("partial", "mapped")),
      }),
    ),
    competition: opt(
      fc.array(
        fc.record({
          name: fc.constantFrom("BigCo", "Do nothing"),
          kind: opt(fc.constantFrom("incumbent", "brand-leader", "challenger", "in-house", "status-quo")),
          position: opt(fc.constantFrom("ahead", "level", "behind")),
        }),
        { maxLength: 2 },
      ),
    ),
    talks: fc.array(fc.record({ date: day, who: fc.nat(7) }), { maxLength: 4 }),
  })
  .map((r) => {
    const people = r.people.slice(0, r.n).map((p, i) => {
      // Reporting lines only point to earlier people, so there is never a cycle.
      const boss = p.boss !== undefined && i > 0 ? `s${p.boss % i}` : undefined;
      return compact({
        id: `s${i}`,
        name: p.name,
        seniority: p.seniority,
        technical: p.technical,
        roles: p.roles,
        sentiment: p.sentiment,
        influence: p.influence,
        reportsTo: boss,
        engaged: p.engaged,
        lastContact: p.lastContact,
        departed: p.departed,
        concerns: p.concerns,
      });
    });
    const ref = (i: number | undefined) => (i !== undefined && r.n > 0 ? `s${i % r.n}` : undefined);
    return compact({
      id: "deal",
      name: "Generated deal",
      stage: r.stage,
      type: r.type,
      amount: r.amount,
      account: r.employees !== undefined ? { name: "Account", employees: r.employees } : undefined,
      stakeholders: people,
      budget: r.budget
        ? compact({ status: r.budget.status, ownerId: ref(r.budget.owner), amount: r.budget.amount })
        : undefined,
      timeline: r.timeline ? compact(r.timeline) : undefined,
      needs: r.needs?.map(compact),
      metrics: r.metrics?.map(compact),
      decision: r.decision
        ? compact({ ...r.decision, criteria: r.decision.criteria?.map(compact) })
        : undefined,
      competition: r.competition?.map(compact),
      interactions:
        r.n > 0 ? r.talks.map((t) => ({ date: t.date, stakeholderIds: [`s${t.who % r.n}`] })) : undefined,
    });
  });

type Loose = Record<string, unknown>;
/** Sets `key` on `o` when the value is not undefined (absent stays absent). */
const put = (o: Loose, key: string, value: unknown) => {
  if (value !== undefined) o[key] = value;
};

/**
 * Valid deals carrying the deal model 1.2 fields: people moved, from a partner or an advisor, with an
 * approval limit or a veto; slipped dates, funding deadlines, frozen budgets, acquisitions, usage, pilots,
 * eliminated rivals, the decision method and how well we fit each criterion. Metrics name who agreed them.
 */
export const deal12Arb = fc
  .record({
    deal: dealArb,
    people: fc.array(
      fc.record({
        moved: opt(fc.constant(true as const)),
        movedOn: opt(day),
        organisation: opt(fc.constantFrom("buyer", "partner", "advisor")),
        approvalLimit: opt(fc.integer({ min: 0, max: 500000 })),
        canVeto: opt(fc.constant(true as const)),
      }),
      { minLength: 8, maxLength: 8 },
    ),
    history: opt(fc.array(day, { minLength: 1, maxLength: 3 })),
    funding: fc.boolean(),
    frozen: fc.boolean(),
    acquiredOn: opt(day),
    usageTrend: opt(fc.constantFrom("growing", "flat", "declining")),
    pilot: opt(
      fc.record({
        status: opt(fc.constantFrom("planned", "running", "passed", "failed")),
        successCriteria: opt(
          fc.array(fc.constantFrom("No-shows below 8%", "Go-live in 30 days"), { maxLength: 2 }),
        ),
        sponsor: opt(fc.nat(7)),
      }),
    ),
    eliminated: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
    method: opt(fc.constantFrom("evaluation", "tender", "auction", "single-source")),
    fits: fc.array(opt(fc.constantFrom("strong", "partial", "weak")), { minLength: 3, maxLength: 3 }),
    agreedBy: fc.array(opt(fc.nat(7)), { minLength: 2, maxLength: 2 }),
  })
  .map((r) => {
    const deal = structuredClone(r.deal) as Loose;
    const people = (deal.stakeholders ?? []) as Loose[];
    const ref = (i: number | undefined) =>
      i !== undefined && people.length > 0 ? `s${i % people.length}` : undefined;
    people.forEach((p, i) => {
      const extra = r.people[i] as (typeof r.people)[number];
      put(p, "moved", extra.moved);
      put(p, "movedOn", extra.moved ? extra.movedOn : undefined);
      put(p, "organisation", extra.organisation);
      put(p, "canVeto", extra.canVeto);
      const currency = (deal.amount as { currency?: string } | undefined)?.currency ?? "EUR";
      if (extra.approvalLimit !== undefined) p.approvalLimit = { value: extra.approvalLimit, currency };
    });
    const timeline = (deal.timeline ?? {}) as Loose;
    put(timeline, "decisionByHistory", r.history?.sort());
    if (r.funding && timeline.compellingEvent) timeline.compellingEventKind = "funding";
    if (Object.keys(timeline).length) deal.timeline = timeline;
    if (r.frozen && deal.budget) (deal.budget as Loose).status = "frozen";
    const account = (deal.account ?? {}) as Loose;
    put(account, "acquiredOn", r.acquiredOn);
    put(account, "parent", r.acquiredOn ? "Group plc" : undefined);
    put(account, "usageTrend", r.usageTrend);
    if (Object.keys(account).length) deal.account = account;
    if (r.pilot) {
      const pilot: Loose = {};
      put(pilot, "status", r.pilot.status);
      put(pilot, "successCriteria", r.pilot.successCriteria);
      put(pilot, "sponsorId", ref(r.pilot.sponsor));
      deal.pilot = pilot;
    }
    ((deal.competition ?? []) as Loose[]).forEach((c, i) => {
      if (r.eliminated[i]) c.eliminated = true;
    });
    if (deal.decision) {
      const decision = deal.decision as Loose;
      put(decision, "method", r.method);
      ((decision.criteria ?? []) as Loose[]).forEach((c, i) => put(c, "fit", r.fits[i]));
    }
    ((deal.metrics ?? []) as Loose[]).forEach((m, i) => put(m, "agreedBy", ref(r.agreedBy[i] ?? undefined)));
    return deal;
  });
