import type { JivoEvent } from "./normalize-event";

export type TranscriptOptions = {
  /** IANA zone the CRM users live in; message times are shown in it. */
  timeZone?: string;
  /** "pt-BR" (default, the CRM is Brazilian) or "en"; any "en-*" tag gives English words. */
  locale?: string;
  /** Channel name as configured by the admin; the payload itself does not carry it. */
  channelName?: string | null;
};

const WORDS = {
  pt: {
    chatTitle: "Conversa no JivoChat",
    offlineTitle: "Mensagem offline no JivoChat",
    channel: "Canal",
    page: "Página",
    invitation: "Convite",
    visitor: "Visitante",
    agent: "Atendente",
    system: "Sistema",
    rating: "Avaliação",
    positive: "positiva",
    negative: "negativa",
    offlineMessage: "Mensagem offline",
  },
  en: {
    chatTitle: "JivoChat conversation",
    offlineTitle: "JivoChat offline message",
    channel: "Channel",
    page: "Page",
    invitation: "Invitation",
    visitor: "Visitor",
    agent: "Agent",
    system: "System",
    rating: "Rating",
    positive: "positive",
    negative: "negative",
    offlineMessage: "Offline message",
  },
};

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  bull: "•",
  middot: "·",
  deg: "°",
  ordm: "º",
  ordf: "ª",
  euro: "€",
  copy: "©",
  reg: "®",
  trade: "™",
  aacute: "á",
  eacute: "é",
  iacute: "í",
  oacute: "ó",
  uacute: "ú",
  Aacute: "Á",
  Eacute: "É",
  Iacute: "Í",
  Oacute: "Ó",
  Uacute: "Ú",
  acirc: "â",
  ecirc: "ê",
  ocirc: "ô",
  Acirc: "Â",
  Ecirc: "Ê",
  Ocirc: "Ô",
  atilde: "ã",
  otilde: "õ",
  Atilde: "Ã",
  Otilde: "Õ",
  agrave: "à",
  Agrave: "À",
  ccedil: "ç",
  Ccedil: "Ç",
  uuml: "ü",
  Uuml: "Ü",
};

function decodeEntities(input: string): string {
  // One pass, so "&amp;lt;" becomes the literal text "&lt;" as the sender meant.
  return input.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const HIDDEN_ELEMENTS = ["script", "style"] as const;

/** Index just past the first `</name\s*>` at or after `from` (any case), or -1. */
function findClosingTag(text: string, name: string, from: number): number {
  for (let at = text.indexOf("</", from); at !== -1; at = text.indexOf("</", at + 2)) {
    let end = at + 2 + name.length;
    if (text.slice(at + 2, end).toLowerCase() !== name) continue;
    while (end < text.length && /\s/.test(text[end]!)) end++;
    if (text[end] === ">") return end + 1;
  }
  return -1;
}

/**
 * Drops `<script …>…</script>` and `<style …>…</style>` blocks, as `/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi`
 * would, in one pass. The regex rescans the rest of the text from every opening tag that has no closing one
 * (quadratic: 800 KB of "<script>" blocked the event loop for 15 s); here a failed search rules its element out.
 */
function dropHiddenElements(text: string): string {
  const ruledOut = new Set<string>();
  const kept: string[] = [];
  let copied = 0;
  for (let at = text.indexOf("<"); at !== -1 && ruledOut.size < HIDDEN_ELEMENTS.length;) {
    const name = HIDDEN_ELEMENTS.find(
      (candidate) =>
        !ruledOut.has(candidate) &&
        text.slice(at + 1, at + 1 + candidate.length).toLowerCase() === candidate &&
        !/\w/.test(text[at + 1 + candidate.length] ?? " "),
    );
    if (!name) {
      at = text.indexOf("<", at + 1);
      continue;
    }
    const openEnd = text.indexOf(">", at + 1 + name.length);
    if (openEnd === -1) break;
    const closeEnd = findClosingTag(text, name, openEnd + 1);
    if (closeEnd === -1) {
      ruledOut.add(name);
      at = text.indexOf("<", at + 1);
      continue;
    }
    kept.push(text.slice(copied, at));
    copied = closeEnd;
    at = text.indexOf("<", closeEnd);
  }
  return kept.join("") + text.slice(copied);
}

/** Drops `<!-- … -->` comments in one pass (same result as `/<!--[\s\S]*?-->/g`, without its rescans). */
function dropComments(text: string): string {
  const kept: string[] = [];
  let copied = 0;
  for (let at = text.indexOf("<!--"); at !== -1; at = text.indexOf("<!--", copied)) {
    const end = text.indexOf("-->", at + 4);
    if (end === -1) break;
    kept.push(text.slice(copied, at));
    copied = end + 3;
  }
  return kept.join("") + text.slice(copied);
}

/** Chat messages may carry HTML (agents paste formatted text); the CRM note must be plain text. */
export function htmlToText(input: string): string {
  const withBreaks = dropComments(dropHiddenElements(input))
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6])\s*>/gi, "\n")
    // Only real tags: "a < b" or "<3" in a visitor's text must survive.
    .replace(/<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>/gi, "");
  return decodeEntities(withBreaks)
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

// A visitor can paste megabytes into one message; a CRM note needs none of it past this.
const MESSAGE_LIMIT = 20_000;
// Ploomes takes at most 10 MB per request; even with every character JSON-escaped as \uXXXX (6 bytes) a
// transcript this long stays under it, with room for the marker and the other fields.
const TRANSCRIPT_LIMIT = 1_000_000;

/** The first `limit` UTF-16 units, never ending on half an emoji (the database refuses a lone surrogate). */
function head(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return text.slice(0, /[\ud800-\udbff]/.test(text[limit - 1]!) ? limit - 1 : limit);
}

/** Cut before cleaning, so the cleaning's cost is bounded too; "…" says something was left out. */
function messageText(raw: string): string {
  const text = htmlToText(head(raw, MESSAGE_LIMIT));
  return raw.length > MESSAGE_LIMIT ? `${text}…` : text;
}

function makeFormatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  // A bad zone or locale from settings must degrade the format, not lose the transcript.
  for (const [loc, zone] of [
    [locale, timeZone],
    [locale, "UTC"],
    ["pt-BR", "UTC"],
  ] as const) {
    try {
      return new Intl.DateTimeFormat(loc, { ...options, timeZone: zone });
    } catch {
      continue;
    }
  }
  return new Intl.DateTimeFormat(undefined, options);
}

export function buildTranscript(event: JivoEvent, options: TranscriptOptions = {}): string {
  const { timeZone = "America/Sao_Paulo", locale = "pt-BR", channelName = null } = options;
  const words = locale.toLowerCase().startsWith("en") ? WORDS.en : WORDS.pt;
  const dayFormat = makeFormatter(locale, timeZone, { day: "2-digit", month: "2-digit", year: "numeric" });
  const timeFormat = makeFormatter(locale, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const isValid = (date: Date | null | undefined): date is Date =>
    date instanceof Date && !Number.isNaN(date.getTime());

  const startedAt =
    event.messages.map((message) => message.at).find(isValid) ?? (isValid(event.eventAt) ? event.eventAt : null);
  const headerDay = startedAt ? dayFormat.format(startedAt) : null;
  const isOffline = event.eventName === "offline_message";

  let header = isOffline ? words.offlineTitle : words.chatTitle;
  if (headerDay) header += ` — ${headerDay}`;
  const channel = channelName?.trim();
  if (channel) header += ` · ${words.channel}: ${channel}`;
  const { title, url } = event.page;
  if (title || url) header += ` · ${words.page}: ${title && url ? `${title} (${url})` : (title ?? url)}`;

  const lines = [header];
  const invitation = event.invitation ? messageText(event.invitation) : "";
  if (invitation) lines.push(`${words.invitation}: ${invitation}`);

  for (const message of event.messages) {
    const body = messageText(message.text ?? "");
    if (!body) continue;
    const day = isValid(message.at) ? dayFormat.format(message.at) : null;
    const time = isValid(message.at) ? timeFormat.format(message.at) : "--:--";
    // A chat crossing midnight would otherwise show times that seem to go backwards.
    const stamp = day && day !== headerDay ? `${day} ${time}` : time;
    const name =
      message.type === "visitor"
        ? (event.visitor.name ?? words.visitor)
        : message.type === "agent"
          ? (message.agentName ?? words.agent)
          : words.system;
    lines.push(`[${stamp}] ${name}: ${body.replace(/\n/g, "\n  ")}`);
  }

  if (event.rate) lines.push(`${words.rating}: ${words[event.rate]}`);
  const offline = isOffline && event.offlineMessage ? messageText(event.offlineMessage) : "";
  if (offline) lines.push(`${words.offlineMessage}: ${offline.replace(/\n/g, "\n  ")}`);
  const transcript = lines.join("\n");
  return transcript.length > TRANSCRIPT_LIMIT ? `${head(transcript, TRANSCRIPT_LIMIT)}…` : transcript;
}
