/** Encoders for the legacy code pages the import tests feed in (TextEncoder only writes UTF-8). */

/** windows-1251 for Russian/Ukrainian text: А..я are 0xC0..0xFF, Ё/ё 0xA8/0xB8. */
export function toWindows1251(text: string): Buffer {
  const extra: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96, '“': 0x93, '”': 0x94, '\u00a0': 0xa0, І: 0xb2, і: 0xb3, Ї: 0xaf, ї: 0xbf, Є: 0xaa, є: 0xba };
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (extra[ch] !== undefined) return extra[ch]!;
      throw new Error(`“${ch}” is not in windows-1251`);
    }),
  );
}

/** windows-1252 for Western European text. */
export function toWindows1252(text: string): Buffer {
  const extra: Record<string, number> = { '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '€': 0x80, '…': 0x85 };
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = ch.codePointAt(0)!;
      if (extra[ch] !== undefined) return extra[ch]!;
      if (code < 0x100) return code;
      throw new Error(`“${ch}” is not in windows-1252`);
    }),
  );
}
