import { z } from "zod";

const Change = <T extends z.ZodType>(t: T) => z.strictObject({ before: t, after: t });
const Item = z.strictObject({ id: z.string(), text: z.string() });
const Person = z.strictObject({ id: z.string(), name: z.string() });

/** What changed between two snapshots of one deal (JSON, version 1). */
export const Comparison = z
  .strictObject({
    deal: z.strictObject({ id: z.string(), name: z.string() }),
    asOf: Change(z.string()).describe("The dates the two snapshots were judged at."),
    changed: z.boolean().describe("False when nothing below changed."),
    rulesChanged: z
      .strictObject({
        frameworks: z
          .array(z.string())
          .describe("The frameworks and rule sets whose fingerprints differ, or that only one report has."),
        message: z.string(),
      })
      .optional()
      .describe(
        "Present when the two reports were made by different rules (meta fingerprints differ): score changes may come from the rules, not the deal.",
      ),
    stage: Change(z.string().nullable()).optional().describe("The stage before and after, when it moved."),
    frameworks: z
      .array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          score: Change(z.number()),
          rulesChanged: z
            .boolean()
            .optional()
            .describe(
              "True when this framework's rules differ between the two: its score change is not deal progress.",
            ),
          criteria: z
            .array(
              z.strictObject({
                id: z.string(),
                name: z.string(),
                before: z.string(),
                after: z.string(),
                explanation: z.string().describe("Why, now (after)."),
                evidence: Change(z.array(z.unknown())).optional().describe("The evidence, when it changed."),
              }),
            )
            .describe("The criteria whose status changed."),
        }),
      )
      .describe("Frameworks in both snapshots, with their scores and the criteria whose status changed."),
    findings: z.strictObject({
      added: z.array(z.strictObject({ id: z.string(), severity: z.string(), message: z.string() })),
      resolved: z.array(z.strictObject({ id: z.string(), severity: z.string(), message: z.string() })),
    }),
    questions: z.strictObject({
      settled: z.array(Item).describe("Asked before, no longer asked."),
      new: z.array(Item).describe("Asked now, not before."),
    }),
    stakeholders: z
      .strictObject({
        appeared: z.array(Person),
        removed: z.array(Person),
        left: z.array(Person).describe("Departed since."),
        returned: z.array(Person).describe("Departed before, not now."),
        wentQuiet: z.array(Person).describe("Heard from within 30 days before, not now."),
        heardFrom: z.array(Person).describe("Silent 30 days or more before, heard from now."),
      })
      .optional()
      .describe("People, when both snapshots are deals (reports do not carry them)."),
  })
  .describe("What changed between two snapshots of one deal.");
/** What changed between two snapshots of one deal. */
export type Comparison = z.infer<typeof Comparison>;

/** The trend of a deal over dated snapshots, and whether it stalls. */
export const History = z
  .strictObject({
    deal: z.strictObject({ id: z.string(), name: z.string() }),
    trend: z.array(
      z.strictObject({
        asOf: z.string(),
        stage: z.string().nullable(),
        scores: z.record(z.string(), z.number()).describe("Score per framework id."),
      }),
    ),
    stalls: z
      .array(
        z.strictObject({
          asOf: z.string(),
          kind: z.enum(["stage-ahead", "stage-back"]),
          message: z.string(),
        }),
      )
      .describe(
        "Where the stage moved while no criterion moved for 30 days or more, or the stage moved back.",
      ),
  })
  .describe("A deal's scores over time, and where it stalls.");
/** The trend of a deal over dated snapshots. */
export type History = z.infer<typeof History>;
