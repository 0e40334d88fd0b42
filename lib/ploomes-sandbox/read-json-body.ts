import { readLimitedBody } from "@/lib/http/read-limited-body";
import { SandboxError } from "./sandbox-error";

// Ploomes' own limit for a request body.
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readLimitedBody(request, MAX_BODY_BYTES);
  if (text.trim() === "") throw new SandboxError(400, "The request body is empty.");
  try {
    return JSON.parse(text);
  } catch {
    throw new SandboxError(400, "The request body is not valid JSON.");
  }
}
