import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the contents show, for the line shown instead: "the actors", "this dialog's contents". */
  what: string;
  /** The way out offered with that line; the contents are drawn again after it. */
  back: { label: string; onClick: () => void };
  /** The place shown: when it changes, the contents are drawn again. */
  resetKey?: unknown;
  children: ReactNode;
}

/**
 * Keeps one view (or one dialog's contents) from blanking the whole app when a record it draws
 * makes it throw: it shows one line saying what could not be shown, and a way out, while the rest
 * of the app keeps working. React unmounts the whole tree on an uncaught render error, so every
 * view needs one. A `resetKey` rather than a `key` marks the place: a key would remount the
 * contents on every change, losing their state and focus.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(previous: Readonly<Props>) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
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
