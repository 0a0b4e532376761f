/** Counts for people in English, grouped ("12,345"): one formatter, made once. */
const number = new Intl.NumberFormat('en');

/** "1 claim", "3 claims", "12,345 claims". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${number.format(count)} ${count === 1 ? one : many}`;
}
