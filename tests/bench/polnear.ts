/**
 * PolNeAR (news attribution relations, brat standoff) prepared for `gainsay import`: its texts
 * (`text/NAME.txt`) and annotations (`attributions/NAME_ANNOTATOR.ann`) are in separate folders
 * and some texts were annotated by several annotators, so each text is paired with the first of
 * its annotations in a scratch folder. Corpus text is read from where it is and never committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAnn } from '../../electron/backend/import/brat/ann';

/** Source → actor, Content → claim, as the issue asks. */
export const POLNEAR_MAPPING = { events: [{ type: 'Attribution', claim: 'Content', actor: 'Source' }] };

export interface PolnearFolder {
  folder: string;
  documents: number;
  /** Claims the mapping makes: distinct Content spans named by an Attribution event. */
  contents: number;
  /** The text of each Content span of one piece (most are), composed (NFC) as Gainsay stores text. */
  quotes: string[];
}

export function polnearFolder(corpus: string, scratch: string): PolnearFolder {
  const folder = path.join(scratch, 'polnear-brat');
  fs.mkdirSync(folder, { recursive: true });
  const annotations = fs.readdirSync(path.join(corpus, 'attributions')).filter((n) => n.endsWith('.ann')).sort();
  let documents = 0;
  let contents = 0;
  const quotes: string[] = [];
  for (const txt of fs.readdirSync(path.join(corpus, 'text')).filter((n) => n.endsWith('.txt')).sort()) {
    const stem = txt.slice(0, -4);
    const ann = annotations.find((a) => a.startsWith(`${stem}_`));
    if (!ann) continue;
    fs.copyFileSync(path.join(corpus, 'text', txt), path.join(folder, txt));
    const source = fs.readFileSync(path.join(corpus, 'attributions', ann), 'utf8');
    fs.writeFileSync(path.join(folder, `${stem}.ann`), source);
    const parsed = parseAnn(ann, source);
    const ids = new Set(parsed.events.filter((e) => e.type === 'Attribution').flatMap((e) => e.args.filter((a) => a.role === 'Content' && parsed.entities.has(a.id)).map((a) => a.id)));
    contents += ids.size;
    for (const id of ids) {
      const t = parsed.entities.get(id)!;
      if (t.fragments.length === 1) quotes.push(t.text.normalize('NFC'));
    }
    documents++;
  }
  return { folder, documents, contents, quotes };
}
