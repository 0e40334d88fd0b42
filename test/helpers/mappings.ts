import type { FieldMapping } from "@/lib/integration-model/settings-schema";

// The field mappings most suites start from, spelled once; a suite adds its own custom fields after them.

/** The visitor's name, e-mail and phone on the person, the organisation's name on the company. */
export const PERSON_COMPANY_MAPPINGS: FieldMapping[] = [
  { source: "visitor.name", entity: "person", field: "Name" },
  { source: "visitor.email", entity: "person", field: "Email" },
  { source: "visitor.phone", entity: "person", field: "Phones" },
  { source: "organization.name", entity: "company", field: "Name" },
];

/** The visitor's name, e-mail and phone on the lead. */
export const LEAD_CONTACT_MAPPINGS: FieldMapping[] = [
  { source: "visitor.name", entity: "lead", field: "PersonName" },
  { source: "visitor.email", entity: "lead", field: "Email" },
  { source: "visitor.phone", entity: "lead", field: "Phones" },
];
