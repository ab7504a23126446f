import { type Deal, safeParseDeal } from "./core.js";
import type { Draft } from "./draft.js";
import { type CrmMapping, mappingKey } from "./mapping.js";
import type { CrmOptions } from "./options.js";
import type { Notes } from "./read.js";

type Stakeholder = NonNullable<Deal["stakeholders"]>[number];
type Interaction = NonNullable<Deal["interactions"]>[number];

/**
 * The confidence policy, shared by every adapter: only a conversation (a held meeting, a connected
 * call) makes a person engaged and sets their last contact; an email or a note alone does not; what has
 * not happened yet is not counted; the forecast close date is not the buyer's decision date unless the
 * options say so. Returns the deal, checked against the deal model (problems go to `notes.errors`).
 */
export function assemble(
  draft: Draft,
  mapping: CrmMapping,
  options: CrmOptions,
  asOf: string,
  notes: Notes,
): Deal | undefined {
  const ids = new Set(draft.people.map((p) => p.id));
  const last = new Map<string, string>();
  const interactions: Interaction[] = [];
  const emailsLeft = new Map<string, number>();
  for (const a of draft.activities) {
    const participants = [...new Set(a.participantIds)].filter((id) => ids.has(id));
    for (const id of a.participantIds)
      if (!ids.has(id))
        notes.warn(
          a.path,
          "unknown-participant",
          `${JSON.stringify(id)} is not a contact of this deal: left out of the ${a.kind}`,
        );
    if (participants.length === 0) {
      notes.warn(a.path, "no-participant", `no contact of this deal took part: the ${a.kind} is left out`);
      continue;
    }
    if (a.day > asOf) {
      notes.warn(
        a.path,
        "not-yet-held",
        `a ${a.kind} on ${a.day}, after ${asOf}: it has not happened yet, not counted`,
      );
      continue;
    }
    const summary = a.summary !== undefined ? { summary: a.summary } : {};
    if (a.conversation) {
      interactions.push({ date: a.day, kind: a.kind, stakeholderIds: participants, ...summary });
      for (const id of participants) if ((last.get(id) ?? "") < a.day) last.set(id, a.day);
    } else if (a.kind === "email" && a.inbound && options.emails === "inbound") {
      interactions.push({ date: a.day, kind: "email", stakeholderIds: participants, ...summary });
    } else if (a.kind === "email") {
      const list = a.path.replace(/\[\d+\]$/, "");
      emailsLeft.set(list, (emailsLeft.get(list) ?? 0) + 1);
    } else
      notes.warn(
        a.path,
        "not-a-conversation",
        a.kind === "call"
          ? "a call that did not connect (or was not completed): not a conversation"
          : "a meeting not marked held (completed): not a conversation",
      );
  }
  for (const [list, n] of emailsLeft)
    notes.warn(
      list,
      "email-not-conversation",
      `${n} email(s) left out: an email is not a conversation${options.emails === "inbound" ? " (only emails the buyer wrote are kept)" : ' (options.emails: "inbound" keeps the ones the buyer wrote)'}`,
    );
  if (!draft.activitiesGiven)
    notes.warn(
      "",
      "no-activities",
      "no meetings, calls or other activities given: nobody is known to be engaged",
    );

  const stakeholders = stakeholdersOf(draft, mapping, ids, last, notes);
  const deal: Deal = { ...draft.deal };
  if (deal.amount && deal.amount.currency === undefined && options.currency)
    deal.amount = { ...deal.amount, currency: options.currency };
  if (draft.closeDay !== undefined) {
    // A closed opportunity's close date is when it was decided: a fact, not the seller's guess.
    const closed = deal.stage === "closed-won" || deal.stage === "closed-lost";
    if (options.closeDate === "decisionBy" || closed)
      deal.timeline = { ...deal.timeline, decisionBy: draft.closeDay };
    else
      notes.warn(
        draft.closeDatePath,
        "close-date-not-decision",
        `the forecast close date (${draft.closeDay}) is the seller's guess, not the buyer's decision date: left out (options.closeDate: "decisionBy" maps it)`,
      );
  }
  // Each earlier close date is a slip: a fact the CRM recorded, whether or not the close date itself is
  // taken as the decision date.
  if (draft.closeHistory && draft.closeHistory.length > 0)
    deal.timeline = { ...deal.timeline, decisionByHistory: [...draft.closeHistory] };
  if (stakeholders.length > 0) deal.stakeholders = stakeholders;
  if (interactions.length > 0)
    deal.interactions = interactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const checked = safeParseDeal(deal);
  if (!checked.success) {
    for (const i of checked.issues) notes.error(`(deal) ${i.path}`, i.code, i.message);
    return undefined;
  }
  return checked.data as Deal;
}

/**
 * The people: confirmed roles, a reporting line only to another person of the deal, technical from the
 * department tables (unknown when the department is in neither), engaged from conversations.
 */
function stakeholdersOf(
  draft: Draft,
  mapping: CrmMapping,
  ids: ReadonlySet<string>,
  last: ReadonlyMap<string, string>,
  notes: Notes,
): Stakeholder[] {
  const technical = new Set(mapping.technicalDepartments.map(mappingKey));
  const business = new Set(mapping.businessDepartments.map(mappingKey));
  const unknownDepartments = new Map<string, string[]>();
  const stakeholders: Stakeholder[] = draft.people.map((p) => {
    const s: Stakeholder = { id: p.id, name: p.name };
    if (p.title !== undefined) s.title = p.title;
    if (p.department !== undefined) {
      s.department = p.department;
      const key = mappingKey(p.department);
      // A department in neither list (a localised one: "Finanzen") leaves technical unknown, never false.
      if (technical.has(key)) s.technical = true;
      else if (business.has(key)) s.technical = false;
      else unknownDepartments.set(p.department, [...(unknownDepartments.get(p.department) ?? []), p.name]);
    }
    const roles = [...new Set(p.roles)];
    if (roles.length > 0) s.roles = roles;
    if (p.organisation !== undefined && p.organisation !== "buyer") s.organisation = p.organisation;
    if (p.reportsTo !== undefined) {
      if (ids.has(p.reportsTo) && p.reportsTo !== p.id) s.reportsTo = p.reportsTo;
      else
        notes.warn(
          p.path,
          "reports-to-outside",
          `reports to ${JSON.stringify(p.reportsTo)}, who is not a contact of this deal: reporting line left out`,
        );
    }
    if (draft.activitiesGiven) s.engaged = last.has(p.id);
    const lastContact = last.get(p.id);
    if (lastContact !== undefined) s.lastContact = lastContact;
    return s;
  });

  for (const [department, names] of unknownDepartments)
    notes.warn(
      "contacts",
      "unmapped-department",
      `department ${JSON.stringify(department)} (${names.join(", ")}) is in neither mapping.technicalDepartments nor mapping.businessDepartments: whether they are technical is left unknown`,
    );
  return stakeholders;
}
