import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Where secrets generated on first start live (git-ignored, next to the embedded database). */
export const SECRETS_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "secrets.json");

type GeneratedSecrets = { NEXTAUTH_SECRET: string; ENCRYPTION_KEY: string };

/**
 * Returns the app's generated secrets, creating them once on first start so a newcomer sets nothing.
 * The file is written exclusively (`wx`): concurrent first starts agree on one set.
 */
export function loadGeneratedSecrets(): GeneratedSecrets {
  try {
    return JSON.parse(fs.readFileSync(SECRETS_FILE, "utf8")) as GeneratedSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secrets: GeneratedSecrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  fs.mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
  try {
    fs.writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2), { flag: "wx", mode: 0o600 });
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(fs.readFileSync(SECRETS_FILE, "utf8")) as GeneratedSecrets;
  }
}
