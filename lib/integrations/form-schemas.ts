import { z } from "zod";

// Schemas shared by the integration forms (zodResolver, in the browser) and their server actions: no server code
// here.

// Shared by the connection form (zodResolver) and its server action. Messages are keys under "validation".
export const DEFAULT_PLOOMES_URL = "https://public-api2.ploomes.com";

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const connectPloomesSchema = z.object({
  // The key travels in an HTTP header: printable ASCII only, no spaces.
  apiKey: z
    .string()
    .trim()
    .min(1, "apiKeyRequired")
    .max(500, "tooLong")
    .regex(/^[\x21-\x7e]+$/, "apiKeyInvalid"),
  baseUrl: z
    .string()
    .trim()
    .max(300, "tooLong")
    .refine((value) => value === "" || isHttpUrl(value), "baseUrlInvalid")
    .transform((value) => value || DEFAULT_PLOOMES_URL),
});

export type ConnectPloomesInput = z.input<typeof connectPloomesSchema>;

// Shared by the rename form and its server action. Messages are keys under "validation".
export const integrationNameSchema = z.object({ name: z.string().trim().min(2, "required").max(80, "tooLong") });
export type IntegrationNameInput = z.input<typeof integrationNameSchema>;
