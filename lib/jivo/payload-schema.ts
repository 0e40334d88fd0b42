import { z } from "zod";

// JivoChat's own examples mix strings and numbers for the same id, send `null` for any object
// and add undocumented keys, so every part except `event_name` degrades to null / [] instead of
// failing: losing one odd field is better than losing the whole chat.

/** An identifier: string or number in, trimmed string out; anything else becomes null. */
export const jivoIdSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim() || null)
  .nullable()
  .catch(null);

/** A text value kept as sent (normalisation trims later); scalars are coerced, the rest dropped. */
export const jivoTextSchema = z.union([z.string(), z.number(), z.boolean()]).transform(String).nullable().catch(null);

/** A number that may arrive as a numeric string (timestamps do in some integrations). */
export const jivoNumberSchema = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .nullable()
  .catch(null);

/** An optional object: `null`, missing or not-an-object all become null. */
function optionalObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.looseObject(shape).nullable().catch(null);
}

/** An array that is [] when missing or malformed; items that do not fit are dropped one by one. */
function lenientArray<Item extends z.ZodType>(item: Item) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.flatMap((raw) => {
        const parsed = item.safeParse(raw);
        return parsed.success ? [parsed.data as z.output<Item>] : [];
      }),
    );
}

export const jivoAgentSchema = z.looseObject({
  id: jivoIdSchema,
  name: jivoTextSchema,
  email: jivoTextSchema,
  phone: jivoTextSchema,
});

export const jivoVisitorSchema = z.looseObject({
  name: jivoTextSchema,
  email: jivoTextSchema,
  phone: jivoTextSchema,
  description: jivoTextSchema,
  number: jivoIdSchema,
  chats_count: jivoNumberSchema,
});

// Some integrations send tags as plain titles; accept both forms.
export const jivoTagSchema = z.union([
  z.string().transform((title) => ({ id: null, title })),
  z.looseObject({ id: jivoIdSchema, title: jivoTextSchema }),
]);

export const jivoMessageSchema = z.looseObject({
  message: jivoTextSchema,
  timestamp: jivoNumberSchema,
  type: jivoTextSchema,
  agent_id: jivoIdSchema,
});

export const jivoPayloadSchema = z.looseObject({
  event_name: z.string().trim().min(1),
  widget_id: jivoIdSchema,
  chat_id: jivoIdSchema,
  client_id: jivoIdSchema,
  offline_message_id: jivoIdSchema,
  user_token: jivoTextSchema,
  event_timestamp: jivoNumberSchema,
  visitor: optionalObject(jivoVisitorSchema.shape),
  organization: optionalObject({ id: jivoIdSchema, name: jivoTextSchema }),
  status: optionalObject({ id: jivoIdSchema, title: jivoTextSchema }),
  assigned_agent: optionalObject(jivoAgentSchema.shape),
  agent: optionalObject(jivoAgentSchema.shape),
  agents: lenientArray(jivoAgentSchema),
  tags: lenientArray(jivoTagSchema),
  topic: optionalObject({ topic_id: jivoIdSchema, title: jivoTextSchema, parent_id: jivoIdSchema }),
  department: optionalObject({ id: jivoIdSchema, name: jivoTextSchema }),
  session: optionalObject({
    geoip: optionalObject({
      region_code: jivoTextSchema,
      country_code: jivoTextSchema,
      country: jivoTextSchema,
      region: jivoTextSchema,
      city: jivoTextSchema,
      latitude: jivoTextSchema,
      longitude: jivoTextSchema,
      organization: jivoTextSchema,
    }),
    utm: jivoTextSchema,
    utm_json: optionalObject({
      source: jivoTextSchema,
      medium: jivoTextSchema,
      campaign: jivoTextSchema,
      content: jivoTextSchema,
      term: jivoTextSchema,
    }),
    ip_addr: jivoTextSchema,
    user_agent: jivoTextSchema,
  }),
  page: optionalObject({ url: jivoTextSchema, title: jivoTextSchema }),
  analytics: optionalObject({}),
  chat: optionalObject({
    messages: lenientArray(jivoMessageSchema),
    blacklisted: z.boolean().nullable().catch(null),
    rate: jivoTextSchema,
    invitation: jivoTextSchema,
  }),
  plain_messages: jivoTextSchema,
  html_messages: jivoTextSchema,
  message: jivoTextSchema,
  call: optionalObject({
    type: jivoTextSchema,
    phone: jivoTextSchema,
    status: jivoTextSchema,
    reason: jivoTextSchema,
    record_url: jivoTextSchema,
  }),
});

export type JivoPayload = z.infer<typeof jivoPayloadSchema>;
export type JivoAgentPayload = z.infer<typeof jivoAgentSchema>;
export type JivoMessagePayload = z.infer<typeof jivoMessageSchema>;
