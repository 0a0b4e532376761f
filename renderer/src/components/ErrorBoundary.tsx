import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Keeps one view (or one dialog's contents) from blanking the whole app when a record it draws
 * makes it throw: it shows one line saying what could not be shown, and a way out (`back`,
 * after which it draws its contents again), while the rest of the app keeps working. React unmounts the whole tree on an uncaught render
 * error, so every view needs one. Give it a `key` that changes with the place shown, so moving
 * elsewhere tries again.
 */
export class ErrorBoundary extends Component<
  { what: string; back: { label: string; onClick: () => void }; children: ReactNode },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`[gainsay] could not show ${this.props.what}:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { what, back } = this.props;
    return (
      <div className="view-error" role="alert">
        <span>
          Gainsay could not show {what}: {error.message.slice(0, 200) || 'an unexpected error'}.
        </span>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            back.onClick();
            this.setState({ error: null });
          }}
        >
          {back.label}
        </button>
      </div>
    );
  }
}
