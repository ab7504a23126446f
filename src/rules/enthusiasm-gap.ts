import { humanList } from "../logic/domain-operators.js";
import { holdsRole, isBuyerSide, isLost, peopleOf } from "../logic/people-index.js";
import { DEFAULT_POLICY } from "../model/policy-default.js";
import { defineRule } from "../plugin/define-rule.js";

/**
 * When qualification counts as weak for `enthusiasm-gap`: the mean framework score is below
 * `maxScore`, or nobody holding the economic-buyer or decision-maker role has been engaged.
 */
export const ENTHUSIASM_GAP: Readonly<{ maxScore: number }> = DEFAULT_POLICY.enthusiasmGap;

/** `enthusiasm-gap`: someone engaged is positive, yet qualification is weak. "It looked like it went well." */
export const enthusiasmGap = defineRule({
  id: "enthusiasm-gap",
  description:
    "Someone engaged who does not decide is positive, yet qualification is weak (mean score below 50, or no decision maker engaged). The decider's own enthusiasm is never a gap.",
  findings: ["enthusiasm-gap"],
  severity: "critical",
  evaluate(deal, { frameworks, asOf, policy = DEFAULT_POLICY }) {
    const people = deal.stakeholders ?? [];
    const index = peopleOf(deal);
    // Who decides, as the frameworks count it: on the buyer's side, within their approval limit, still live.
    const decides = (s: (typeof people)[number]) =>
      s.engaged === true &&
      isBuyerSide(s) &&
      !isLost(index, s, asOf, policy.lostAfterDays) &&
      holdsRole(index, s, ["economic-buyer", "decision-maker"]);
    // Enthusiasm from the person who decides is the goal, not a gap: only the others' enthusiasm can mislead,
    // and only while they are in the decision (someone who left or moved out of it cheers nobody on).
    const fans = people.filter(
      (s) =>
        s.engaged === true &&
        s.sentiment === "positive" &&
        !decides(s) &&
        !isLost(index, s, asOf, policy.lostAfterDays),
    );
    if (fans.length === 0) return undefined;
    const deciderEngaged = people.some(decides);
    const mean = frameworks.length
      ? frameworks.reduce((sum, f) => sum + f.score, 0) / frameworks.length
      : undefined;
    const weakScore = mean !== undefined && mean < policy.enthusiasmGap.maxScore;
    if (!weakScore && deciderEngaged) return undefined;
    const scores = frameworks.map((f) => `${f.name} ${f.score}/100`).join(", ");
    const why = [
      weakScore ? `scores are low (${scores})` : "",
      deciderEngaged ? "" : "nobody who decides has been engaged",
    ].filter(Boolean);
    const closed = deal.stage === "closed-won" || deal.stage === "closed-lost";
    const verb = closed ? (fans.length === 1 ? "was" : "were") : fans.length === 1 ? "is" : "are";
    const who = `${humanList(fans.map((s) => s.name))} ${verb} enthusiastic`;
    // Say what is actually missing: with good scores, the gap is the decider, not "weak qualification".
    const gap = weakScore ? `yet qualification is weak: ${why.join(", and ")}` : `yet ${why.join(", and ")}`;
    return {
      findings: [
        {
          id: "enthusiasm-gap",
          severity: "critical",
          message: closed
            ? `${who}, ${gap}: it looked like it went well.`
            : `${who}, ${gap}. It looked like it went well; that is not the same as qualified.`,
          stakeholderIds: fans.map((s) => s.id),
        },
      ],
    };
  },
});
