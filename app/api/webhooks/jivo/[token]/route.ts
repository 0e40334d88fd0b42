// POST /api/webhooks/jivo/[token] – receive JivoChat events: store first, answer at once
import { handleJivoWebhook } from "@/lib/webhooks/handle-jivo-webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  return handleJivoWebhook(request, (await context.params).token);
}
