// Sample JivoChat payloads bundled with the product: the wizard's dry run offers them, and "Enviar evento de teste"
// posts the chat one through the integration's real URL. Shaped exactly like JivoChat's own deliveries.

export const SAMPLE_PAYLOADS = {
  chat_finished: {
    event_name: "chat_finished",
    widget_id: "aB3kZ9xQ1m",
    user_token: "crm-7d1f0c2a",
    visitor: {
      name: "Mariana Conceição",
      email: "Mariana.Conceicao@Acme.com.br",
      phone: "(11) 98765-4321",
      description: "Gerente de compras na Acme Indústria",
      number: 40512,
      chats_count: 3,
    },
    organization: {
      id: "77",
      name: "Acme Indústria Ltda",
    },
    status: {
      id: "4",
      title: "contact_later",
    },
    assigned_agent: {
      id: 12,
      email: "joao@vendas.example",
      name: "João Vendedor",
    },
    tags: [
      {
        id: "17",
        title: "orçamento",
      },
      {
        id: "18",
        title: "site",
      },
    ],
    chat_id: 918273645,
    topic: null,
    department: {
      id: 281,
      name: "Vendas",
    },
    session: {
      geoip: {
        region_code: "SP",
        country: "Brasil",
        country_code: "BR",
        region: "São Paulo",
        city: "Campinas",
        latitude: "-22.9056",
        longitude: "-47.0608",
        organization: "Vivo",
      },
      utm: "source=facebook|medium=social|campaign=black_friday",
      utm_json: {
        source: "facebook",
        medium: "social",
        campaign: "black_friday",
      },
      ip_addr: "200.147.35.149",
      user_agent:
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
    },
    page: {
      url: "https://acme.example/precos?plano=pro",
      title: "Preços — Plano Pro",
    },
    analytics: {},
    agents: [
      {
        id: "12",
        name: "João Vendedor",
        email: "joao@vendas.example",
        phone: "",
      },
    ],
    chat: {
      messages: [
        {
          message: "Olá! Quero um orçamento para 40 licenças.",
          timestamp: 1764000000,
          type: "visitor",
        },
        {
          message: "Claro, Mariana. Para qual empresa?",
          timestamp: 1764000012,
          type: "agent",
          agent_id: 12,
        },
        {
          message: "Acme Indústria. Meu WhatsApp é (11) 98765-4321 <b>urgente</b>",
          timestamp: 1764000030,
          type: "visitor",
        },
      ],
      blacklisted: false,
      rate: "positive",
      invitation: "Posso ajudar com os planos?",
    },
    plain_messages: "",
    html_messages: "",
  },
  offline_message: {
    event_name: "offline_message",
    widget_id: "3948",
    user_token: null,
    visitor: {
      name: "Ana Souza",
      email: "ana.souza@example.com.br",
      phone: "+55 21 3555-0101",
      description: "",
      number: "5120",
      chats_count: 0,
    },
    organization: null,
    status: null,
    assigned_agent: null,
    tags: [],
    chat_id: 7701,
    topic: null,
    session: {
      geoip: {
        region_code: "RJ",
        country: "Brasil",
        country_code: "BR",
        region: "Rio de Janeiro",
        city: "Rio de Janeiro",
        latitude: "-22.9",
        longitude: "-43.2",
        organization: "Claro",
      },
      utm: "",
      utm_json: {},
      ip_addr: "177.10.20.30",
      user_agent: "Mozilla/5.0",
    },
    page: {
      url: "https://acme.example/contato",
      title: "Contato",
    },
    analytics: null,
    message: "Boa noite, gostaria de falar com um consultor amanhã cedo.",
    offline_message_id: 1665399500726,
  },
  call_event: {
    event_name: "call_event",
    widget_id: "3948",
    chat_id: 7702,
    visitor: { name: null, email: null, phone: "+5511912345678", description: null, number: "6001", chats_count: 0 },
    agent: { id: "2016", name: "Carlos Atendente", email: "carlos@acme.example", phone: "+551130000000" },
    department: null,
    session: null,
    page: null,
    analytics: null,
    call: {
      type: "incoming",
      phone: "+5511912345678",
      status: "end",
      record_url: "https://acme.example/gravacoes/7702.mp3",
    },
  },
} as const;

export type SampleName = keyof typeof SAMPLE_PAYLOADS;

/** A sample with fresh ids, so each use is a new event rather than a duplicate of the last one. */
export function freshSample(name: SampleName, now = Date.now()): Record<string, unknown> {
  const sample = structuredClone(SAMPLE_PAYLOADS[name]) as Record<string, unknown>;
  if (name === "offline_message") sample.offline_message_id = now;
  else sample.chat_id = now;
  return sample;
}
