import type { Comparison, History } from "./model.js";

/** Makes text from a deal safe for where it is shown (a terminal, markdown). */
export type TextEscape = (s: string) => string;
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** A comparison as a manager's note: one line per change, in plain words. `esc` makes data text safe. */
export function comparisonLines(c: Comparison, esc: TextEscape = (s) => s): string[] {
  const lines = [`${esc(c.deal.name)} (${esc(c.deal.id)}): ${c.asOf.before} -> ${c.asOf.after}`];
  // Different rules first: a manager must not read a rule change as the deal moving.
  if (c.rulesChanged) lines.push(`Rules changed: ${c.rulesChanged.message}`);
  if (!c.changed) return [...lines, "Nothing changed."];
  if (c.stage) lines.push(`Stage: ${c.stage.before ?? "none"} -> ${c.stage.after ?? "none"}`);
  for (const f of c.frameworks) {
    if (f.score.before === f.score.after && f.criteria.length === 0) continue;
    lines.push(
      `${esc(f.name)}: ${fmt(f.score.before)} -> ${fmt(f.score.after)}${f.rulesChanged ? " (its rules changed: not deal progress)" : ""}`,
    );
    for (const cr of f.criteria)
      lines.push(`  ${esc(cr.name)}: ${cr.before} -> ${cr.after}: ${esc(cr.explanation)}`);
  }
  for (const f of c.findings.added) lines.push(`New risk: ${f.id} (${f.severity}): ${esc(f.message)}`);
  for (const f of c.findings.resolved) lines.push(`Resolved: ${f.id}`);
  const s = c.stakeholders;
  if (s) {
    const list = (label: string, people: ReadonlyArray<{ name: string }>) => {
      if (people.length) lines.push(`${label}: ${people.map((p) => esc(p.name)).join(", ")}`);
    };
    list("New people", s.appeared);
    list("No longer listed", s.removed);
    list("Left the organisation", s.left);
    list("Back", s.returned);
    list("Gone quiet", s.wentQuiet);
    list("Heard from again", s.heardFrom);
  }
  if (c.questions.settled.length)
    lines.push(`Settled: ${c.questions.settled.map((q) => esc(q.text)).join(" / ")}`);
  if (c.questions.new.length) lines.push(`Now ask: ${c.questions.new.map((q) => esc(q.text)).join(" / ")}`);
  return lines;
}

/** A comparison as text, for a terminal. */
export function formatComparisonText(c: Comparison, esc?: TextEscape): string {
  return `${comparisonLines(c, esc).join("\n")}\n`;
}

/** A comparison as markdown, for a CRM note: the same lines, as a list under a heading. */
export function formatComparisonMarkdown(c: Comparison, esc: TextEscape): string {
  const [title, ...rest] = comparisonLines(c, esc);
  return `## ${title}\n\n${rest.map((l) => (l.startsWith("  ") ? `  - ${l.trim()}` : `- ${l}`)).join("\n")}\n`;
}

/** A history as text: the trend, one line per date, then the stalls. */
export function formatHistoryText(h: History, esc: TextEscape = (s) => s): string {
  const ids = [...new Set(h.trend.flatMap((t) => Object.keys(t.scores)))];
  const lines = [`${esc(h.deal.name)} (${esc(h.deal.id)})`, ["date", "stage", ...ids].join("\t")];
  for (const t of h.trend)
    lines.push([t.asOf, t.stage ?? "-", ...ids.map((id) => fmt(t.scores[id] ?? 0))].join("\t"));
  for (const s of h.stalls) lines.push(`Stall (${s.asOf}): ${s.message}`);
  if (h.stalls.length === 0) lines.push("No stall.");
  return `${lines.join("\n")}\n`;
}
