import { describe, expect, it } from "vitest";
import { jivoIdSchema, jivoNumberSchema, jivoPayloadSchema, jivoTextSchema } from "./payload-schema";

describe("jivoIdSchema", () => {
  it.each([
    [7636, "7636"],
    ["7636", "7636"],
    [" 2198 ", "2198"],
    [1665399500726, "1665399500726"],
    ["", null],
    [null, null],
    [undefined, null],
    [{}, null],
    [true, null],
  ])("%j → %j", (input, expected) => {
    expect(jivoIdSchema.parse(input)).toBe(expected);
  });
});

describe("jivoTextSchema and jivoNumberSchema", () => {
  it("coerces scalars to text and drops the rest", () => {
    expect(jivoTextSchema.parse(123)).toBe("123");
    expect(jivoTextSchema.parse(false)).toBe("false");
    expect(jivoTextSchema.parse(["a"])).toBeNull();
    expect(jivoTextSchema.parse(undefined)).toBeNull();
  });

  it("accepts numeric strings as numbers", () => {
    expect(jivoNumberSchema.parse(1764000000)).toBe(1764000000);
    expect(jivoNumberSchema.parse(" 1764000000 ")).toBe(1764000000);
    expect(jivoNumberSchema.parse("soon")).toBeNull();
  });
});

describe("jivoPayloadSchema", () => {
  it("keeps unknown keys at every level", () => {
    const parsed = jivoPayloadSchema.parse({
      event_name: "chat_finished",
      event_timestamp: 1764000100,
      brand_new: { x: 1 },
      chat: { invite_timestamp: 1764000000, messages: [] },
      visitor: { number: 1, social: { vk: "id" } },
    });
    expect(parsed.brand_new).toEqual({ x: 1 });
    expect(parsed.chat?.invite_timestamp).toBe(1764000000);
    expect(parsed.visitor?.social).toEqual({ vk: "id" });
    expect(parsed.event_timestamp).toBe(1764000100);
  });

  it("fills missing parts with null and []", () => {
    const parsed = jivoPayloadSchema.parse({ event_name: "chat_updated" });
    expect(parsed).toMatchObject({
      widget_id: null,
      chat_id: null,
      visitor: null,
      session: null,
      agents: [],
      tags: [],
    });
  });

  it("accepts analytics as {} or null", () => {
    expect(jivoPayloadSchema.parse({ event_name: "x", analytics: {} }).analytics).toEqual({});
    expect(jivoPayloadSchema.parse({ event_name: "x", analytics: null }).analytics).toBeNull();
  });

  it("degrades wrong types in optional parts instead of rejecting", () => {
    const parsed = jivoPayloadSchema.parse({
      event_name: "chat_finished",
      tags: "x",
      visitor: { name: 123, email: { nope: true } },
      agents: [null, "Ana", { id: 5, name: "Ana" }],
      session: "broken",
      page: [],
      chat: { messages: "none", rate: 1 },
    });
    expect(parsed.tags).toEqual([]);
    expect(parsed.visitor).toMatchObject({ name: "123", email: null });
    expect(parsed.agents).toMatchObject([{ id: "5", name: "Ana" }]);
    expect(parsed.session).toBeNull();
    expect(parsed.page).toBeNull();
    expect(parsed.chat?.messages).toEqual([]);
  });

  it("accepts tags given as plain titles", () => {
    const parsed = jivoPayloadSchema.parse({ event_name: "x", tags: ["vip", { id: 1, title: "site" }, 5] });
    expect(parsed.tags.map((tag) => tag.title)).toEqual(["vip", "site"]);
  });

  it.each([null, "chat_finished", 42, [], {}, { event_name: 5 }, { event_name: "  " }])("rejects %j", (body) => {
    expect(jivoPayloadSchema.safeParse(body).success).toBe(false);
  });
});
