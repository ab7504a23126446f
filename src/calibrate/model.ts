import { z } from "zod";

/** The result of a calibration (JSON, version 1): what `calibrate` returns and `qualify calibrate --format json` prints. */
export const CalibrationResult = z
  .strictObject({
    framework: z.string().describe("The framework calibrated."),
    calibratedOn: z.string().describe("The calibration's date."),
    sample: z
      .strictObject({ won: z.number().int(), lost: z.number().int(), skipped: z.number().int() })
      .describe("Deals won and lost in the fit, and lines skipped as invalid."),
    intercept: z.number().describe("Log-odds of a win with every criterion unmet or unknown."),
    lambda: z.number().describe("The L2 strength chosen by cross-validation."),
    criteria: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        coefficient: z
          .number()
          .describe(
            "Log-odds per unit of status (met 1, partial 0.5), capped at 4 where the history separates the outcomes.",
          ),
        oddsRatio: z
          .number()
          .describe(
            "e^coefficient: how many times the odds of a win, met against not met, other criteria equal.",
          ),
        weight: z
          .number()
          .describe(
            "With a clear positive effect, a share of the framework's total in proportion to the coefficient; with no clear effect, the original weight; with a clear negative effect, 0.",
          ),
        winRate: z
          .strictObject({ met: z.number().nullable(), notMet: z.number().nullable() })
          .describe(
            "Unadjusted win rates: where the criterion was met, and where it was not (other criteria not held equal).",
          ),
        separation: z
          .enum(["complete", "quasi"])
          .optional()
          .describe(
            "When the history separates won from lost on this criterion alone (quasi: one side all one outcome).",
          ),
        interval: z.tuple([z.number(), z.number()]).describe("95% bootstrap interval of the coefficient."),
        significant: z
          .boolean()
          .describe(
            "False when the interval contains zero, or the criterion separates the outcomes: no clear effect.",
          ),
      }),
    ),
    holdout: z
      .strictObject({
        auc: z.number(),
        aucInterval: z
          .tuple([z.number(), z.number()])
          .describe("95% interval of the AUC (Hanley and McNeil)."),
        brier: z.number(),
        logLoss: z.number(),
        baseRate: z.number().describe("The training deals' share of wins: the constant guess."),
        noSkill: z
          .strictObject({ brier: z.number(), logLoss: z.number() })
          .describe("Brier and log loss of always guessing the base rate, on the same deals."),
        brierSkill: z
          .number()
          .describe("1 - Brier / the constant guess's Brier: above 0 beats the base rate."),
        skilful: z
          .boolean()
          .describe("Whether the AUC interval excludes 0.5 and the Brier beats the constant guess."),
        size: z.number().int(),
      })
      .describe("Quality on a stratified 20% of the deals held out from the fit, against the base rate."),
    reliability: z
      .array(
        z.strictObject({
          bin: z.string(),
          predicted: z.number().nullable(),
          observed: z.number().nullable(),
          count: z.number().int(),
        }),
      )
      .describe("Held-out predictions in 10 bins: mean predicted and observed win rate."),
    warnings: z.array(z.string()),
    skipped: z.array(
      z.strictObject({
        line: z.number().int(),
        issues: z.array(
          z.strictObject({
            path: z.string(),
            message: z.string(),
            code: z.string(),
            file: z.string().optional(),
            suggestion: z.string().optional(),
            severity: z.literal("warning").optional(),
          }),
        ),
      }),
    ),
  })
  .describe("What a calibration found: per criterion, how predictive it is; overall, how good the fit is.");
