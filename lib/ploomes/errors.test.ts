import { describe, expect, it } from "vitest";
import { PloomesError, extractPloomesMessage, parseRetryAfter } from "./errors";
import { sendPloomesRequest } from "./send-ploomes-request";

const KEY = "SECRET-USER-KEY-123";

function transport(fetchImpl: typeof fetch, timeoutMs = 1_000) {
  return { baseUrl: "https://api.example", apiKey: KEY, timeoutMs, fetchImpl };
}

const answer =
  (status: number, body: string, headers: Record<string, string> = {}): typeof fetch =>
  async () =>
    new Response(body, { status, headers });

async function failureOf(fetchImpl: typeof fetch, timeoutMs?: number): Promise<PloomesError> {
  const error = await sendPloomesRequest(transport(fetchImpl, timeoutMs), { method: "POST", path: "/Deals" }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PloomesError);
  return error as PloomesError;
}

const refused: typeof fetch = async () => {
  const cause = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
  throw new TypeError("fetch failed", { cause });
};

const neverAnswers: typeof fetch = (_url, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));

describe("classification", () => {
  it.each([
    ["network", refused, { kind: "network", retryable: true, status: undefined }],
    ["timeout", neverAnswers, { kind: "timeout", retryable: true, status: undefined }],
    [
      "429 with Retry-After",
      answer(429, "", { "Retry-After": "7" }),
      { kind: "rate_limited", retryable: true, status: 429, retryAfterMs: 7_000 },
    ],
    ["500", answer(500, "boom"), { kind: "server", retryable: true, status: 500 }],
    ["503", answer(503, "", { "Retry-After": "2" }), { kind: "server", retryable: true, retryAfterMs: 2_000 }],
    ["400", answer(400, '{"error":{"message":"Invalid"}}'), { kind: "bad_request", retryable: false, status: 400 }],
    ["401", answer(401, ""), { kind: "unauthorized", retryable: false, status: 401 }],
    ["403", answer(403, ""), { kind: "forbidden", retryable: false, status: 403 }],
    ["404", answer(404, ""), { kind: "not_found", retryable: false, status: 404 }],
    ["422", answer(422, ""), { kind: "bad_request", retryable: false, status: 422 }],
    ["bad JSON", answer(200, "<html>"), { kind: "invalid_response", retryable: false, status: 200 }],
    ["redirect", answer(302, "", { Location: "https://x.example/" }), { kind: "invalid_response", retryable: false }],
  ])("%s", async (_name, fetchImpl, expected) => {
    const error = await failureOf(fetchImpl, 50);
    expect(error).toMatchObject({ ...expected, method: "POST", path: "/Deals" });
    expect(`${error.message} ${String(error)} ${JSON.stringify(error)}`).not.toContain(KEY);
  });

  it("reads a human message, e.g. POST /Deals → 400: StageId is invalid", async () => {
    const error = await failureOf(answer(400, '{"error":{"message":"StageId is invalid"}}'));
    expect(error.message).toBe("POST /Deals → 400: StageId is invalid");
    expect(error.ploomesMessage).toBe("StageId is invalid");
  });

  it("says what happened when nothing answered", async () => {
    expect((await failureOf(refused)).message).toBe("POST /Deals → network: fetch failed: connect ECONNREFUSED");
    expect((await failureOf(neverAnswers, 30)).message).toBe("POST /Deals → timeout: no answer within 30 ms");
  });

  it("never repeats the key, even when the server echoes it", async () => {
    const error = await failureOf(answer(401, `{"Message":"Key ${KEY} is not valid"}`));
    expect(error.ploomesMessage).toBe("Key [redacted] is not valid");
  });
});

describe("extractPloomesMessage", () => {
  it.each([
    ['{"error":{"code":"","message":"first"},"Message":"second"}', "first"],
    ['{"Message":"second"}', "second"],
    ['{"other":1}', '{"other":1}'],
    ["plain text", "plain text"],
    ["   ", undefined],
  ])("%s → %s", (body, expected) => {
    expect(extractPloomesMessage(body)).toBe(expected);
  });

  it("truncates a long body to 500 characters", () => {
    expect(extractPloomesMessage("x".repeat(2_000))).toHaveLength(500);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    ["3", 3_000],
    ["0", 0],
    ["1.5", 1_500],
    ["Thu, 01 Jan 2026 00:00:20 GMT", 20_000],
    ["Wed, 31 Dec 2025 23:59:00 GMT", 0],
    ["soon", undefined],
    [null, undefined],
  ])("%s → %s", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
