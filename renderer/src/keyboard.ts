import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** Whether a key press belongs to a text field or editor (which handle their own keys and undo). */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** A key handler for a dialog's form that Ctrl+Enter (Cmd+Enter on a Mac) submits from any of its fields. */
export function submitOnModEnter(submit: () => void) {
  return (event: ReactKeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    submit();
  };
}

/** Whether the focus is lost on the page body, where no key does anything: the element that had it went away. */
export function focusIsLost(): boolean {
  return !document.activeElement || document.activeElement === document.body;
}
