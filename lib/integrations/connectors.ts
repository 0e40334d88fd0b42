// The catalogue is data: a new connector is one more entry here (with its messages under
// "integrations.connectors.<id>") and its own pages under /integrations/<id>.
export const CONNECTORS = [{ id: "jivo", href: "/integrations/jivo", initials: "J" }] as const;

export type Connector = (typeof CONNECTORS)[number];
