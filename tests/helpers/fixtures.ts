import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { docx } from './make-docx';
import { textPdf } from './make-pdf';

export const FIXTURES = fileURLToPath(new URL('../fixtures/articles', import.meta.url));

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

/** The fictional Koryo Times report as a PDF with a text layer. */
export function koryoPdf(): Buffer {
  return textPdf(
    [
      'Mission talks “at an impasse”, diplomat says',
      '',
      'A senior diplomat, speaking on condition of anonymity, said talks on foreign',
      'participation were “at an impasse” — contradicting envoy Søren Ødegård.',
    ],
    { title: 'Mission talks at an impasse, diplomat says', author: 'Koryo Times staff', created: '20260306' },
  );
}

/** The fictional Ledger report as a Word document. */
export function ledgerDocx(): Buffer {
  return docx(
    [
      'Minister denies, then hedges, on foreign observers',
      'Minister Ilham Kadirov said on Friday that “a limited number” of foreign observers could join the mission.',
      'His office later said the remark had been “misinterpreted”.',
    ],
    { title: 'Minister denies, then hedges, on foreign observers', creator: 'The Ledger', created: '2026-03-07T08:00:00Z' },
  );
}

/** Writes every supported kind of fixture into `dir` and returns their paths by kind. */
export function writeAllFixtures(dir: string): Record<'txt' | 'md' | 'html' | 'pdf' | 'docx', string> {
  const files = {
    txt: 'northern-wire.txt',
    md: 'meridian-daily.md',
    html: 'agence-veritas.html',
    pdf: 'koryo-times.pdf',
    docx: 'the-ledger.docx',
  } as const;
  for (const name of [files.txt, files.md, files.html]) fs.copyFileSync(path.join(FIXTURES, name), path.join(dir, name));
  fs.writeFileSync(path.join(dir, files.pdf), koryoPdf());
  fs.writeFileSync(path.join(dir, files.docx), ledgerDocx());
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, path.join(dir, v)])) as never;
}
