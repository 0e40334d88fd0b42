// GET/POST/PATCH/DELETE /sandbox/ploomes/api/* – the built-in imitation of Ploomes' REST API (404 when disabled)
import { handleSandboxRequest } from "@/lib/ploomes-sandbox";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  return handleSandboxRequest(request, (await context.params).path);
}

export const GET = handle;
export const POST = handle;
export const PATCH = handle;
export const DELETE = handle;
