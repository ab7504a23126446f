/**
 * qualify: B2B sales qualification as data. Deals, stakeholders and frameworks are validated
 * with zod schemas; frameworks are JsonLogic rules compiled once and evaluated many times.
 * @packageDocumentation
 */

export {
  CALIBRATION_MINIMUM,
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
export { defineConfig, type QualifyConfig } from "./config/define-config.js";
export { dealModelPage } from "./docs/deal-model.js";
export { findingsPage } from "./docs/findings-page.js";
export { frameworkIndex, frameworkPage } from "./docs/framework-page.js";
export { inWords, type Phrases, phrasesOf, templateInWords } from "./docs/in-words.js";
export { issueCodesPage } from "./docs/issue-codes-page.js";
export { operatorsPage } from "./docs/operators-page.js";
export { withPolicyTables } from "./docs/policy-page.js";
export { type BatchResult, toBatchResult } from "./engine/batch.js";
export {
  createQualifier,
  DEFAULT_FRAMEWORKS,
  type EvaluateOptions,
  type Qualifier,
  type QualifierOptions,
  qualify,
} from "./engine/qualifier.js";
export { STATUS_VALUE, scoreOf } from "./engine/score.js";
export { GAP, STAGE_WEIGHTS, TOPIC_ROLES } from "./engine/stage-weights.js";
export type { FrameworkDef, GateStage } from "./frameworks/framework-def.js";
export {
  type FrameworkParseOptions,
  parseFramework,
  safeParseFramework,
} from "./frameworks/parse-framework.js";
export { DEFAULT_BUDGET, type EvaluationBudget } from "./logic/budget.js";
export { type CompiledLogic, type CompileOptions, compileLogic, explainLogic } from "./logic/compile.js";
export { domainOperators } from "./logic/domain-operators.js";
export { LIMITS } from "./logic/limits.js";
export {
  defineOperator,
  type EvalEnv,
  type Evaluator,
  type Operator,
  type OperatorContext,
} from "./logic/operator.js";
export { createOperatorSet, type OperatorSet } from "./logic/operator-set.js";
export type { TraceNode } from "./logic/trace.js";
export { truthy } from "./logic/truthy.js";
export { type ValidateLogicOptions, validateLogic } from "./logic/validate-logic.js";
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
export { IsoDate, IsoDay, isIsoDate } from "./model/iso-date.js";
export { DEFAULT_POLICY, mergePolicy, Policy, PolicyOverride } from "./model/policy.js";
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
export { definePlugin, type Plugin, type PluginInput } from "./plugin/define-plugin.js";
export {
  defineRule,
  type Rule,
  type RuleContext,
  type RuleFinding,
  type RuleOutcome,
} from "./plugin/define-rule.js";
export { ENTHUSIASM_GAP } from "./rules/enthusiasm-gap.js";
export {
  calibrationJsonSchema,
  comparisonJsonSchema,
  dealJsonSchema,
  frameworkJsonSchema,
  policyJsonSchema,
  reportJsonSchema,
} from "./schema/json-schema.js";
export type { CustomSchemaInput } from "./validation/custom-schema.js";
export { didYouMean } from "./validation/did-you-mean.js";
export {
  type FailureKind,
  formatIssues,
  formatPath,
  type Issue,
  isQualifyError,
  pathSegments,
  QualifyError,
  type SafeParseResult,
} from "./validation/issue.js";
export { ISSUE_CODES } from "./validation/issue-code-meanings.js";
export { ISSUE_CODE_LIST, type IssueCode, isIssueCode } from "./validation/issue-codes.js";
export { parseDeal, safeParseDeal } from "./validation/parse-deal.js";
