import type { Report } from "../model/report.js";
import { forMarkdown as m, forTerminal as t } from "./escape.js";
import type { Style } from "./style.js";

const MARK = { met: "✓", partial: "~", unmet: "✗", unknown: "?" } as const;
const SEVERITY = { critical: "!!", warning: "! ", info: "i " } as const;

function who(name: string | undefined, esc: (s: string) => string): string {
  return name === undefined ? "(nobody engaged yet)" : esc(name);
}

/** How many questions the text and markdown formats show. */
export const TOP_QUESTIONS = 5;

/** The report for a person at a terminal. */
export function formatText(report: Report, s: Style): string {
  const lines: string[] = [];
  lines.push(s.bold(`${t(report.deal.name)} (${t(report.deal.id)})`), s.dim(`as of ${report.asOf}`), "");
  for (const f of report.frameworks) {
    lines.push(
      `${s.bold(t(f.name))}  ${s.bold(`${f.score}/100`)}  ${s.dim(`range ${f.range.low}-${f.range.high}, confidence ${Math.round(f.confidence * 100)}%`)}${f.winProbability !== undefined ? `  ${s.bold(`win probability ${Math.round(f.winProbability * 100)}%`)}` : ""}`,
    );
    const width = Math.max(...f.criteria.map((c) => t(c.name).length));
    for (const c of f.criteria) {
      const colour =
        c.status === "met"
          ? s.green
          : c.status === "unmet"
            ? s.red
            : c.status === "partial"
              ? s.yellow
              : s.cyan;
      lines.push(
        `  ${colour(`${MARK[c.status]} ${t(c.name).padEnd(width)}  ${c.status.padEnd(7)}`)}  ${t(c.explanation)}`,
      );
    }
    lines.push("");
  }
  if (report.findings.length) {
    lines.push(s.bold("Risks"));
    for (const f of report.findings) {
      const colour = f.severity === "critical" ? s.red : f.severity === "warning" ? s.yellow : s.dim;
      lines.push(`  ${colour(`${SEVERITY[f.severity]} ${t(f.id)}`)}: ${t(f.message)}`);
    }
    lines.push("");
  }
  if (report.questions.length) {
    lines.push(s.bold("Ask next"));
    report.questions.slice(0, TOP_QUESTIONS).forEach((q, i) => {
      lines.push(`  ${i + 1}. ${s.bold(t(q.text))}  ${s.cyan(`-> ${who(q.askName, t)}`)}`);
      if (q.why) lines.push(`     ${s.dim(t(q.why))}`);
    });
    if (report.questions.length > TOP_QUESTIONS)
      lines.push(s.dim(`  (${report.questions.length - TOP_QUESTIONS} more with --format json)`));
    lines.push("");
  }
  if (report.collateral.length) {
    lines.push(s.bold("Bring"));
    for (const c of report.collateral)
      lines.push(`  - ${s.bold(t(c.title))} ${s.dim(`(for: ${t(c.audience)})`)}`, `    ${t(c.why)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** The report as markdown, for a CRM note. */
export function formatMarkdown(report: Report): string {
  const out: string[] = [`## ${m(report.deal.name)}`, "", `Qualified as of ${report.asOf}.`, ""];
  for (const f of report.frameworks) {
    out.push(
      `### ${m(f.name)}: ${f.score}/100`,
      "",
      `Range ${f.range.low}-${f.range.high}, confidence ${Math.round(f.confidence * 100)}%.${f.winProbability !== undefined ? ` Win probability ${Math.round(f.winProbability * 100)}% (calibrated on this team's history).` : ""}`,
      "",
    );
    out.push("| | Criterion | Status | Why |", "| --- | --- | --- | --- |");
    for (const c of f.criteria)
      out.push(`| ${MARK[c.status]} | ${m(c.name)} | ${c.status} | ${m(c.explanation)} |`);
    out.push("");
  }
  if (report.findings.length) {
    out.push("### Risks", "");
    for (const f of report.findings)
      out.push(`- **${f.severity}** ${/^[\w-]+$/.test(f.id) ? `\`${f.id}\`` : m(f.id)}: ${m(f.message)}`);
    out.push("");
  }
  if (report.questions.length) {
    out.push("### Ask next", "");
    report.questions
      .slice(0, TOP_QUESTIONS)
      .forEach((q, i) =>
        out.push(`${i + 1}. **${m(q.text)}** (ask ${who(q.askName, m)})${q.why ? `: ${m(q.why)}` : ""}`),
      );
    out.push("");
  }
  if (report.collateral.length) {
    out.push("### Bring", "");
    for (const c of report.collateral) out.push(`- **${m(c.title)}** (for: ${m(c.audience)}): ${m(c.why)}`);
    out.push("");
  }
  return out.join("\n");
}
