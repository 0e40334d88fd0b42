import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildTranscript, htmlToText } from "./build-transcript";
import { parseJivoEvent, type JivoEvent } from "./normalize-event";

const MB2 = 2 * 1024 * 1024;
const fill = (unit: string, length = MB2) => unit.repeat(Math.ceil(length / unit.length));

function chat(...texts: string[]): JivoEvent {
  const messages = texts.map((message, n) => ({ message, timestamp: 1764000000 + n, type: "visitor" }));
  const result = parseJivoEvent(
    { event_name: "chat_finished", chat: { messages } },
    { receivedAt: new Date("2025-11-26T00:00:00Z") },
  );
  if (!result.ok) throw new Error(result.error);
  return result.event;
}

/** Characters String#indexOf walks over (from its start to the hit, or to the end when it misses). */
function countScanning(): () => number {
  const indexOf = String.prototype.indexOf;
  let scanned = 0;
  vi.spyOn(String.prototype, "indexOf").mockImplementation(function (this: string, search: string, from?: number) {
    const start = Math.max(0, from ?? 0);
    const found = indexOf.call(this, search, start);
    scanned += (found === -1 ? this.length : found + search.length) - start;
    return found;
  });
  return () => scanned;
}

afterEach(() => {
  vi.restoreAllMocks();
});

// The code it replaced, kept as the oracle: for input without "&" (no entities to decode) it is the old htmlToText.
function regexHtmlToText(input: string): string {
  return input
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6])\s*>/gi, "\n")
    .replace(/<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/gi, "")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

describe("htmlToText on hostile markup", () => {
  it("gives what the regexes gave, on any mix of the markup they handled", () => {
    const fragments = [
      "<script>",
      "<SCRIPT a=1>",
      "<script",
      "<scripts>",
      "</script>",
      "</Script >",
      "</script\n>",
      "</scriptx>",
      "<style>",
      "<style media=x>",
      "</style>",
      "</STYLE  >",
      "<!--",
      "-->",
      "<!-->",
      "--",
      "</",
      "<",
      ">",
      "<p>",
      "</p>",
      "<br/>",
      "<b>",
      "a",
      "ok",
      " ",
      "\n",
      "\t",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
        const input = parts.join("");
        expect(htmlToText(input)).toBe(regexHtmlToText(input));
      }),
      { numRuns: 5000 },
    );
  });

  // 2 MB of each: the regexes took minutes on these (800 KB of "<script>" alone took 15 s), so besides the bound
  // on the characters scanned, the test's own timeout would fail them. Short versions check the result.
  it.each([
    ["unclosed <script>", (length: number) => fill("<script>", length)],
    ["<style without >", (length: number) => fill("<style x", length)],
    ["unclosed comments", (length: number) => fill("<!--", length)],
    ["closings of the other element", (length: number) => fill("<script></style><style></script ", length)],
    ["near-miss closings", (length: number) => `<script>${fill("</scrip</scriptx></ script>", length)}`],
    ["many short blocks", (length: number) => fill("<script>x</script><!--y-->z<STYLE>", length)],
  ])("%s: same result, each character scanned a bounded number of times", (_name, hostile) => {
    const short = hostile(4096);
    expect(htmlToText(short)).toBe(regexHtmlToText(short));
    const input = hostile(MB2);
    const scanned = countScanning();
    htmlToText(input);
    expect(scanned()).toBeLessThanOrEqual(4 * input.length);
  });
});

describe("buildTranscript limits", () => {
  it("cuts a message at 20,000 characters before cleaning it, and says so", () => {
    const scanned = countScanning();
    const lines = buildTranscript(chat(fill("<script>"), fill("abc ")))
      .split("\n")
      .slice(1);
    // Only the cut reached the cleaning: nothing near 2 MB was scanned.
    expect(scanned()).toBeLessThan(MB2);
    expect(lines).toHaveLength(2);
    // Unclosed, the "<script>" tags are dropped as tags: what is left is the mark of the cut.
    expect(lines[0]).toMatch(/^\[\d\d:\d\d\] Visitante: …$/);
    expect(lines[1]).toMatch(/^\[\d\d:\d\d\] Visitante: (abc )+abc…$/);
    expect(lines[1]!.length).toBeLessThan(20_000 + 30);
  });

  it("never cuts an emoji in half", () => {
    const message = `${"a".repeat(19_999)}😀${"b".repeat(100)}`;
    const line = buildTranscript(chat(message)).split("\n")[1]!;
    expect(line.isWellFormed()).toBe(true);
    expect(line.endsWith(`${"a".repeat(19_999)}…`)).toBe(true);
  });

  it("keeps the whole transcript under Ploomes' 10 MB request limit", () => {
    const transcript = buildTranscript(chat(...Array.from({ length: 80 }, (_, n) => `${n}😀`.repeat(7_000))));
    expect(transcript.length).toBeLessThanOrEqual(1_000_001);
    expect(transcript.endsWith("…")).toBe(true);
    expect(transcript.isWellFormed()).toBe(true);
    // Every UTF-16 unit escaped as \uXXXX is 6 bytes: the worst case still fits.
    expect(transcript.length * 6).toBeLessThan(10 * 1024 * 1024);
  });
});
