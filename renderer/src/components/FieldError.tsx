/** One clear message for a failed action, announced to screen readers. Renders nothing without one. */
export function FieldError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  );
}
