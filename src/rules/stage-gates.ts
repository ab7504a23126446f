import { humanList } from "../logic/domain-operators.js";
import { defineRule } from "../plugin/define-rule.js";

/**
 * `stage-ahead-of-qualification`: the deal sits at a stage whose gates it has not passed (a criterion a
 * framework requires by that stage is not met). A warning; critical in negotiation.
 */
export const stageGates = defineRule({
  id: "stage-gates",
  description:
    "The deal is at a stage whose gates it has not passed: criteria a framework requires by that stage are not met (critical in negotiation).",
  findings: ["stage-ahead-of-qualification"],
  severity: "warning",
  severityWhen: "critical in negotiation",
  evaluate(deal, { frameworks, gates }) {
    const failed = (gates ?? []).filter((g) => !g.passed);
    if (failed.length === 0) return undefined;
    const names = (framework: string, ids: readonly string[]) => {
      const result = frameworks.find((f) => f.id === framework);
      const label = (id: string) => result?.criteria.find((c) => c.id === id)?.name ?? id;
      return `${result?.name ?? framework}: ${humanList(ids.map(label))}`;
    };
    return {
      findings: [
        {
          id: "stage-ahead-of-qualification",
          severity: deal.stage === "negotiation" ? "critical" : "warning",
          message: `The deal is at ${deal.stage}, but what this stage requires is not met (${failed.map((g) => names(g.framework, g.missing)).join("; ")}): it is further along in the CRM than in the buyer's head.`,
        },
      ],
    };
  },
});
