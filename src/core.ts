/**
 * `qualify/score`: the part of the public API that scoring needs, with no zod at import; `src/index.ts`
 * re-exports all of it. In the ESM build for Node, `dist/index.js` loads this eagerly and the rest (the zod
 * schemas, the JSON Schemas, calibration, comparison, the docs pages) on first use (tsup.config.ts,
 * `facade`); `qualify/score` in Node is this same module. In a browser bundle `qualify/score` is
 * `dist/score.browser.js`: this with no zod and no json-logic-js at all, where what needs them (framework
 * files, custom schemas, policy overrides, interpreter mode) is a clear `needs-qualify` error.
 * `tests/zod-free-path.test.ts` checks that nothing here reaches zod at import.
 * @internal
 * @packageDocumentation
 */

export { CALIBRATION_MINIMUM } from "./calibrate/fit.js";
export { defineConfig, type QualifyConfig } from "./config/define-config.js";
export { inWords, type Phrases, phrasesOf, templateInWords } from "./docs/in-words.js";
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
export { DEFAULT_POLICY, mergePolicy } from "./model/policy-default.js";
export { isIsoDate } from "./model/value-checks.js";
export { definePlugin, type Plugin, type PluginInput } from "./plugin/define-plugin.js";
export {
  defineRule,
  type Rule,
  type RuleContext,
  type RuleFinding,
  type RuleOutcome,
} from "./plugin/define-rule.js";
export { ENTHUSIASM_GAP } from "./rules/enthusiasm-gap.js";
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
