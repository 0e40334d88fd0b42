import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors/app-error";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

const tooLarge = (limit: number) => new AppError("PAYLOAD_TOO_LARGE", `Body larger than ${limit} bytes.`);

/**
 * A web stream's bytes as UTF-8 text, stopped (and cancelled) as soon as they pass `limit`: `tooLarge` makes the
 * error to throw. Shared by the webhook receiver, the sandbox and the Ploomes client's answers.
 */
export async function readCappedStream(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
  tooLarge: () => Error,
): Promise<string> {
  if (!stream) return "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a request body as UTF-8 text, refusing (413) as soon as it exceeds the limit. */
export async function readLimitedBody(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<string> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge(limit);
  return readCappedStream(request.body, limit, () => tooLarge(limit));
}

/**
 * The same for a Node request (the production server's direct path). Past the limit the rest is drained unread,
 * so that the 413 answer can still be written on the connection.
 */
export function readLimitedNodeBody(request: IncomingMessage, limit = MAX_WEBHOOK_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? "0") > limit) {
      request.resume();
      return reject(tooLarge(limit));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      request.off("data", onData);
      request.resume();
      reject(tooLarge(limit));
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", reject);
    // A connection cut (by the client, or by the server's request timeout) before the end.
    request.once("close", () => {
      if (!request.complete) reject(new Error("aborted"));
    });
  });
}
