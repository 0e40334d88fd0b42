import fc from "fast-check";
import { fixture } from "../../helpers/sandbox-integration";

// What a hostile or broken sender can put in a JivoChat webhook: markup and scripts, control characters, any
// code point, wrong types, deep nesting, huge strings and numbers, truncated or non-JSON bodies.

const MARKUP = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "\"'><svg onload=alert(1)>",
  "</td></tr></table><b>negrito</b>",
  "javascript:alert(document.cookie)",
  "{{7*7}}${7*7}<%= 7*7 %>",
  '\'; DROP TABLE "WebhookEvent"; --',
];
const CONTROL = [
  "\u0000",
  "\u0007",
  "\b",
  "\u001b[31m",
  "\r\n",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\u202e",
  "\ud800",
  "\udfff",
  "\uffff",
];

/** Text a visitor or an agent could type, and worse. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP, ...CONTROL) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...MARKUP, ...CONTROL),
        fc.string({ unit: "grapheme", maxLength: 20 }),
        fc.constantFrom(...CONTROL),
      )
      .map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 120_000 }).map((size) => "ç😀".repeat(size)) },
);

/** JSON text spliced in verbatim where JSON.stringify cannot go: nesting deeper than any stack, out-of-range numbers. */
const rawFragment: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 100, max: 60_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.integer({ min: 100, max: 30_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  fc.constantFrom(
    "1e400",
    "-1e400",
    "1e-400",
    "-0",
    "123456789012345678901234567890",
    '"\\ud800"',
    '"\\u0000"',
    '"\\uDFFF\\uD800"',
  ),
);

const RAW = "__RAW_FRAGMENT__";

/** A value of any type for a slot that expects a particular one. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 5 }) },
  { weight: 2, arbitrary: fc.constant(RAW) },
);

const TEMPLATES = [
  "chat_finished_br",
  "chat_finished",
  "offline_message",
  "chat_accepted",
  "client_updated",
  "call_event",
].map((name) => JSON.parse(fixture(name)) as Record<string, unknown>);

/** Where the receiver, the normaliser and the log read from a payload. */
const PATHS = [
  "event_name",
  "chat_id",
  "widget_id",
  "client_id",
  "offline_message_id",
  "event_timestamp",
  "message",
  "visitor",
  "visitor.name",
  "visitor.email",
  "visitor.phone",
  "visitor.number",
  "visitor.description",
  "organization",
  "organization.name",
  "agent",
  "agent.email",
  "agents",
  "agents.0.name",
  "assigned_agent",
  "tags",
  "tags.0",
  "chat",
  "chat.messages",
  "chat.messages.0",
  "chat.messages.0.message",
  "chat.messages.0.timestamp",
  "chat.messages.1.type",
  "chat.rate",
  "session",
  "session.utm",
  "session.utm_json",
  "session.geoip.country_code",
  "page.url",
  "department",
  "topic",
  "call",
].map((path) => path.split("."));

function setPath(target: unknown, path: string[], value: unknown): void {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

/** A real payload with one to four fields replaced by hostile values. */
const mutatedPayload: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...TEMPLATES),
    fc.array(fc.tuple(fc.constantFrom(...PATHS), hostileValue), { minLength: 1, maxLength: 4 }),
    rawFragment,
    fc.integer({ min: 1, max: 2_000_000 }),
  )
  .map(([template, changes, fragment, chatId]) => {
    const payload = structuredClone({ ...template, chat_id: chatId });
    for (const [path, value] of changes) setPath(payload, path, value);
    return JSON.stringify(payload).replaceAll(JSON.stringify(RAW), fragment);
  });

/** Any webhook body: mostly almost-valid payloads, then broken JSON, any JSON, no JSON, and the oversized. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: mutatedPayload },
  {
    weight: 3,
    arbitrary: fc
      .tuple(mutatedPayload, fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([body, cut]) => body.slice(0, Math.floor(body.length * cut))),
  },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "null", "[]", "{}", '{"event_name":""}', '{"event_name":"chat_finished"}', "\u0000"),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1_048_000, max: 1_100_000 })
      .map((size) => JSON.stringify({ ...TEMPLATES[0], visitor: { name: "x".repeat(size) } })),
  },
);

/**
 * Bodies that once failed, replayed on every run before the random ones: a long name whose emoji straddles the
 * receiver's 300-character column cut, a lone surrogate, a NUL character.
 */
export const HOSTILE_BODY_EXAMPLES: [string][] = [
  [
    JSON.stringify({
      ...TEMPLATES[0],
      chat_id: 91,
      visitor: { name: `a${"😀".repeat(200)}`, email: "emoji@example.com" },
    }),
  ],
  [JSON.stringify({ ...TEMPLATES[0], chat_id: 92, visitor: { name: "Ana \udfff Souza" } })],
  [JSON.stringify({ ...TEMPLATES[0], chat_id: 93, visitor: { name: "Ana\u0000Souza" } })],
];

/** What can arrive where the webhook URL's token goes. */
export const hostileToken: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{32}$/),
  fc.constantFrom(
    "..",
    "../../etc/passwd",
    "%00",
    "%ZZ",
    "%E0%A4%A",
    "%2F..%2F",
    "token%20with%20space",
    "a".repeat(10_000),
  ),
  fc.tuple(hostileText, fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/)).map(([text, token]) => `${token}${text}`),
);

/** The token as it appears in a URL: encoded where it can be, verbatim where encoding itself refuses (lone surrogates). */
export function tokenSegment(token: string): string {
  if (/%/.test(token) && !/[^\x21-\x7e]/.test(token)) return token;
  try {
    return encodeURIComponent(token);
  } catch {
    return token;
  }
}
