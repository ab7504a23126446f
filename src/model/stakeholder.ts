import { z } from "zod";
import type { StakeholderShape } from "./deal-types.generated.js";
import { Level, Organisation, Role, Seniority, Sentiment } from "./enums.js";
import { IsoDate } from "./iso-date.js";
import { Money } from "./money.js";

/** A person on the buyer's side. Roles are confirmed roles only: a title is not authority. */
export const Stakeholder = z
  .strictObject({
    id: z.string().min(1).describe("Unique id of the stakeholder within the deal."),
    name: z.string().min(1).describe("The person's name, used in messages and questions."),
    title: z.string().optional().describe("Job title, as they state it."),
    department: z.string().optional().describe("Department or function."),
    seniority: Seniority.optional(),
    technical: z
      .boolean()
      .optional()
      .describe("True for a technical person (engineering, IT), false for a business one."),
    roles: z
      .array(Role)
      .optional()
      .describe("Buying roles this person has been confirmed to hold. Absent or empty means not confirmed."),
    sentiment: Sentiment.optional(),
    influence: Level.optional().describe("How much weight this person carries in the decision."),
    reportsTo: z.string().min(1).optional().describe("Id of the stakeholder this person reports to."),
    engaged: z.boolean().optional().describe("True when we have spoken with this person."),
    lastContact: IsoDate.optional().describe("When we last spoke with this person."),
    concerns: z.array(z.string()).optional().describe("Concerns this person has raised."),
    departed: z
      .boolean()
      .optional()
      .describe(
        "True when this person has left the organisation (an email bounced, a farewell note); false or absent: still there.",
      ),
    departedOn: IsoDate.optional().describe("When they left, if known."),
    moved: z
      .boolean()
      .optional()
      .describe(
        "True when this person is still at the organisation but no longer part of this decision (promoted, reorganised): what they agreed is not current, and they hold no role in it now.",
      ),
    movedOn: IsoDate.optional().describe("When they moved, if known."),
    organisation: Organisation.optional(),
    approvalLimit: Money.optional().describe(
      "The most they may approve alone: below the deal's amount, they are not its economic buyer or decision maker, whatever they say.",
    ),
    canVeto: z
      .boolean()
      .optional()
      .describe(
        "True when this person holds a formal veto over the decision (group IT's standard, a works council).",
      ),
  })
  .describe("A person on the buyer's side of the deal.");
/** A person on the buyer's side of the deal: its fields, with what each means, are {@link StakeholderShape}'s. */
export type Stakeholder = StakeholderShape;
