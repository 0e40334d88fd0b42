import type { JivoEvent } from "@/lib/jivo/normalize-event";
import { readStandardField, STANDARD_FIELD_KEYS, type StandardFieldKey } from "@/lib/jivo/standard-fields";

// Portuguese placeholders an admin may type, besides the field keys themselves ({visitor.name}).
const ALIASES: Record<string, StandardFieldKey> = {
  "nome do visitante": "visitor.name",
  nome: "visitor.name",
  "e-mail": "visitor.email",
  email: "visitor.email",
  telefone: "visitor.phone",
  empresa: "organization.name",
  canal: "widget_id",
  página: "page.url",
  atendente: "agent.name",
  "visitor name": "visitor.name",
  company: "organization.name",
};

export function renderTitle(template: string, event: JivoEvent): string {
  const rendered = template.replace(/\{([^{}]+)\}/g, (whole, raw: string) => {
    const name = raw.trim().toLowerCase();
    const key = ALIASES[name] ?? (STANDARD_FIELD_KEYS as readonly string[]).find((candidate) => candidate === raw.trim());
    if (!key) return whole;
    const value = readStandardField(key as StandardFieldKey, event);
    return value === null ? "" : String(value);
  });
  const clean = rendered.replace(/\s+/g, " ").replace(/[\s–—-]+$/, "").trim();
  return clean || `JivoChat #${event.chatId ?? event.offlineMessageId ?? "?"}`;
}
