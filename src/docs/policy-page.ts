import type { Policy } from "../model/policy.js";
import { cell } from "./markdown.js";

/** The marks around a block generated from frameworks/policy.json in a hand-written page. */
const START =
  "<!-- generated from frameworks/policy.json by `npm run generate`: edit the policy, not this block -->";
const END = "<!-- end of the generated block -->";

const table = (header: readonly string[], rows: ReadonlyArray<readonly string[]>): string =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");

const code = (s: string) => `\`${s}\``;
const list = (xs: readonly string[]) => xs.map(code).join(", ");

/** The tables of question ranking and targeting (docs/scoring.md). */
function rankingTables(p: Readonly<Policy>): string {
  const stages = Object.keys(Object.values(p.stageWeights)[0] ?? {});
  return [
    table(
      ["setting", "value", "what it does"],
      [
        [
          "`gap`",
          `unknown ${p.gap.unknown}, unmet ${p.gap.unmet}, partial ${p.gap.partial}`,
          "how far a criterion is from met, by status",
        ],
        [
          "`positionDecay`",
          String(p.positionDecay),
          "how much a question's value falls per place in its criterion's list",
        ],
        [
          "`positionFloor`",
          String(p.positionFloor),
          "the least a question keeps of its value, however late in the list",
        ],
        ["`defaultStage`", code(p.defaultStage), "the stage assumed when a deal gives none"],
        [
          "`topicSpread`",
          `head ${p.topicSpread.head}, perTopic ${p.topicSpread.perTopic}`,
          "the first `head` questions hold at most `perTopic` of one topic while other topics wait",
        ],
        ["`sensitiveTopics`", list(p.sensitiveTopics), "never put to someone against the deal"],
        ["`aboutTheDecider`", list(p.aboutTheDecider), "never put to the decider"],
      ],
    ),
    "",
    "**Stage weights** (`stageWeights`): a topic's multiplier at each stage.",
    "",
    table(
      ["topic", ...stages],
      Object.entries(p.stageWeights).map(([topic, row]) => [
        code(topic),
        ...stages.map((s) => String((row as Record<string, number>)[s])),
      ]),
    ),
    "",
    "**Whom to ask** (`topicRoles`): by topic, when a question names no roles, the first live, engaged holder of one of these.",
    "",
    table(
      ["topic", "roles, in order"],
      Object.entries(p.topicRoles).map(([topic, roles]) => [code(topic), list(roles)]),
    ),
  ].join("\n");
}

/** The thresholds of people over time and of the enthusiasm gap (docs/judgement.md). */
function peopleTable(p: Readonly<Policy>): string {
  return table(
    ["setting", "value", "what it does"],
    [
      [
        "`lostAfterDays`",
        `${p.lostAfterDays} days`,
        "days of silence after which a contact is lost: their role is no longer confirmed, and a meeting with them no longer shows access to power",
      ],
      [
        "`enthusiasmGap.maxScore`",
        String(p.enthusiasmGap.maxScore),
        "`enthusiasm-gap`: the mean framework score below which positive non-deciders are a gap",
      ],
    ],
  );
}

/**
 * A hand-written page with its generated policy block brought up to date: `which` picks the ranking tables
 * (docs/scoring.md) or the people thresholds (docs/judgement.md). The page must hold the block's marks.
 */
export function withPolicyTables(
  page: string,
  policy: Readonly<Policy>,
  which: "ranking" | "people",
): string {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start)
    throw new Error("the page has no generated policy block (its marks are missing)");
  const block = which === "ranking" ? rankingTables(policy) : peopleTable(policy);
  return `${page.slice(0, start)}${START}\n\n${block}\n\n${page.slice(end)}`;
}
