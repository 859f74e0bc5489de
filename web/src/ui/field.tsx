import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

/**
 * A labelled form control: the label names it, the hint and the error describe it
 * (aria-describedby), aria-invalid marks it while an error is shown next to it.
 */
export function Field({
  label,
  hint,
  errors,
  required,
  children,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errors?.length ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? <p id={hintId} className="hint">{hint}</p> : null}
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy,
        'aria-invalid': errors?.length ? true : undefined,
        'aria-required': required || undefined,
      })}
      {errors?.length ? (
        <p id={errorId} className="error" data-field-error="">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The form's summary line (role=alert so screen readers hear it at once). */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert alert--error">
      {message}
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' | 'warning' }) {
  return (
    <div role="status" className={`alert alert--${tone}`}>
      {children}
    </div>
  );
}
