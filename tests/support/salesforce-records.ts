// Salesforce records built small, as the REST API returns them (an `attributes` object on each), for the
// CRM tests: one set of builders per opportunity id.

type Extra = Record<string, unknown>;

/** Builders of Salesforce records for the opportunity `oppId`; `roleExtra` is added to every contact role. */
export function salesforceBuilders(oppId: string, roleExtra: Extra = {}) {
  const sfAttr = (type: string, id: string) => ({ type, url: `/services/data/v62.0/sobjects/${type}/${id}` });
  return {
    sfAttr,
    opp: (extra: Extra = {}) => ({
      attributes: sfAttr("Opportunity", oppId),
      Id: oppId,
      Name: "Opp",
      ...extra,
    }),
    contact: (id: string, extra: Extra = {}) => ({
      attributes: sfAttr("Contact", id),
      Id: id,
      Name: `Person ${id}`,
      ...extra,
    }),
    role: (contactId: string, value: string | null) => ({
      attributes: sfAttr("OpportunityContactRole", `00K${contactId}`),
      OpportunityId: oppId,
      ContactId: contactId,
      Role: value,
      ...roleExtra,
    }),
  };
}
