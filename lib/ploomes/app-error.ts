import { AppError } from "@/lib/errors/app-error";
import { PloomesError } from "./errors";

/**
 * A failed Ploomes call as something an admin can act on: a refused key, an address that does not answer, or
 * Ploomes' own error. `fields._` is the message key (under "validation") the screens show in their language.
 * Anything that is not a PloomesError is returned unchanged.
 */
export function ploomesAppError(error: unknown): unknown {
  if (!(error instanceof PloomesError)) return error;
  const fail = (code: "VALIDATION" | "UPSTREAM" | "RATE_LIMITED", key: string, message: string) =>
    new AppError(code, message, { fields: { _: key }, cause: error });
  switch (error.kind) {
    case "unauthorized":
      return fail("VALIDATION", "keyRefused401", "Ploomes refused the API key (401).");
    case "forbidden":
      return fail(
        "VALIDATION",
        "keyRefused403",
        "Ploomes refused the API key (403): no permission, or the user is blocked.",
      );
    case "network":
    case "timeout":
      return fail("UPSTREAM", "ploomesUnreachable", `Ploomes did not answer (${error.kind}).`);
    case "rate_limited":
      return fail("RATE_LIMITED", "ploomesRateLimited", "Ploomes asked to wait (429).");
    default:
      return fail("UPSTREAM", "ploomesFailed", `Ploomes answered with an error (${error.status ?? error.kind}).`);
  }
}
