import { z } from "zod";

// Shared by the forms (zodResolver) and the server actions. Messages are i18n keys under "validation".
export const passwordSchema = z.string().min(8, "passwordTooShort").max(200, "tooLong");

export const signInSchema = z.object({
  email: z.email("invalidEmail").trim().toLowerCase(),
  password: z.string().min(1, "required"),
});

export const setupSchema = z.object({
  accountName: z.string().trim().min(2, "required").max(120, "tooLong"),
  name: z.string().trim().min(2, "required").max(120, "tooLong"),
  email: z.email("invalidEmail").trim().toLowerCase(),
  password: passwordSchema,
});

export const newUserSchema = z.object({
  name: z.string().trim().min(2, "required").max(120, "tooLong"),
  email: z.email("invalidEmail").trim().toLowerCase(),
  role: z.enum(["admin", "member"]),
  password: passwordSchema,
});

export const roleChangeSchema = z.object({ userId: z.string().min(1), role: z.enum(["admin", "member"]) });

export type SetupInput = z.infer<typeof setupSchema>;
export type NewUserInput = z.infer<typeof newUserSchema>;
