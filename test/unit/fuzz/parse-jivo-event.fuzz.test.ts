import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dedupeKey, jivoEventSchema, parseJivoEvent } from "@/lib/jivo/normalize-event";
import { eventDisposition } from "@/lib/sync/event-disposition";
import { hostileBody } from "../../reliability/lib/hostile-payloads";
import { caseTally } from "../../helpers/case-tally";
import { FUZZ_TIMEOUT_MS } from "./fuzz-timeout";

// Whatever JivoChat (or anyone holding the URL) sends, the parser decides; it never throws, and what it accepts
// can be stored and read back. The receiver's HTTP answer and rows are checked in
// test/integration/reliability-small.test.ts; these properties run the pure part many more times.

/** Hostile bodies that are JSON at all, parsed. */
const hostileJson = hostileBody.chain((body) => {
  try {
    return fc.constant(JSON.parse(body) as unknown);
  } catch {
    return fc.constant(undefined);
  }
});

describe("parseJivoEvent under hostile input", () => {
  it(
    "answers ok or a reason for any JSON value, never throws",
    () => {
      const tally = caseTally();
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), hostileJson), (body) => {
          const result = parseJivoEvent(body);
          expect(typeof result.ok).toBe("boolean");
          if (result.ok) tally.accepted();
          else {
            tally.refused();
            expect(result.error).toMatch(/\w/);
          }
        }),
        { numRuns: 800 },
      );
      // Measured: about 30% accepted (any JSON value is mostly not an event; the hostile bodies mostly are).
      tally.expectShares({ accepted: 0.1, refused: 0.3 });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "an accepted event survives storage: stored as JSON and revived, it is the same event",
    () => {
      const tally = caseTally();
      fc.assert(
        fc.property(hostileJson, (body) => {
          const result = parseJivoEvent(body, { receivedAt: new Date("2026-11-26T12:00:00Z") });
          if (!result.ok) return tally.refused();
          tally.accepted();
          expect(jivoEventSchema.parse(JSON.parse(JSON.stringify(result.event)))).toEqual(result.event);
          expect(result.event.eventName.trim()).not.toBe("");
        }),
        { numRuns: 500 },
      );
      // Measured: about 55% of the hostile bodies are accepted.
      tally.expectShares({ accepted: 0.25 });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "an accepted event gets a disposition and a dedupe key, whatever its fields hold",
    () => {
      const tally = caseTally();
      fc.assert(
        fc.property(
          hostileJson,
          fc.constantFrom("active", "paused"),
          fc.array(fc.string(), { maxLength: 3 }),
          (body, status, widgetIds) => {
            const result = parseJivoEvent(body);
            if (!result.ok) return tally.refused();
            tally.accepted();
            const disposition = eventDisposition(result.event, { status }, { widgetIds, createOnChatStart: false });
            expect(disposition.queue).toBe(disposition.status === "received");
            expect(dedupeKey(result.event)).toContain(result.event.eventName);
          },
        ),
        { numRuns: 500 },
      );
      tally.expectShares({ accepted: 0.25 });
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "ids as numbers or as strings (JivoChat sends both) give the same dedupe key",
    () => {
      fc.assert(
        fc.property(fc.nat(), fc.nat(), fc.option(fc.nat(), { nil: undefined }), (widget, chat, offline) => {
          const payload = (id: (n: number) => number | string) => ({
            event_name: offline === undefined ? "chat_finished" : "offline_message",
            widget_id: id(widget),
            chat_id: id(chat),
            ...(offline === undefined ? {} : { offline_message_id: id(offline) }),
          });
          const asNumbers = parseJivoEvent(payload((n) => n));
          const asStrings = parseJivoEvent(payload((n) => ` ${n} `));
          if (!asNumbers.ok || !asStrings.ok) throw new Error("a well-formed payload was refused");
          expect(dedupeKey(asStrings.event)).toBe(dedupeKey(asNumbers.event));
        }),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
