import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createQualifier,
  defineOperator,
  definePlugin,
  frameworkPage,
  inWords,
  phrasesOf,
  templateInWords,
} from "../src/index.js";
import { ROOT } from "./support/helpers.js";

// Docs a sales-ops manager reads (#24): rules in words, placeholders named, no raw JsonLogic or {token}
// outside a folded block.
describe("rules in words", () => {
  it.each([
    [{ "==": [{ var: "stage" }, "negotiation"] }, `the deal's stage is "negotiation"`],
    [
      { in: [{ var: "stage" }, ["proposal", "negotiation"]] },
      `the deal's stage is one of "proposal" or "negotiation"`,
    ],
    [
      { count: [{ engaged: [{ "with-role": ["champion"] }] }] },
      "there is at least one of the people confirmed as champion that you have engaged and who are still live contacts",
    ],
    [
      { "!": [{ count: [{ "with-role": ["economic-buyer"] }] }] },
      "there is none of the people confirmed as economic buyer",
    ],
    [
      { some: [{ var: "competition" }, { "==": [{ var: "position" }, "ahead"] }] },
      `for one of the alternatives, its position is "ahead"`,
    ],
    [
      { "met-with": [{ var: "" }, "economic-buyer", "decision-maker"] },
      "it has met an economic buyer or decision maker in the last 90 days",
    ],
    [
      { "<": [{ "days-until": [{ var: "timeline.decisionBy" }] }, 0] },
      "the days until the decision date is less than 0",
    ],
    [
      { "<=": [0, { "days-since": [{ var: "account.acquiredOn" }] }, 180] },
      "the days since the account acquired on is between 0 and 180",
    ],
  ])("%j", (logic, words) => {
    expect(inWords(logic)).toBe(words);
  });

  it("a plugin operator speaks through its phrase; one without gets a readable fallback, never JSON", () => {
    const tier = defineOperator({
      name: "tier-is",
      description: "Whether the account is in a tier.",
      phrase: "the account is in the {0} tier",
      evaluate: () => true,
    });
    const bare = defineOperator({ name: "weighted_score", description: "A score.", evaluate: () => 1 });
    const phrases = phrasesOf([tier, bare]);
    expect(inWords({ "tier-is": ["gold"] }, phrases)).toBe('the account is in the "gold" tier');
    expect(inWords({ weighted_score: [{ var: "custom.region" }] }, phrases)).toBe(
      "weighted score of the custom field region",
    );
    expect(inWords({ weighted_score: [] }, phrases)).not.toMatch(/[{}]/);
  });

  it("a question's {ask.name} and {ask.firstName} name the person asked", () => {
    expect(templateInWords("{ask.firstName}, who signs?")).toBe(
      "_the first name of the person asked_, who signs?",
    );
    expect(templateInWords("Could {ask.name} introduce us?")).toBe("Could _the person asked_ introduce us?");
  });

  it("placeholders are named in words: no {token}", () => {
    expect(templateInWords("{engagedBuyers} is the economic buyer; {budget.amount} for {amount}")).toBe(
      "_engaged buyers_ is the economic buyer; _the budget's amount_ for _the deal's amount_",
    );
  });
});

/** The text of a markdown page outside details blocks and code fences. */
function prose(page: string): string {
  return page
    .replace(/<details>[\s\S]*?<\/details>/g, "")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/`[^`]*`/g, "");
}

describe("the built-in pages read as prose", () => {
  const pages = readdirSync(`${ROOT}/docs/frameworks`).filter((f) => f.endsWith(".md"));
  it.each(pages)("docs/frameworks/%s: no raw JsonLogic, no {placeholder}, no build script", (file) => {
    const page = readFileSync(`${ROOT}/docs/frameworks/${file}`, "utf8");
    const text = prose(page);
    expect(text).not.toMatch(/\{"/);
    expect(text).not.toMatch(/\{[A-Za-z_.]+\}/);
    expect(page).not.toMatch(/npm run generate/);
  });
  it("docs/findings.md: severities in words, TypeScript rules' severities from their meta", () => {
    const page = readFileSync(`${ROOT}/docs/findings.md`, "utf8");
    expect(prose(page)).not.toMatch(/\{"/);
    expect(page).not.toMatch(/see rule/);
    expect(page).toMatch(
      /`stage-ahead-of-qualification` \| TypeScript rule `stage-gates` \| warning \| critical in negotiation/,
    );
  });
  it("a plugin framework's page uses its operator's phrase", () => {
    const plugin = definePlugin({
      name: "acme",
      operators: [
        defineOperator({
          name: "gold",
          description: "Gold accounts.",
          phrase: "the account is gold",
          evaluate: () => true,
        }),
      ],
      frameworks: [
        {
          id: "acme",
          name: "Acme",
          criteria: [
            {
              id: "tier",
              name: "Tier",
              description: "The account's tier, as Acme sells.",
              weight: 1,
              status: [{ when: { gold: [] }, status: "met", reason: "Gold." }],
              unknown: "Not known.",
              questions: [
                {
                  id: "tier-q",
                  text: "Which tier?",
                  topic: "situation",
                  settles: "The tier",
                  answeredBy: ["custom.tier"],
                },
              ],
            },
          ],
        },
      ],
    });
    const q = createQualifier({ plugins: [plugin], frameworks: ["acme"] });
    const page = frameworkPage(q.catalogue.get("acme") as never, phrasesOf(q.operators.values()));
    expect(page).toContain("**met** when the account is gold.");
  });
});

describe("qualify docs: only what was asked, and the custom fields", () => {
  it("writes the chosen framework, the operators its rules use, and its custom fields with type, values, meaning and readers", async () => {
    const { mkdtempSync, readFileSync: read, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { cli } = await import("./support/helpers.js");
    const dir = mkdtempSync(join(tmpdir(), "qualify-docs-"));
    const file = join(dir, "acme.json");
    const acme = JSON.parse(read(`${ROOT}/examples/frameworks/acme-meddpicc.json`, "utf8"));
    acme.customSchema = {
      type: "object",
      properties: {
        securityReview: {
          enum: ["scheduled", "passed", "failed"],
          description: "Where the security review stands.",
        },
        tier: { type: "string", description: "The account tier." },
      },
    };
    writeFileSync(file, JSON.stringify(acme));
    const out = join(dir, "site");
    const r = cli(["docs", out, "--framework", file]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "README.md",
      "acme-meddpicc.md",
      "custom-fields.md",
      "findings.md",
      "operators.md",
    ]);
    const fields = read(join(out, "custom-fields.md"), "utf8");
    expect(fields).toContain(
      "| `custom.securityReview` | `scheduled` \\| `passed` \\| `failed` | Where the security review stands. | Acme MEDDPICC Security review |",
    );
    expect(fields).toContain("| `custom.tier` | string | The account tier. |");
    const operators = read(join(out, "operators.md"), "utf8");
    expect(operators).toContain("`with-role`");
    expect(operators).not.toContain("`substr`");
    expect(operators).not.toContain("`missing_some`");
  });
});

describe("qualify docs with no --framework", () => {
  it("writes the frameworks the config chose; all the built-ins when none is configured", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { spawnSync } = await import("node:child_process");
    const dir = mkdtempSync(join(tmpdir(), "qualify-docs-config-"));
    writeFileSync(join(dir, "qualify.config.json"), JSON.stringify({ frameworks: ["bant", "spiced"] }));
    const docs = (cwd: string) =>
      spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "docs", "out"], { cwd, encoding: "utf8" });
    expect(docs(dir).status).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([
      "README.md",
      "bant.md",
      "custom-fields.md",
      "findings.md",
      "operators.md",
      "spiced.md",
    ]);
    const bare = mkdtempSync(join(tmpdir(), "qualify-docs-bare-"));
    expect(docs(bare).stdout).toContain("wrote 16 pages");
  });
});
