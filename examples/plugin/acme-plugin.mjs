// Acme's own qualification, as one plugin: a custom operator, a TypeScript rule with its own finding,
// typed fields under deal.custom, and a framework that extends MEDDPICC with a criterion over them.
// Load it with `qualify score deal.json --plugin ./acme-plugin.mjs`, from qualify.config.mjs, or in
// worker threads with createWorkerPool({ plugins: ["./examples/plugin/acme-plugin.mjs"] }).
import { defineOperator, definePlugin, defineRule } from "qualify";

// Acme's fiscal year starts on 1 February: "FY2027 Q1" is February to April 2026.
const fiscalQuarter = defineOperator({
  name: "fiscal-quarter",
  description:
    'Acme\'s fiscal quarter of a date (the year starts on 1 February): {"fiscal-quarter": [{"var": "timeline.decisionBy"}]} gives "FY2027 Q4".',
  arity: { min: 1, max: 1 },
  rootOnly: true,
  evaluate: ([date]) => {
    const m = typeof date === "string" ? /^(\d{4})-(\d{2})/.exec(date) : null;
    if (!m) return null;
    const [year, month] = [Number(m[1]), Number(m[2])];
    const shifted = (month + 10) % 12; // February is month 0 of the fiscal year
    return `FY${month >= 2 ? year + 1 : year} Q${Math.floor(shifted / 3) + 1}`;
  },
});

// Deals at or above the board threshold need an executive engaged: data rules cannot read a number
// from custom with a default as clearly, so this one is TypeScript.
const boardApproval = defineRule({
  id: "acme-board-approval",
  description:
    "Deals at or above custom.boardThreshold (default 250,000) need an engaged executive or owner.",
  findings: ["needs-board-approval"],
  evaluate(deal) {
    const threshold = typeof deal.custom?.boardThreshold === "number" ? deal.custom.boardThreshold : 250000;
    const value = deal.amount?.value;
    if (value === undefined || value < threshold) return undefined;
    const executives = (deal.stakeholders ?? []).filter(
      (s) => s.engaged === true && (s.seniority === "executive" || s.seniority === "owner"),
    );
    if (executives.length > 0) return undefined;
    return {
      findings: [
        {
          id: "needs-board-approval",
          severity: "warning",
          message: `At ${value.toLocaleString("en")} ${deal.amount?.currency ?? ""} this deal needs board approval, and no executive has been engaged.`,
        },
      ],
    };
  },
});

export default definePlugin({
  name: "acme",
  operators: [fiscalQuarter],
  rules: [boardApproval],
  // The fields Acme's rules read under deal.custom: typos in rules and in deals are caught.
  customSchema: {
    type: "object",
    properties: {
      securityReview: { type: "string", enum: ["none", "scheduled", "passed", "failed"] },
      boardThreshold: { type: "number" },
    },
    additionalProperties: false,
  },
  frameworks: [
    {
      id: "acme-qualification",
      name: "Acme qualification",
      summary: "MEDDPICC as Acme runs it: no deal passes without a security review.",
      origin: { author: "Acme Revenue Operations", reference: "Acme sales playbook, 2026 edition" },
      extends: "meddpicc",
      criteria: [
        {
          id: "security-review",
          name: "Security review",
          description: "The buyer's security team has reviewed us, or the review is booked.",
          weight: 1,
          let: { quarter: { "fiscal-quarter": [{ var: "timeline.decisionBy" }] } },
          status: [
            {
              when: { "==": [{ var: "custom.securityReview" }, "passed"] },
              status: "met",
              reason: "The security review has passed.",
            },
            {
              when: { "==": [{ var: "custom.securityReview" }, "failed"] },
              status: "unmet",
              reason: "The security review failed.",
            },
            {
              when: { "==": [{ var: "custom.securityReview" }, "scheduled"] },
              status: "partial",
              reason: "The security review is booked; the decision falls in {quarter}.",
            },
          ],
          unknown: "Nobody has said whether the buyer's security team will review us.",
          questions: [
            {
              id: "security-review-booked",
              text: "Has your security team reviewed vendors like us before, and when could they review us?",
              topic: "decision-process",
              settles: "Whether and when the security review happens",
            },
          ],
        },
      ],
    },
  ],
});
