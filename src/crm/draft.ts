import type { Deal, Organisation, Role } from "./core.js";

/** A person as read from the CRM, before the confidence policy. */
export interface DraftPerson {
  readonly id: string;
  readonly name: string;
  readonly title?: string | undefined;
  readonly department?: string | undefined;
  readonly roles: readonly Role[];
  /** Whose side the person is on, when a role value, label or account type says (mapping.organisations). */
  readonly organisation?: Organisation | undefined;
  /** The CRM's manager id, kept only when that manager is a person of the deal. */
  readonly reportsTo?: string | undefined;
  /** Where the person's record is, for warnings. */
  readonly path: string;
}

/** An activity as read from the CRM: a meeting, a call or an email, and whether it was a conversation. */
export interface DraftActivity {
  readonly day: string;
  readonly kind: "meeting" | "call" | "email";
  /** A held meeting or a connected call: evidence that we spoke with the people in it. */
  readonly conversation: boolean;
  /** An email the buyer wrote (not one we sent). */
  readonly inbound?: boolean;
  readonly participantIds: readonly string[];
  readonly summary?: string | undefined;
  readonly path: string;
}

/** What an adapter read from the records: the deal's fields, its people and its activities. */
export interface Draft {
  readonly deal: Omit<Deal, "stakeholders" | "interactions">;
  /** The forecast close date: the seller's guess, a decision date only when the options say so. */
  readonly closeDay?: string | undefined;
  readonly closeDatePath: string;
  /** Earlier forecast close dates, oldest first, when the CRM's history shows the date moved. */
  readonly closeHistory?: readonly string[] | undefined;
  readonly people: readonly DraftPerson[];
  readonly activities: readonly DraftActivity[];
  /** Whether any activity records were given at all: without them, nobody's engagement is known. */
  readonly activitiesGiven: boolean;
}
