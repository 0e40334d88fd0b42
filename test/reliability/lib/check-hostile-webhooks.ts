import http from "node:http";
import fc from "fast-check";
import { expect } from "vitest";
import { systemDb } from "@/lib/db/client";
import { caseTally } from "../../helpers/case-tally";
import { fixture } from "../../helpers/sandbox-integration";
import { HOSTILE_BODY_EXAMPLES, hostileBody, hostileToken, tokenSegment } from "./hostile-payloads";

const WITH_JOB = ["received", "processing", "retrying", "done", "failed"];

/**
 * Rows a crash or a half-done write could leave: an event acted on but without its job, an event stored only
 * to be shown (ignored, paused) with one.
 */
export async function halfWrittenRows(integrationId: string): Promise<number> {
  const [withoutJob, strayJob] = await Promise.all([
    systemDb.webhookEvent.count({ where: { integrationId, status: { in: WITH_JOB }, job: { is: null } } }),
    systemDb.webhookEvent.count({ where: { integrationId, status: { notIn: WITH_JOB }, job: { isNot: null } } }),
  ]);
  return withoutJob + strayJob;
}

/**
 * One POST on its own connection: a receiver that answers 413 before reading a huge body may close the socket,
 * and a pooled connection would hand that reset to the next request.
 */
function post(url: string, body: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json" },
      timeout: 30_000,
    });
    request.once("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers["content-type"] ?? ""),
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      response.once("error", reject);
    });
    // Writing the rest of a refused body may fail once the answer is in; only an error before it counts.
    request.once("error", reject);
    request.once("timeout", () => request.destroy(new Error("no answer within 30 s")));
    request.end(body);
  });
}

/**
 * Any body at the real webhook URL: never a 5xx, always JivoChat's JSON answer, at most one new row, and no
 * row left half-written. fast-check shrinks a failure to the smallest body that shows it.
 */
export async function checkHostileBodies(options: {
  webhookUrl: string;
  integrationId: string;
  numRuns: number;
  seed?: number;
}) {
  const tally = caseTally();
  await fc.assert(
    fc.asyncProperty(hostileBody, async (body) => {
      const before = await systemDb.webhookEvent.count({ where: { integrationId: options.integrationId } });
      const answer = await post(options.webhookUrl, body);
      expect(answer.status, answer.text).toBeLessThan(500);
      expect(answer.type).toContain("application/json");
      expect(JSON.parse(answer.text)).toHaveProperty("result", answer.status === 200 ? expect.any(String) : "error");
      const added = (await systemDb.webhookEvent.count({ where: { integrationId: options.integrationId } })) - before;
      // A re-delivery is answered 200 too, without a new row.
      if (answer.status === 200) {
        tally.accepted();
        expect([0, 1]).toContain(added);
      } else {
        tally.refused();
        expect(added).toBe(0);
      }
      expect(await halfWrittenRows(options.integrationId)).toBe(0);
    }),
    { numRuns: options.numRuns, seed: options.seed, examples: HOSTILE_BODY_EXAMPLES },
  );
  // About half the hostile bodies are events the receiver takes; the rest it refuses (not JSON, not an event, too big).
  tally.expectShares({ accepted: 0.25, refused: 0.1 });
}

/** Any token in the URL (with a valid chat as the body): refused with a 4xx, nothing stored anywhere. */
export async function checkHostileTokens(options: { baseUrl: string; numRuns: number; seed?: number }) {
  const body = fixture("chat_finished");
  await fc.assert(
    fc.asyncProperty(hostileToken, async (token) => {
      const before = await systemDb.webhookEvent.count();
      const answer = await post(`${options.baseUrl}/api/webhooks/jivo/${tokenSegment(token)}`, body);
      expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
      expect(answer.status, answer.text).toBeLessThan(500);
      expect(await systemDb.webhookEvent.count()).toBe(before);
    }),
    { numRuns: options.numRuns, seed: options.seed },
  );
}
