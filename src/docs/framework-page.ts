import type { FrameworkDef } from "../frameworks/framework-def.js";
import { Topic } from "../model/enums.js";
import { inWords, type Phrases, templateInWords } from "./in-words.js";
import { cell } from "./markdown.js";

/** The reference page of one framework, in markdown, generated from its data. */
export function frameworkPage(def: FrameworkDef, phrases: Phrases = new Map()): string {
  const total = def.criteria.reduce((s, c) => s + c.weight, 0);
  const out: string[] = [`# ${def.name} (\`${def.id}\`)`, ""];
  if (def.summary) out.push(def.summary, "");
  if (def.origin) {
    out.push(
      `**Origin:** ${def.origin.author}${def.origin.year ? `, ${def.origin.year}` : ""}. Reference: ${def.origin.reference}`,
      "",
    );
  }
  if (def.statusLabels) {
    const words = Object.entries(def.statusLabels).map(([status, label]) => `${status} is "${label}"`);
    out.push(`In this framework's own words: ${words.join(", ")}.`, "");
  }
  if (def.extends) out.push(`Extends [\`${def.extends}\`](${def.extends}.md).`, "");
  if (def.scoring === "red-amber-green")
    out.push(
      "Scored red-amber-green, the author's way: met 0 points, partial or unknown 1, unmet 10; the score is 100 minus 10 per point, so one red letter takes it to zero. Weights do not apply.",
      "",
    );
  if (def.criteria.length) {
    out.push("## Criteria", "", "| id | criterion | weight | share |", "| --- | --- | --- | --- |");
    for (const c of def.criteria)
      out.push(`| \`${c.id}\` | ${c.name} | ${c.weight} | ${Math.round((100 * c.weight) / total)}% |`);
    out.push("");
  }
  for (const c of def.criteria) {
    out.push(`### ${c.name} (\`${def.id}/${c.id}\`)`, "", c.description, "");
    if (c.use)
      out.push(`Built from the shared criterion \`${c.use}\` (frameworks/shared.criteria.json).`, "");
    if (c.source) out.push(`Source: ${c.source}`, "");
    if (c.rule) out.push(`Status decided by the TypeScript rule \`${c.rule}\`.`, "");
    if (c.status?.length) {
      out.push("The first rule that holds decides:", "");
      for (const s of c.status)
        out.push(
          `- **${s.status}** when ${inWords(s.when, phrases)}. It says: "${templateInWords(s.reason)}"`,
        );
      out.push(`- **unknown** otherwise. It says: "${templateInWords(c.unknown)}"`, "");
      // The rules as written, for rule authors: folded away from a sales-ops reader.
      out.push("<details><summary>The rules as written (JsonLogic)</summary>", "", "```json");
      for (const s of c.status) out.push(`${JSON.stringify({ status: s.status, when: s.when })}`);
      out.push("```", "", "</details>", "");
    }
    out.push("Questions:", "");
    for (const q of c.questions) {
      const answered = [
        ...(q.answeredBy
          ? [
              `${q.answeredBy.map((p) => inWords({ var: p })).join(" and ")} ${q.answeredBy.length > 1 ? "are" : "is"} recorded`,
            ]
          : []),
        ...(q.answeredWhen !== undefined ? [inWords(q.answeredWhen, phrases)] : []),
      ];
      out.push(
        `- **${templateInWords(q.text)}** (\`${q.id}\`, topic \`${q.topic}\`${q.askOf ? `, ask ${q.askOf.join(" or ")}` : ""}${q.onlyWhen ? `, only while ${q.onlyWhen.join(" or ")}` : ""}${answered.length ? `, not asked once ${answered.join(", or ")}` : ""}): settles ${q.settles.charAt(0).toLowerCase()}${q.settles.slice(1)}.`,
      );
    }
    out.push("");
  }
  if (def.gates && Object.keys(def.gates).length > 0) {
    const name = (id: string) => def.criteria.find((c) => c.id === id)?.name ?? id;
    out.push(
      "## Stage gates",
      "",
      "Before a deal may be at a stage or later, these criteria must be met (a deal that is not gets `stage-ahead-of-qualification`):",
      "",
      "| stage | must be met |",
      "| --- | --- |",
    );
    for (const [stage, ids] of Object.entries(def.gates))
      out.push(`| ${stage} | ${(ids ?? []).map(name).join(", ")} |`);
    out.push("");
  }
  if (def.sources?.length) {
    out.push("## Sources", "");
    for (const source of def.sources) out.push(`- ${source}`);
    out.push("");
  }
  if (def.differences?.length) {
    out.push("## Where we differ from the author", "");
    for (const d of def.differences) out.push(`- ${d}`);
    out.push("");
  }
  if (def.findings.length) {
    out.push("## Findings", "", "| id | severity | when |", "| --- | --- | --- |");
    for (const f of def.findings) out.push(`| \`${f.id}\` | ${f.severity} | ${cell(f.description)} |`);
    out.push("");
  }
  if (def.collateral.length) {
    out.push("## Collateral", "", "| id | what | for |", "| --- | --- | --- |");
    for (const c of def.collateral) out.push(`| \`${c.id}\` | ${cell(c.title)} | ${cell(c.audience)} |`);
    out.push("");
  }
  return out.join("\n");
}

/** The index page: every framework, and the topic x framework crosswalk that merges questions. */
export function frameworkIndex(defs: readonly FrameworkDef[]): string {
  const frameworks = defs.filter((d) => d.kind === "framework");
  const out: string[] = [
    "# Frameworks",
    "",
    "Generated by `qualify docs` from the framework files.",
    "",
    "| id | name | criteria |",
    "| --- | --- | --- |",
  ];
  for (const d of frameworks)
    out.push(
      `| [\`${d.id}\`](${d.id}.md) | ${d.name} | ${d.criteria.map((c) => `\`${c.id}\``).join(", ")} |`,
    );
  out.push(
    "",
    "## Crosswalk: question topics by framework",
    "",
    "Questions carry a topic, so one answer counts for every framework: a cell lists the criteria whose questions take that topic.",
    "",
    `| topic | ${frameworks.map((d) => d.id).join(" | ")} |`,
    `| --- | ${frameworks.map(() => "---").join(" | ")} |`,
  );
  for (const topic of Topic.options) {
    const cells = frameworks.map((d) =>
      d.criteria
        .filter((c) => c.questions.some((q) => q.topic === topic))
        .map((c) => c.id)
        .join(", "),
    );
    out.push(`| ${topic} | ${cells.join(" | ")} |`);
  }
  out.push("");
  return out.join("\n");
}
