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
      return fail(
        "VALIDATION",
        "keyRefused401",
        "A chave da API foi recusada pelo Ploomes (401). Confira se copiou a chave inteira do usuário de integração.",
      );
    case "forbidden":
      return fail(
        "VALIDATION",
        "keyRefused403",
        "A chave da API foi recusada pelo Ploomes (403): o usuário de integração não tem permissão ou está bloqueado no momento.",
      );
    case "network":
    case "timeout":
      return fail(
        "UPSTREAM",
        "ploomesUnreachable",
        "Não foi possível falar com o Ploomes: o endereço da API não respondeu. Confira o endereço ou tente de novo em instantes.",
      );
    case "rate_limited":
      return fail("RATE_LIMITED", "ploomesRateLimited", "O Ploomes pediu para esperar (429). Tente de novo em um minuto.");
    default:
      return fail("UPSTREAM", "ploomesFailed", `O Ploomes respondeu com um erro (${error.status ?? error.kind}). Tente de novo.`);
  }
}
