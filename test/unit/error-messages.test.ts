import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";

// lib/ raises codes, the screens translate them: every reason key (`fields: { _: "key" }`, `invalid("key", …)`,
// `fail(…, "key", …)`) must have a sentence in both languages, and no placeholder it uses may go unfilled.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const REASON = /\b_: "(\w+)"|\binvalid\("(\w+)"|\bfail\(\s*"\w+",\s*"(\w+)"/g;
const raisedKeys = [
  ...new Set(
    ["lib", "app"]
      .flatMap((dir) => sourceFiles(dir))
      .flatMap((file) => [...readFileSync(file, "utf8").matchAll(REASON)].map((m) => m[1] ?? m[2] ?? m[3]!)),
  ),
].sort();

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("error reasons raised in lib/ and app/", () => {
  it("finds the reasons (the scan itself works)", () => {
    expect(raisedKeys).toEqual(
      expect.arrayContaining(["keyRefused401", "statusConflict", "dryRunInvalidJson", "lastAdmin"]),
    );
  });

  it.each(raisedKeys)("%s has a pt-BR and an English sentence with the same placeholders", (key) => {
    const pt = (ptBR.validation as Record<string, string>)[key];
    const english = (en.validation as Record<string, string>)[key];
    expect(pt, `messages/pt-BR.json validation.${key}`).toEqual(expect.any(String));
    expect(english, `messages/en.json validation.${key}`).toEqual(expect.any(String));
    expect(placeholders(english!)).toEqual(placeholders(pt!));
  });
});
