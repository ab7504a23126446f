/**
 * Every `Issue.code` the library gives, with what it means: one list, for a program to `switch` on and for
 * the docs. A code is stable; new ones may be added in a minor version.
 */
export const ISSUE_CODES = {
  // The input's shape (deals, framework files, options, CRM records)
  "unknown-field": "a key the schema does not know; `suggestion` holds the closest known key",
  "invalid-type": "a value of the wrong type (a text where a number belongs)",
  "invalid-value": "a value outside the allowed ones (an enum, a range, a refinement)",
  "invalid-format": "a text that does not match its format",
  "invalid-date": "not a real day written YYYY-MM-DD (or a date-time where one is allowed)",
  "invalid-currency": "not an ISO 4217 currency code; `suggestion` holds the code meant",
  "invalid-option": "a CRM adapter option with a value it does not take",
  "too-small": "a list, text or number below its minimum",
  "too-large": "a list, text or number above its maximum, or a file over a size limit",
  "too-deep": "nesting deeper than the limit (64 in a deal's custom fields)",
  "not-json": "a value that is not JSON (a function, a BigInt, a class instance, an array hole)",
  cycle: "a value that contains itself",
  "dangling-reference": "an id that names no stakeholder (reportsTo, ownerId, participants...)",
  unreadable: "a value or file that could not be read (a getter or Proxy that throws, a missing file)",
  "too-many-issues": "the last issue of a capped list: how many more were left out",
  // Framework and rule-set files
  "unknown-operator": "a JsonLogic operator no one defines",
  arity: "an operator given the wrong number of arguments",
  "unknown-path": "a `var` path or template placeholder that is not a deal field",
  "forbidden-key": "a key such as `__proto__` in a rule",
  quadratic: "a warning: a rule that loops over a list inside a loop over it",
  "status-or-rule": "a criterion with both or neither of `status` and `rule`",
  "unknown-rule": "a criterion naming a TypeScript rule no plugin registers",
  "unknown-criterion": "a gate or calibration coefficient naming no criterion",
  "unknown-framework": "an `extends` or a chosen framework that is not known",
  "duplicate-id": "an id used twice where ids must differ",
  "duplicate-framework": "a framework id already known (without `replaces`), or chosen twice",
  "unknown-id": "a `disable` id naming no finding, collateral, question or rule",
  "invalid-schema": "a `customSchema` that is neither a zod 4 schema nor a JSON Schema it can read",
  "invalid-report": "a stored report that is not a valid report",
  // Plugins and setups
  "not-a-plugin": "a module whose default export is not a plugin",
  "plugin-not-loaded": "a plugin module that could not be imported",
  "plugin-has-code": "a plugin object with code given to worker threads (pass its module path)",
  "config-timeout": "a config module that did not finish loading in time",
  // Scoring (the deal is valid; a rule or the machinery failed)
  "rule-failed": "a rule or operator threw while scoring this deal",
  "bad-rule-outcome": "a TypeScript rule returned something that is not an outcome",
  "budget-exceeded": "a rule ran over the evaluation budget",
  "internal-error": "a bug in qualify",
  "worker-failed": "the worker thread died while scoring this deal",
  "worker-start-failed": "worker threads could not start (a plugin that fails in a worker)",
  "deal-timeout": "the deal took longer than the time limit in a worker",
  // History, comparison, calibration
  "different-deals": "snapshots of different deals",
  "duplicate-snapshot": "two snapshots of one deal on one date",
  "invalid-snapshot": "a history line that is neither a dated deal nor a report",
  empty: "no snapshots at all",
  leakage: "history snapshots taken at a closed stage",
  "too-little-history": "fewer deals than a calibration needs",
  // CRM imports (mostly warnings: what was left out, and why)
  missing: "a record the CRM bundle must hold is absent",
  "not-records": "the input is not the CRM's records",
  "not-a-record": "an item that is not a record",
  "not-a-list": "a value that should be a list of records",
  "not-a-number": "an amount or count that is not a number",
  "not-a-date": "a date that cannot be read",
  "no-date": "an activity without a date, left out",
  "no-name": "a contact without a name",
  "no-participant": "an activity with no known participant",
  "unmapped-role": "a CRM role value that no mapping table maps",
  "unmapped-field": "CRM fields that are not mapped (name them in mapping.custom or mapping.ignore)",
  "unmapped-stage": "a CRM stage that no mapping table maps",
  "unmapped-type": "a CRM deal type that no mapping table maps",
  "unknown-call-outcome": "a call outcome (disposition) that no mapping table maps",
  "untrusted-role": "a CRM role value the mapping does not believe (a pre-filled default)",
  "custom-not-found": "a mapping.custom path that the records do not hold",
  "invalid-mapping": "a mapping override with a wrong key or value",
  "wrong-crm": "records of the other CRM",
  "wrong-object": "a record of another object type where one was expected",
  "not-an-association": "an association entry that cannot be read",
  "not-an-activity": "an activity record that cannot be read",
  "duplicate-record": "the same record twice; the first is kept",
  "no-contact-record": "a role or association naming a contact the bundle does not hold",
  "unknown-participant": "an activity naming a person who is not a contact of the deal",
  "other-opportunity": "an activity of another opportunity, left out",
  "not-yet-held": "a meeting in the future: not evidence yet",
  "not-a-conversation": "an activity that is not a conversation (a logged task), left out",
  "email-not-conversation": "emails, which are not taken as conversations unless asked (emails: inbound)",
  "note-not-conversation": "a note, which is not a conversation",
  "no-activities": "no activity at all: nobody is engaged",
  "reports-to-outside": "a reports-to naming someone outside the deal",
  "close-date-not-decision": "the CRM's close date, not taken as the decision date unless asked",
} as const;

/** A stable code for the kind of problem: see {@link ISSUE_CODES} for the list and what each means. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Whether a text is one of the codes. */
export const isIssueCode = (code: string): code is IssueCode => Object.hasOwn(ISSUE_CODES, code);

/** The codes of a valid deal's scoring failing (a rule, a plugin, the machinery), not of bad input. */
export const RULE_FAILURE_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "rule-failed",
  "bad-rule-outcome",
  "budget-exceeded",
  "internal-error",
  "worker-failed",
  "worker-start-failed",
  "deal-timeout",
]);
