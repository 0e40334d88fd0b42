// PUT /sandbox/admin/tenants/faults, POST /sandbox/admin/tenants/reset – sandbox test support (404 when disabled)
import { handleSandboxAdminRequest } from "@/lib/ploomes-sandbox";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  return handleSandboxAdminRequest(request, (await context.params).path);
}

export const POST = handle;
export const PUT = handle;
