/**
 * Lets the event loop run what waits (calls, timers, I/O) before going on: long work on the
 * backend's thread awaits it between slices. Through the global setImmediate, which tests may watch.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
