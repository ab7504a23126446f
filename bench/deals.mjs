// A seeded generator of realistic synthetic deals: 1 to 12 stakeholders, varied fields.
import { Role, Stage } from "../dist/index.js";

const ROLES = Role.options;
const STAGES = Stage.options;
const NAMES = [
  "Alice Moreno",
  "Bob Li",
  "Carla Diaz",
  "Dev Rao",
  "Eve Stone",
  "Fay Wu",
  "Gil Kahn",
  "Hana Ito",
  "Ivo Petrov",
  "Jae Park",
  "Kofi Mensah",
  "Lea Roux",
];

/** A small deterministic PRNG (mulberry32), so every run scores the same deals. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th synthetic deal of the stream seeded by `seed`. */
export function makeDeal(i, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const maybe = (p, f) => (random() < p ? f() : undefined);
  const day = () =>
    `2026-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  const n = 1 + Math.floor(random() * 12);
  const stakeholders = Array.from({ length: n }, (_, k) => {
    const s = { id: `s${k}`, name: NAMES[k] };
    if (random() < 0.7) s.seniority = pick(["individual", "manager", "director", "executive", "owner"]);
    if (random() < 0.8) s.technical = random() < 0.5;
    if (random() < 0.4) s.roles = [pick(ROLES)];
    if (random() < 0.7) s.sentiment = pick(["positive", "neutral", "negative"]);
    if (random() < 0.6) s.influence = pick(["low", "medium", "high"]);
    if (k > 0 && random() < 0.5) s.reportsTo = `s${Math.floor(random() * k)}`;
    if (random() < 0.7) s.engaged = random() < 0.7;
    if (random() < 0.5) s.lastContact = day();
    return s;
  });
  const deal = { id: `deal-${i}`, name: `Synthetic deal ${i}`, stage: pick(STAGES), stakeholders };
  const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  if (random() < 0.8) deal.amount = { value: Math.round(random() * 500000), currency: "EUR" };
  if (random() < 0.7)
    deal.account = {
      name: `Account ${i}`,
      industry: pick(["Retail", "Health", "Logistics"]),
      employees: Math.floor(random() * 5000),
    };
  if (random() < 0.6)
    deal.budget = clean({
      status: pick(["none", "exploring", "allocated", "approved"]),
      ownerId: maybe(0.5, () => `s${Math.floor(random() * n)}`),
    });
  if (random() < 0.6)
    deal.timeline = clean({
      decisionBy: maybe(0.8, day),
      startBy: maybe(0.5, day),
      compellingEvent: maybe(0.4, () => "Contract renewal"),
    });
  if (random() < 0.7)
    deal.needs = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      clean({
        description: "A need",
        impact: maybe(0.8, () => pick(["low", "medium", "high", "critical"])),
        quantified: maybe(0.5, () => random() < 0.5),
      }),
    );
  if (random() < 0.4)
    deal.metrics = [
      clean({
        description: "A metric",
        baseline: 10,
        target: maybe(0.7, () => 20),
        agreedBy: maybe(0.5, () => `s${Math.floor(random() * n)}`),
      }),
    ];
  if (random() < 0.5)
    deal.decision = clean({
      criteria: [{ description: "SSO", kind: pick(["technical", "business", "commercial"]) }],
      process: maybe(0.6, () => pick(["partial", "mapped"])),
      paperProcess: maybe(0.4, () => pick(["partial", "mapped"])),
    });
  if (random() < 0.5)
    deal.competition = [
      clean({
        name: "Rival",
        kind: pick(["incumbent", "brand-leader", "challenger", "in-house", "status-quo"]),
        position: maybe(0.7, () => pick(["ahead", "level", "behind"])),
      }),
    ];
  deal.interactions = Array.from({ length: Math.floor(random() * 5) }, () => ({
    date: day(),
    kind: "call",
    stakeholderIds: [`s${Math.floor(random() * n)}`],
  }));
  return deal;
}

/** `count` deals from the stream seeded by `seed`. */
export function makeDeals(count, seed = 42) {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => makeDeal(i, random));
}
