import { z } from "zod";
import { currencyProblem, isCurrencyCode } from "./currency.js";

/** An ISO 4217 code: `EUR`, not `eur`, `EUR ` or `€` (those are issues with the code as a suggestion). */
export const CurrencyCode = z
  .string()
  // A refinement by a named function (the generated acceptor calls the same one); the message and the
  // suggestion ("did you mean EUR?") are made only for a code that fails.
  .refine(isCurrencyCode, {
    error: (issue) => currencyProblem(String(issue.input)).message,
    params: {
      code: "invalid-currency",
      suggest: (value: unknown) => currencyProblem(String(value)).suggestion,
    },
  })
  .meta({ pattern: "^[A-Z]{3}$", description: "ISO 4217 currency code, three capital letters, e.g. EUR." });

/** An amount of money. */
export const Money = z
  .strictObject({
    value: z.number().nonnegative().describe("The amount."),
    currency: CurrencyCode.optional(),
  })
  .describe("An amount of money.");

/** An amount of money. */
export type Money = z.infer<typeof Money>;
