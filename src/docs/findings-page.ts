import type { FrameworkDef } from "../frameworks/framework-def.js";
import type { Rule } from "../plugin/define-rule.js";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (v: unknown) => `\`${JSON.stringify(v)}\``;

/**
 * The catalogue of every finding, collateral and deal-level question a qualifier knows, generated from
 * the rule sets, the frameworks and the TypeScript rules: id, severity and when each changes, and when
 * it fires.
 */
export function findingsPage(sets: readonly FrameworkDef[], rules: readonly Rule[]): string {
  const out = [
    "# Findings, collateral and deal questions",
    "",
    "Generated from the rule sets and frameworks (`npm run generate`). Every finding has a base severity;",
    "`severityWhen` raises or lowers it in some circumstances (the first that holds wins). On a closed deal",
    "(`closed-won`, `closed-lost`) every finding is a lesson with severity `info`, worded by its `lesson`",
    "template when it has one, and no collateral is recommended.",
    "",
    "## Findings",
    "",
    "| id | from | severity | also | when it fires | source |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  const seen = new Set<string>();
  for (const set of sets)
    for (const f of set.findings) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      const also = (f.severityWhen ?? []).map((s) => `${s.severity} when ${code(s.when)}`).join("; ");
      out.push(
        `| \`${f.id}\` | ${set.id} | ${f.severity} | ${cell(also || "-")} | ${cell(f.description)} | ${cell(f.source ?? "-")} |`,
      );
    }
  for (const rule of rules)
    for (const id of rule.findings ?? [])
      if (!seen.has(id)) {
        seen.add(id);
        out.push(
          `| \`${id}\` | TypeScript rule \`${rule.id}\` | see rule | - | ${cell(rule.description)} | - |`,
        );
      }
  out.push("", "## Collateral", "", "| id | from | what | for |", "| --- | --- | --- | --- |");
  for (const set of sets)
    for (const c of set.collateral)
      out.push(`| \`${c.id}\` | ${set.id} | ${cell(c.title)} | ${cell(c.audience)} |`);
  out.push(
    "",
    "## Deal questions",
    "",
    "Questions about the deal as a whole, asked when their condition holds; `review` questions only on closed deals.",
    "",
    "| id | from | topic | question | priority |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const set of sets)
    for (const q of set.questions)
      out.push(`| \`${q.id}\` | ${set.id} | ${q.topic} | ${cell(q.text)} | ${q.priority} |`);
  out.push("");
  return out.join("\n");
}
