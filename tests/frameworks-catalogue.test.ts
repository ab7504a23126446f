import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinDefs } from "../src/frameworks/builtin-defs.js";
import { LazyCatalogue } from "../src/frameworks/lazy-catalogue.js";
import { createQualifier, type Deal, Topic } from "../src/index.js";
import { ROOT, readJson } from "./support/helpers.js";

// The contract of DESIGN.md: framework ids and their criterion ids, in order.
const DESIGN: Record<string, string[]> = {
  bant: ["budget", "authority", "need", "timeline"],
  anum: ["authority", "need", "urgency", "money"],
  champ: ["challenges", "authority", "money", "prioritization"],
  faint: ["funds", "authority", "interest", "need", "timing"],
  meddic: ["metrics", "economic-buyer", "decision-criteria", "decision-process", "identify-pain", "champion"],
  meddpicc: [
    "metrics",
    "economic-buyer",
    "decision-criteria",
    "decision-process",
    "paper-process",
    "identify-pain",
    "champion",
    "competition",
  ],
  "gpctba-ci": [
    "goals",
    "plans",
    "challenges",
    "timeline",
    "budget",
    "authority",
    "negative-consequences",
    "positive-implications",
  ],
  spiced: ["situation", "pain", "impact", "critical-event", "decision"],
  neat: ["need", "economic-impact", "access-to-authority", "timeline"],
  scotsman: ["solution", "competition", "originality", "timescale", "size", "money", "authority", "need"],
  "buying-influences": ["economic-buyer", "user-buyers", "technical-buyers", "coach"],
  spin: ["situation", "problem", "implication", "need-payoff"],
};
const ids = Object.keys(DESIGN);
const { catalogue } = createQualifier({ frameworks: [] });
const asOf = "2026-11-27";

describe("meta: every built-in framework", () => {
  it("the files in frameworks/ are the twelve of DESIGN.md plus the core rule set and the shared criteria", () => {
    const files = readdirSync(`${ROOT}/frameworks`).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual(
      [...ids, "core.rules", "index", "policy", "shared.criteria", "shared.definitions"].sort(),
    );
  });

  it("frameworks/index.json is the one list: every framework file, each after the one it extends, in the catalogue's order", () => {
    const index = readJson("frameworks/index.json") as { frameworks: string[]; rules: string };
    expect([...index.frameworks].sort()).toEqual([...ids].sort());
    expect(index.rules).toBe("core.rules");
    index.frameworks.forEach((id, at) => {
      const base = (readJson(`frameworks/${id}.json`) as { extends?: string }).extends;
      if (base) expect(index.frameworks.indexOf(base), `${id} extends ${base}`).toBeLessThan(at);
    });
    expect([...catalogue.keys()].filter((id) => ids.includes(id))).toEqual(index.frameworks);
  });

  it.each(ids)("%s: validates, its id matches its file, its criteria are the contract's", (id) => {
    const file = readJson(`frameworks/${id}.json`) as { id: string; $schema: string };
    expect(file.id).toBe(id);
    expect(file.$schema).toBe("../schema/framework.schema.json");
    const def = catalogue.get(id);
    expect(def?.criteria.map((c) => c.id)).toEqual(DESIGN[id]);
    expect(def?.summary?.length).toBeGreaterThan(40);
    expect(def?.origin?.author).toBeTruthy();
    expect(def?.origin?.reference).toBeTruthy();
  });

  it.each(ids)(
    "%s: every criterion has a description, a positive weight and three or more questions with known topics",
    (id) => {
      for (const c of catalogue.get(id)?.criteria ?? []) {
        expect(c.description.length, c.id).toBeGreaterThan(20);
        expect(c.weight, c.id).toBeGreaterThan(0);
        expect(c.questions.length, c.id).toBeGreaterThanOrEqual(3);
        for (const q of c.questions) expect(Topic.options, `${c.id}/${q.id}`).toContain(q.topic);
        expect(c.status?.length ?? 0, c.id).toBeGreaterThan(0);
      }
    },
  );

  it("one question id means one question: the same text and topic in every framework, so they merge", () => {
    const seen = new Map<string, string>();
    for (const def of catalogue.values()) {
      for (const c of def.criteria) {
        for (const q of c.questions) {
          const sig = `${q.topic} | ${q.text}`;
          expect(seen.get(q.id) ?? sig, `${def.id}/${c.id}/${q.id}`).toBe(sig);
          seen.set(q.id, sig);
        }
      }
    }
  });
});

// A deal where every criterion of every framework is met, and one where none is.
const full = (() => {
  const deal = structuredClone(readJson("examples/deals/acme-negotiation.json")) as Deal;
  return {
    ...deal,
    decision: { ...deal.decision, paperProcess: "mapped" as const },
    competition: deal.competition?.map((c) => ({ ...c, position: "behind" as const })),
  };
})();
const empty = { id: "empty", name: "Nothing known" };
const statuses = (deal: unknown, id: string) =>
  Object.fromEntries(
    createQualifier({ frameworks: [id] })
      .evaluate(deal, { asOf })
      .frameworks[0]?.criteria.map((c) => [c.id, c.status]) ?? [],
  );
const coverage = ids.flatMap((id) => (DESIGN[id] ?? []).map((c) => [id, c] as const));

describe("coverage: for every criterion, a deal where it is met and one where it is not", () => {
  it.each(coverage)("%s/%s", (id, criterion) => {
    expect(statuses(full, id)[criterion]).toBe("met");
    expect(statuses(empty, id)[criterion]).toBe("unknown");
  });
});

describe("the story's deal under all twelve frameworks", () => {
  const story = readJson("examples/deals/story-alice.json");
  const authorityLike: Array<[string, string]> = [
    ["bant", "authority"],
    ["anum", "authority"],
    ["champ", "authority"],
    ["faint", "authority"],
    ["meddic", "economic-buyer"],
    ["meddpicc", "economic-buyer"],
    ["gpctba-ci", "authority"],
    ["spiced", "decision"],
    ["neat", "access-to-authority"],
    ["scotsman", "authority"],
    ["buying-influences", "economic-buyer"],
  ];
  it.each(authorityLike)("%s finds the authority gap (%s is not met)", (id, criterion) => {
    expect(statuses(story, id)[criterion]).not.toBe("met");
  });
  it("and the first question, across all twelve, is who decides", () => {
    const report = createQualifier({ frameworks: ids }).evaluate(story, { asOf });
    expect(report.questions[0]?.text).toBe("Who's involved in making this decision?");
    expect(report.questions[0]?.criteria.length).toBeGreaterThanOrEqual(8);
  });
});

describe("faithful to the authors", () => {
  it("ANUM puts authority first, and weighs it most", () => {
    const anum = catalogue.get("anum");
    expect(anum?.criteria[0]?.id).toBe("authority");
    expect(Math.max(...(anum?.criteria.map((c) => c.weight) ?? []))).toBe(anum?.criteria[0]?.weight);
  });

  it("FAINT's funds are the ability to pay, not an earmarked budget", () => {
    const deal = {
      id: "d",
      name: "D",
      account: { name: "BigCo", employees: 5000 },
      budget: { status: "exploring" },
    };
    expect(statuses(deal, "faint").funds).toBe("partial");
    expect(statuses(deal, "bant").budget).toBe("partial");
    // Head-count says nothing about funds: a big company with nothing known is unknown, not partial.
    expect(statuses({ ...deal, budget: undefined }, "faint").funds).toBe("unknown");
    // An engaged economic buyer is authority, not funds.
    const withBuyer = {
      ...deal,
      stakeholders: [{ id: "cfo", name: "CFO", roles: ["economic-buyer"], engaged: true }],
    };
    expect(statuses(withBuyer, "faint").funds).toBe("partial");
    // Paying for something like this today shows the capacity to pay, before any budget is set aside.
    const pays = { ...deal, budget: undefined, competition: [{ name: "OldCo", kind: "incumbent" }] };
    expect(statuses(pays, "faint").funds).toBe("met");
    expect(statuses(pays, "bant").budget).toBe("unknown");
  });

  it("SCOTSMAN speaks of fine, don't know enough and concerns", () => {
    const report = createQualifier({ frameworks: ["scotsman"] }).evaluate(
      readJson("examples/deals/contoso-stalled.json"),
      { asOf },
    );
    const labels = Object.fromEntries(report.frameworks[0]?.criteria.map((c) => [c.id, c.label]) ?? []);
    expect(labels).toMatchObject({
      competition: "major concern",
      money: "fine",
      solution: "fine",
      timescale: "major concern",
    });
    expect(
      createQualifier({ frameworks: ["scotsman"] }).evaluate(empty, { asOf }).frameworks[0]?.criteria[0]
        ?.label,
    ).toBe("don't know enough");
  });

  it("Miller Heiman: an uncovered base is a red flag", () => {
    const q = createQualifier({ frameworks: ["buying-influences"] });
    const found = q
      .evaluate(readJson("examples/deals/northwind-blocker.json"), { asOf })
      .findings.find((f) => f.id === "uncovered-base");
    expect(found?.message).toBe(
      "Red flag, uncovered base: nobody is named as user-buyer and technical-buyer.",
    );
    expect(q.evaluate(full, { asOf }).findings.map((f) => f.id)).not.toContain("uncovered-base");
    const named = q.evaluate(readJson("examples/deals/northwind-blocker.json"), { asOf }).frameworks[0]
      ?.criteria[0];
    expect(named).toMatchObject({
      status: "partial",
      explanation: expect.stringContaining("uncovered base"),
    });
  });

  it("SPIN says how far discovery has gone", () => {
    const spin = (deal: unknown) => Object.values(statuses(deal, "spin"));
    expect(spin(empty)).toEqual(["unknown", "unknown", "unknown", "unknown"]);
    expect(spin({ ...empty, needs: [{ description: "Slow reports" }] })).toEqual([
      "unknown",
      "met",
      "unknown",
      "unknown",
    ]);
    expect(spin(full)).toEqual(["met", "met", "met", "met"]);
  });

  it("MEDDPICC is MEDDIC plus paper process and competition, including doing nothing", () => {
    const meddic = catalogue.get("meddic")?.criteria.map((c) => c.id) ?? [];
    const meddpicc = catalogue.get("meddpicc")?.criteria.map((c) => c.id) ?? [];
    expect(meddpicc.filter((c) => !meddic.includes(c))).toEqual(["paper-process", "competition"]);
    const doNothing = {
      ...empty,
      competition: [{ name: "Do nothing", kind: "status-quo", position: "ahead" }],
    };
    // Competition is knowing the landscape, but knowing that an alternative is ahead is not meeting it
    // (deal model 1.2): at best partial, naming it, and the danger is also a finding.
    expect(statuses(doNothing, "meddpicc").competition).toBe("partial");
    const report = createQualifier({ frameworks: ["meddpicc"] }).evaluate(doNothing as unknown, { asOf });
    expect(report.findings.map((f) => f.id)).toContain("competitor-ahead");
    const unknownPosition = { ...empty, competition: [{ name: "Globex" }] };
    expect(statuses(unknownPosition, "meddpicc").competition).toBe("partial");
  });
});

describe("a company's own MEDDPICC (examples/frameworks)", () => {
  it("validates, extends MEDDPICC with a security review, and scores", () => {
    const mine = readJson("examples/frameworks/acme-meddpicc.json") as Record<string, unknown>;
    const q = createQualifier({ frameworks: [mine] });
    const report = q.evaluate({ ...full, custom: { securityReview: "scheduled" } }, { asOf });
    const f = report.frameworks[0];
    expect(f?.criteria.map((c) => c.id)).toEqual([...(DESIGN.meddpicc ?? []), "security-review"]);
    expect(f?.criteria.find((c) => c.id === "paper-process")?.weight).toBe(2);
    expect(f?.criteria.find((c) => c.id === "security-review")?.status).toBe("partial");
    expect(f?.score).toBe(95);
  });
});

describe("the catalogue parses a built-in when it is first read, and is an ordinary Map otherwise", () => {
  const ids = () => builtinDefs().ids;

  it("reads only what is asked for: has, keys and size parse nothing", () => {
    const builtins = builtinDefs();
    const parsed: string[] = [];
    const catalogue = new LazyCatalogue({
      ...builtins,
      framework: (id) => {
        parsed.push(id);
        return builtins.framework(id);
      },
    });
    expect(catalogue.size).toBe(ids().length);
    expect(catalogue.has("spiced") && [...catalogue.keys()].length === ids().length).toBe(true);
    expect(parsed).toEqual([]);
    expect(catalogue.get("bant")?.id).toBe("bant");
    expect(catalogue.get("bant")).toBe(catalogue.get("bant"));
    expect(parsed).toEqual(["bant"]);
  });

  it.each([
    ["values", (c: Map<string, { id: string }>) => [...c.values()].map((d) => d.id)],
    ["entries", (c: Map<string, { id: string }>) => [...c.entries()].map(([k, d]) => `${k}=${d.id}`)],
    ["iteration", (c: Map<string, { id: string }>) => [...c].map(([k]) => k)],
    [
      "forEach",
      (c: Map<string, { id: string }>) => {
        const out: string[] = [];
        c.forEach((d, k) => out.push(`${k}=${d.id}`));
        return out;
      },
    ],
    ["a copy", (c: Map<string, { id: string }>) => [...new Map(c).values()].map((d) => d.id)],
  ])("%s: every definition, in registration order, a later one after the built-ins", (_, walk) => {
    const catalogue = new LazyCatalogue(builtinDefs());
    catalogue.get("meddpicc");
    catalogue.set("house", { ...(catalogue.get("bant") as object), id: "house" } as never);
    catalogue.set("bant", { ...(catalogue.get("bant") as object), id: "bant" } as never);
    const out = walk(catalogue as unknown as Map<string, { id: string }>);
    expect(out.map((x) => x.split("=")[0])).toEqual([...ids(), "house"]);
    if (out[0]?.includes("=")) for (const x of out) expect(x.split("=")[0]).toBe(x.split("=")[1]);
  });

  it("a qualifier's catalogue lists every built-in, each as createQualifier of it alone scores", () => {
    const { catalogue } = createQualifier({ frameworks: ["bant"] });
    expect([...catalogue.keys()]).toEqual(ids());
    for (const def of catalogue.values()) expect(def.criteria.length).toBeGreaterThan(0);
  });
});
