/**
 * Orders strings as SQLite's BINARY collation does (by their UTF-8 bytes, which is by code
 * point), for records sorted in JavaScript to come out as an ORDER BY would give them. `<` on
 * strings compares UTF-16 units, which puts characters past U+FFFF (surrogates, D800–DFFF)
 * before those from E000 to FFFF: at the first unit that differs, such units are moved above.
 * Text that is not valid UTF-8 (only in a file written by another program) reaches JavaScript
 * with U+FFFD for its bad bytes, so ties between such ids may come out in another order than
 * SQLite's, which compares the bytes themselves; the records are the same.
 */
export function binaryOrder(x: string, y: string): number {
  if (x === y) return 0;
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a !== b) return inCodePointOrder(a) - inCodePointOrder(b);
  }
  return x.length - y.length;
}

const inCodePointOrder = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);
