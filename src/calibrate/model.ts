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
        coefficient: z.number().describe("Log-odds per unit of status (met 1, partial 0.5)."),
        weight: z.number().describe("The coefficient floored at 0, scaled to the framework's total weight."),
        winRate: z
          .strictObject({ met: z.number().nullable(), notMet: z.number().nullable() })
          .describe("Win rate where the criterion was met, and where it was not."),
        interval: z.tuple([z.number(), z.number()]).describe("95% bootstrap interval of the coefficient."),
        significant: z.boolean().describe("False when the interval contains zero."),
      }),
    ),
    holdout: z
      .strictObject({ auc: z.number(), brier: z.number(), logLoss: z.number(), size: z.number().int() })
      .describe("Quality on a stratified 20% of the deals held out from the fit."),
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
