/**
 * qualify: B2B sales qualification as data. Deals, stakeholders and frameworks are validated
 * with zod schemas; frameworks are JsonLogic rules compiled once and evaluated many times.
 * @packageDocumentation
 */

export {
  type CalibrateOptions,
  type Calibration,
  type Calibrator,
  calibrate,
  calibratedFramework,
  createCalibrator,
  type HistoryLine,
} from "./calibrate/calibrate.js";
export { CalibrationResult } from "./calibrate/model.js";
export type { Separation } from "./calibrate/separation.js";
export type { Skill } from "./calibrate/skill.js";
export { type CompareOptions, compare, history, type Snapshot } from "./compare/compare.js";
export {
  formatComparisonMarkdown,
  formatComparisonText,
  formatHistoryText,
  type TextEscape,
} from "./compare/format.js";
export { Comparison, History } from "./compare/model.js";
// What scoring needs, loaded at import with no zod (src/core.ts); below, what loads zod.
export * from "./core.js";
export { dealModelPage } from "./docs/deal-model.js";
export { findingsPage } from "./docs/findings-page.js";
export { frameworkIndex, frameworkPage } from "./docs/framework-page.js";
export { issueCodesPage } from "./docs/issue-codes-page.js";
export { operatorsPage } from "./docs/operators-page.js";
export { withPolicyTables } from "./docs/policy-page.js";
export type { FrameworkDef, GateStage } from "./frameworks/framework-def.js";
export {
  type FrameworkParseOptions,
  parseFramework,
  safeParseFramework,
} from "./frameworks/parse-framework.js";
export {
  Account,
  Budget,
  Competitor,
  Deal,
  Decision,
  DecisionCriterion,
  Interaction,
  Metric,
  Money,
  Need,
  Timeline,
} from "./model/deal.js";
export type * from "./model/deal-types.generated.js";
export * from "./model/enums.js";
export {
  Bindings,
  CollateralRule,
  Criterion,
  FindingRule,
  Framework,
  type FrameworkInput,
  Logic,
  Origin,
  Question,
  type QuestionDef,
  RuleSet,
  StatusRule,
} from "./model/framework.js";
export type {
  BuiltinCollateralId,
  BuiltinCriterionIds,
  BuiltinFindingId,
  BuiltinFrameworkId,
  CollateralId,
  CriterionId,
  CriterionKey,
  FindingId,
  FrameworkId,
  SwitchableId,
} from "./model/ids.js";
export { IsoDate, IsoDay } from "./model/iso-date.js";
export { Policy, PolicyOverride } from "./model/policy.js";
export {
  Collateral,
  CriterionResult,
  Evidence,
  Finding,
  FrameworkResult,
  NextQuestion,
  Report,
} from "./model/report.js";
export type {
  CollateralShape,
  CriterionResultShape,
  EvidenceShape,
  FindingShape,
  FrameworkResultShape,
  GateShape,
  NextQuestionShape,
  ReportMetaShape,
  ReportShape,
} from "./model/report-types.js";
export { Stakeholder } from "./model/stakeholder.js";
export {
  calibrationJsonSchema,
  comparisonJsonSchema,
  dealJsonSchema,
  frameworkJsonSchema,
  policyJsonSchema,
  reportJsonSchema,
} from "./schema/json-schema.js";
export type { CustomSchemaInput } from "./validation/custom-schema.js";
