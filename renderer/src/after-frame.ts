/**
 * Runs `fn` in the task after the next frame, once the browser has laid out and painted what has
 * changed, so what it reads or does (focus, scrolling) forces no layout of a page still changing
 * and does not delay that frame. Returns a function that cancels it.
 */
export function afterNextFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
