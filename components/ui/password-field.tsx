import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField, TextInput } from "./form-field";

/**
 * A password input with its label, hint and error, registered with react-hook-form. `autoComplete` tells the
 * browser's password manager which one it is: "current-password" to fill in, "new-password" to offer one.
 */
export function PasswordField({
  id,
  label,
  error,
  hint,
  autoComplete,
  registration,
}: {
  id: string;
  label: ReactNode;
  /** The message to show, already in the reader's language; its presence marks the input invalid. */
  error?: string;
  hint?: ReactNode;
  autoComplete: "current-password" | "new-password";
  registration: UseFormRegisterReturn;
}) {
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      <TextInput id={id} type="password" autoComplete={autoComplete} invalid={!!error} {...registration} />
    </FormField>
  );
}
