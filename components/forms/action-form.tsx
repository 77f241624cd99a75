"use client";

import { useActionState, useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/button";
import type { ButtonVariant } from "@/components/button-styles";
import styles from "./forms.module.css";

/** Mirrors lib/errors ActionResult (components import nothing from lib/). */
export type FormResult =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

export type FormAction = (previous: FormResult | null, formData: FormData) => Promise<FormResult>;

interface Submitted {
  result: FormResult;
  kept: Record<string, string>;
  count: number;
}

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "hidden" | "select";
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  options?: { value: string; label: string }[];
  minLength?: number;
  maxLength?: number;
}

/**
 * One accessible form over a server action: a label for every field, the server's message for a
 * field right below it (linked by aria-describedby, field marked aria-invalid), a form-level
 * alert, and focus moved to the first invalid field, to the alert, or to the success message.
 */
export function ActionForm({
  action,
  fields,
  submitLabel,
  pendingLabel = "Working…",
  success,
  testId,
  variant = "primary",
  children,
}: {
  action: FormAction;
  fields: FieldSpec[];
  submitLabel: string;
  pendingLabel?: string;
  /** Shown instead of the form after success; gets focus. Omit to keep the form (e.g. redirects). */
  success?: ReactNode;
  testId: string;
  variant?: ButtonVariant;
  children?: ReactNode;
}) {
  // React resets a form after its action runs: keep what was typed (never passwords) to show it again.
  const [state, formAction, pending] = useActionState(
    async (previous: Submitted | null, formData: FormData): Promise<Submitted> => {
      const outcome = await action(previous?.result ?? null, formData);
      const kept: Record<string, string> = {};
      for (const field of fields) {
        const value = formData.get(field.name);
        if (field.type !== "password" && typeof value === "string") kept[field.name] = value;
      }
      return { result: outcome, kept, count: (previous?.count ?? 0) + 1 };
    },
    null,
  );
  const result = state?.result ?? null;
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!result) return;
    if (result.ok) {
      successRef.current?.focus();
      return;
    }
    const firstInvalid = fields.find((f) => f.type !== "hidden" && result.error.fields?.[f.name]);
    const input = firstInvalid ? formRef.current?.querySelector<HTMLElement>(`[name="${firstInvalid.name}"]`) : null;
    if (input) input.focus();
    else alertRef.current?.focus();
  }, [result, fields]);

  if (result?.ok && success) {
    return (
      <div ref={successRef} tabIndex={-1} role="status" className={styles.success} data-testid={`${testId}-success`}>
        {success}
      </div>
    );
  }

  const fieldErrors = result && !result.ok ? (result.error.fields ?? {}) : {};
  const formError = result && !result.ok && Object.keys(fieldErrors).length === 0 ? result.error : null;

  return (
    <form ref={formRef} action={formAction} className={styles.form} noValidate data-testid={testId} aria-busy={pending}>
      {result && !result.ok ? (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className={styles.alert}
          data-testid={`${testId}-error`}
          data-code={result.error.code}
        >
          <p>{formError ? formError.message : result.error.message}</p>
        </div>
      ) : null}
      {fields.map((field) => {
        if (field.type === "hidden") {
          return <input key={`${field.name}-${state?.count ?? 0}`} type="hidden" name={field.name} defaultValue={field.defaultValue} />;
        }
        const inputId = `${id}-${field.name}`;
        const error = fieldErrors[field.name];
        const describedBy = [field.hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ");
        const common = {
          id: inputId,
          name: field.name,
          defaultValue: state?.kept[field.name] ?? field.defaultValue,
          required: field.required ?? true,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy || undefined,
          "data-testid": `${testId}-${field.name}`,
        };
        return (
          <div key={`${field.name}-${state?.count ?? 0}`} className={styles.field}>
            <label htmlFor={inputId} className={styles.label}>
              {field.label}
            </label>
            {field.hint ? (
              <p id={`${inputId}-hint`} className={styles.hint}>
                {field.hint}
              </p>
            ) : null}
            {field.type === "select" ? (
              <select {...common} className={styles.select}>
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.type ?? "text"}
                autoComplete={field.autoComplete}
                minLength={field.minLength}
                maxLength={field.maxLength}
                className={styles.input}
              />
            )}
            {error ? (
              <p id={`${inputId}-error`} className={styles.fieldError} data-testid={`${testId}-${field.name}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {children}
      <div className={styles.actions}>
        <Button type="submit" variant={variant} disabled={pending} data-testid={`${testId}-submit`}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
