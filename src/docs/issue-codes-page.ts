import { ISSUE_CODES } from "../validation/issue-code-meanings.js";

const HEAD = `# Issue codes

Generated from \`ISSUE_CODES\` by \`npm run generate\`.

Every \`Issue\` the library returns or throws has a stable \`code\` (the \`IssueCode\` type, exported with the
list as \`ISSUE_CODES\`), its \`path\` as text and as \`segments\` (keys and indexes, for a form to map to a
field), and a message written for a person. A failed result also says whose fault it is (\`kind\`):

| kind | whose fault | a service answers |
| --- | --- | --- |
| \`invalid-input\` | the deal (or the CRM records) | 4xx, with the issues |
| \`rule-failed\` | a rule or plugin threw or misbehaved on a valid deal | 5xx; what a plugin threw is withheld from the issues unless \`errorDetails: true\` (the result's \`cause\` keeps it) |
| \`invalid-rule-set\` | the frameworks, plugins or options | fix the setup |

\`QualifyError\` carries the same \`kind\`. \`isQualifyError(e)\` recognises one from the ESM or the CJS build
alike (\`instanceof\` cannot: they are two classes). Batch results (\`evaluateMany\`, the worker pool) have
\`safeEvaluate\`'s shape with their \`index\`: \`{ index, success, data }\` or \`{ index, success, issues, kind }\`.

| code | meaning |
| --- | --- |
`;

/** The page listing every issue code and what it means, and whose fault a failure is. */
export function issueCodesPage(): string {
  const rows = Object.entries(ISSUE_CODES).map(
    ([code, meaning]) => `| \`${code}\` | ${meaning.replace(/\|/g, "\\|")} |`,
  );
  return `${HEAD}${rows.join("\n")}\n`;
}
