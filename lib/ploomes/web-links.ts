import { appUrl } from "@/lib/env";

/** Ploomes' web app, where a person opens a record the integration created or found. */
export const PLOOMES_WEB_APP = "https://app10.ploomes.com";

export type RecordKind = "contact" | "deal" | "lead";

const SANDBOX_ANCHOR: Record<RecordKind, string> = { contact: "contacts", deal: "deals", lead: "leads" };

/** Link to a record: the sandbox page for sandbox connections, Ploomes' web app otherwise. */
export function recordLink(kind: RecordKind, id: number, isSandbox: boolean, base = appUrl()): string {
  if (isSandbox) return `${base}/sandbox#sandbox-${SANDBOX_ANCHOR[kind]}-${id}`;
  return `${PLOOMES_WEB_APP}/${kind}/${id}`;
}
