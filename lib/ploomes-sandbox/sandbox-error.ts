/** An answer other than 2xx that a sandbox step decided on; the request handler turns it into a response. */
export class SandboxError extends Error {
  override readonly name = "SandboxError";

  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
