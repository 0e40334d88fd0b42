import { z } from "zod";

// Shared by the forms (zodResolver) and the server actions. Messages are i18n keys under "validation".
/** The longest password accepted (lib/auth/password.ts: the work per attempt stays bounded). */
export const MAX_PASSWORD_LENGTH = 128;

// Common passwords are refused on the server too (lib/auth/password.ts): the list stays out of the browser.
export const passwordSchema = z
  .string()
  .min(8, "passwordTooShort")
  .max(MAX_PASSWORD_LENGTH, "passwordTooLong")
  .refine((value) => value.trim().length > 0, "passwordBlank");

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

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "required").max(MAX_PASSWORD_LENGTH, "passwordTooLong"),
  newPassword: passwordSchema,
});

export type SetupInput = z.infer<typeof setupSchema>;
export type NewUserInput = z.infer<typeof newUserSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
