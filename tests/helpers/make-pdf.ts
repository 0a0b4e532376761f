/**
 * Writes small, valid PDFs for the import tests: a text layer in Helvetica (WinAnsi encoding, so
 * curly quotes, dashes, NBSP and Western diacritics survive), a page with only graphics (like a
 * scan), and an encrypted file that needs a password.
 */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '€': 0x80, '…': 0x85,
};

function winAnsi(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (WIN_ANSI_EXTRA[ch] !== undefined) bytes.push(WIN_ANSI_EXTRA[ch]!);
    else if (code < 256) bytes.push(code);
    else throw new Error(`“${ch}” cannot be written in WinAnsi`);
  }
  return Buffer.from(bytes);
}

function pdfString(text: string): Buffer {
  const raw = winAnsi(text);
  const escaped: number[] = [];
  for (const byte of raw) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) escaped.push(0x5c);
    escaped.push(byte);
  }
  return Buffer.concat([Buffer.from('('), Buffer.from(escaped), Buffer.from(')')]);
}

function assemble(objects: Buffer[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 2 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

function stream(content: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]);
}

export interface PdfOptions {
  title?: string;
  author?: string;
  /** e.g. 20260304 */
  created?: string;
}

function info(options: PdfOptions): Buffer {
  const entries = [
    options.title ? Buffer.concat([Buffer.from('/Title '), pdfString(options.title)]) : Buffer.alloc(0),
    options.author ? Buffer.concat([Buffer.from(' /Author '), pdfString(options.author)]) : Buffer.alloc(0),
    options.created ? Buffer.from(` /CreationDate (D:${options.created}120000Z)`) : Buffer.alloc(0),
  ];
  return Buffer.concat([Buffer.from('<< '), ...entries, Buffer.from(' >>')]);
}

function document(content: Buffer, options: PdfOptions, trailerExtra = '', extraObjects: Buffer[] = []): Buffer {
  return assemble(
    [
      Buffer.from('<< /Type /Catalog /Pages 3 0 R >>'),
      info(options),
      Buffer.from('<< /Type /Pages /Kids [4 0 R] /Count 1 >>'),
      Buffer.from('<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>'),
      stream(content),
      Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
      ...extraObjects,
    ],
    trailerExtra,
  );
}

/** A one-page PDF whose text layer holds `lines` (an empty line leaves a gap). */
export function textPdf(lines: string[], options: PdfOptions = {}): Buffer {
  const ops: Buffer[] = [Buffer.from('BT /F1 11 Tf 14 TL 56 740 Td\n')];
  for (const line of lines) ops.push(line ? Buffer.concat([pdfString(line), Buffer.from(" '\n")]) : Buffer.from("() '\n"));
  ops.push(Buffer.from('ET'));
  return document(Buffer.concat(ops), options);
}

/** A PDF page with drawing only and no text, like a scanned page without OCR. */
export function imageOnlyPdf(): Buffer {
  return document(Buffer.from('0.2 0.2 0.2 rg 56 500 500 240 re f 0.8 g 80 520 200 12 re f'), { title: 'Scanned page' });
}

/** An encrypted PDF (standard security handler) that needs a user password to open. */
export function passwordPdf(): Buffer {
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const encrypt = Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${hex(11)}> /U <${hex(99)}> /P -3904 >>`);
  return document(Buffer.from('BT /F1 11 Tf 56 740 Td (Secret) Tj ET'), {}, `/Encrypt 7 0 R /ID [<${hex(5).slice(0, 32)}> <${hex(5).slice(0, 32)}>] `, [encrypt]);
}
