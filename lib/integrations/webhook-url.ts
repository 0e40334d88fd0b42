import { appUrl } from "@/lib/env";

/** The address JivoChat posts to; the token in it is the only credential, so it is shown, never logged. */
export function webhookUrl(token: string): string {
  return `${appUrl()}/api/webhooks/jivo/${token}`;
}
