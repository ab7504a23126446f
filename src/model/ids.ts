/**
 * The ids of what ships with qualify, as literal unions: editors complete them, and a typo is a type
 * error. Each union accepts any other string too (`(string & {})`), for a company's own ids. A test
 * checks these lists against the data files (tests/ids.test.ts).
 */

/** The built-in framework ids. */
export type BuiltinFrameworkId =
  | "bant"
  | "anum"
  | "champ"
  | "faint"
  | "meddpicc"
  | "meddic"
  | "gpctba-ci"
  | "spiced"
  | "neat"
  | "scotsman"
  | "buying-influences"
  | "spin";

/** A framework id: a built-in one, or your own. */
export type FrameworkId = BuiltinFrameworkId | (string & {});

/** The built-in finding ids. */
export type BuiltinFindingId =
  | "single-threaded"
  | "no-decision-maker"
  | "technical-only"
  | "economic-buyer-not-engaged"
  | "champion-without-power"
  | "blocker"
  | "decision-date-passed"
  | "brand-competitor"
  | "gone-quiet"
  | "contact-lost"
  | "budget-short"
  | "paper-process-at-risk"
  | "no-decision-risk"
  | "decision-date-slipping"
  | "budget-frozen"
  | "ownership-changed"
  | "usage-declining"
  | "pilot-without-success-criteria"
  | "price-only-decision"
  | "criteria-favour-competitor"
  | "veto-holder-against"
  | "competitor-ahead"
  | "uncovered-base"
  | "two-economic-buyers"
  | "enthusiasm-gap"
  | "stage-ahead-of-qualification";

/** The built-in collateral ids. */
export type BuiltinCollateralId =
  | "non-technical-case-study"
  | "decision-maker-brief"
  | "sector-references"
  | "business-critical-proof"
  | "security-pack"
  | "cost-of-inaction";

/** An id `disable` accepts: a finding, collateral, deal question or rule, built-in or your own. */
export type SwitchableId = BuiltinFindingId | BuiltinCollateralId | (string & {});

/** The criterion ids of each built-in framework (DESIGN.md's contract). */
export interface BuiltinCriterionIds {
  bant: "budget" | "authority" | "need" | "timeline";
  anum: "authority" | "need" | "urgency" | "money";
  champ: "challenges" | "authority" | "money" | "prioritization";
  faint: "funds" | "authority" | "interest" | "need" | "timing";
  meddic:
    | "metrics"
    | "economic-buyer"
    | "decision-criteria"
    | "decision-process"
    | "identify-pain"
    | "champion";
  meddpicc:
    | "metrics"
    | "economic-buyer"
    | "decision-criteria"
    | "decision-process"
    | "paper-process"
    | "identify-pain"
    | "champion"
    | "competition";
  "gpctba-ci":
    | "goals"
    | "plans"
    | "challenges"
    | "timeline"
    | "budget"
    | "authority"
    | "negative-consequences"
    | "positive-implications";
  spiced: "situation" | "pain" | "impact" | "critical-event" | "decision";
  neat: "need" | "economic-impact" | "access-to-authority" | "timeline";
  scotsman:
    | "solution"
    | "competition"
    | "originality"
    | "timescale"
    | "size"
    | "money"
    | "authority"
    | "need";
  "buying-influences": "economic-buyer" | "user-buyers" | "technical-buyers" | "coach";
  spin: "situation" | "problem" | "implication" | "need-payoff";
}

/** A criterion as questions cite it, `framework/criterion`: the built-in ones, or your own. */
export type CriterionKey =
  | { [F in keyof BuiltinCriterionIds]: `${F}/${BuiltinCriterionIds[F]}` }[keyof BuiltinCriterionIds]
  | (string & {});

/** A finding id in a report: the built-in ones (editors complete them), or your own. */
export type FindingId = BuiltinFindingId | (string & {});
/** A collateral id in a report: the built-in ones, or your own. */
export type CollateralId = BuiltinCollateralId | (string & {});
/** A criterion id in a report: the built-in frameworks' ones, or your own. */
export type CriterionId = BuiltinCriterionIds[keyof BuiltinCriterionIds] | (string & {});
