import type { Calibration } from "../calibrate/calibrate.js";
import { forMarkdown, forTerminal } from "./escape.js";

const pct = (v: number | null) => (v === null ? "-" : `${Math.round(v * 100)}%`);
const times = (r: number) => (r >= 10 ? String(Math.round(r)) : String(Math.round(r * 10) / 10));

/** A criterion's adjusted effect in words: the odds ratio, other criteria equal. */
export function effectInWords(c: Calibration["criteria"][number], lower: string): string {
  if (c.separation)
    return `separates won from lost${c.separation === "quasi" ? " almost" : ""} perfectly in this history: no effect can be measured (check how it is recorded)`;
  if (!c.significant) return "no clear effect on the win rate, other criteria equal";
  return c.oddsRatio >= 1
    ? `deals where ${lower} is met win about ${times(c.oddsRatio)}x as often (odds), other criteria equal`
    : `deals where ${lower} is met win about ${times(1 / c.oddsRatio)}x less often (odds), other criteria equal`;
}

/**
 * A calibration for a sales leader: per criterion, its adjusted effect in words and its weight, the raw
 * win rates labelled unadjusted; the held-out skill against the base rate; the reliability table.
 */
export function formatCalibration(c: Calibration, markdown: boolean): string {
  const esc = markdown ? forMarkdown : forTerminal;
  const h = c.holdout;
  const lines = [
    `${markdown ? "## " : ""}${esc(c.framework)} calibrated on ${c.sample.won + c.sample.lost} deals (${c.sample.won} won, ${c.sample.lost} lost) as of ${c.calibratedOn}`,
    "",
  ];
  if (markdown)
    lines.push(
      "| criterion | effect, other criteria equal | weight | won when met (unadjusted) | won when not (unadjusted) |",
      "| --- | --- | --- | --- | --- |",
    );
  for (const k of [...c.criteria].sort((a, b) => b.coefficient - a.coefficient)) {
    const effect = effectInWords(k, esc(k.name));
    lines.push(
      markdown
        ? `| ${esc(k.name)} | ${effect} | ${k.weight} | ${pct(k.winRate.met)} | ${pct(k.winRate.notMet)} |`
        : `${esc(k.name)}: ${effect}; weight ${Math.round(k.weight * 100) / 100} (odds ratio ${k.oddsRatio}, coefficient ${k.coefficient}, 95% interval ${k.interval[0]} to ${k.interval[1]}). Unadjusted: ${k.winRate.met === null ? "never met" : `${pct(k.winRate.met)} won when met, ${pct(k.winRate.notMet)} when not`}.`,
    );
  }
  lines.push(
    "",
    `${markdown ? "### " : ""}Held out: ${h.size} deals`,
    "",
    `${markdown ? "- " : ""}Base rate ${pct(h.baseRate)} won: always guessing it scores Brier ${h.noSkill.brier}, log loss ${h.noSkill.logLoss} (the no-skill line, not a coin).`,
    `${markdown ? "- " : ""}The model: Brier ${h.brier} (skill ${h.brierSkill} against the base rate; above 0 is better), log loss ${h.logLoss}, AUC ${h.auc} (95% interval ${h.aucInterval[0]} to ${h.aucInterval[1]}; 0.5 ranks no better than chance).`,
    `${markdown ? "- " : ""}${h.skilful ? "It beats the base rate: the weights can be used." : "No skill over the base rate: do not use these weights."}`,
    "",
    `${markdown ? "### " : ""}Reliability (held out): predicted against observed win rate`,
    "",
  );
  const bins = c.reliability.filter((b) => b.count > 0);
  if (markdown) lines.push("| predicted | deals | mean predicted | observed |", "| --- | --- | --- | --- |");
  for (const b of bins)
    lines.push(
      markdown
        ? `| ${b.bin} | ${b.count} | ${pct(b.predicted)} | ${pct(b.observed)} |`
        : `${b.bin.padEnd(8)} ${String(b.count).padStart(5)} deals  predicted ${pct(b.predicted).padStart(4)}  observed ${pct(b.observed).padStart(4)}`,
    );
  if (c.warnings.length > 0) lines.push("");
  for (const w of c.warnings) lines.push(`${markdown ? "- " : ""}Warning: ${w}`);
  return `${lines.join("\n")}\n`;
}
