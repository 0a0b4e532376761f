/** The Open Recent list: most recent first, each file once, at most `max`. */
export function addRecent(list: readonly string[], file: string, max = 10): string[] {
  return [file, ...list.filter((f) => f !== file)].slice(0, max);
}
