import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../shared/domain';
import { MAX_IMPORT_BYTES } from '../../shared/domain';
import { call, tempBackend } from '../helpers/project';
import { fixture, koryoPdf, ledgerDocx } from '../helpers/fixtures';
import { imageOnlyPdf, passwordPdf } from '../helpers/make-pdf';
import { toWindows1251, toWindows1252 } from '../helpers/legacy-encodings';
import { snapshot } from '../helpers/snapshot';
import { headlineBlock } from '../../shared/text/blocks';

/** A page that is no article: navigation, a heading, a form and a footer (its title would pass for a headline). */
const CONTACT_PAGE =
  '<!doctype html><html><head><title>Contact the newsroom of the Danube Courier</title></head><body><nav><a href="/">Home</a></nav>' +
  '<h1>Contact Us</h1><form><label>Name<input></label><label>Email<input></label><button>Send</button></form><footer>© 2026 Danube Courier</footer></body></html>';

describe('importing files', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeEach(() => (env = tempBackend()));
  afterEach(() => env.dispose());

  const importBytes = (name: string, bytes: Buffer): Promise<ImportOutcome> =>
    call(env.backend, 'articles.importFile', { name, dataBase64: bytes.toString('base64') });
  const imported = async (name: string, bytes: Buffer) => {
    const outcome = await importBytes(name, bytes);
    expect(outcome.status, outcome.message).toBe('imported');
    return call(env.backend, 'articles.get', { id: outcome.articleId });
  };

  it('takes the headline, byline, date and outlet of pasted-page text, not its site chrome', async () => {
    const article = await imported('northern-wire.txt', fixture('northern-wire.txt'));
    expect(article).toMatchObject({
      title: 'No foreign troops will join ceasefire mission, Qadirov says',
      outlet: 'Northern Wire',
      author: 'Ana Petrović',
      publishedAt: '2026-03-04',
      sourceKind: 'txt',
      sourceName: 'northern-wire.txt',
    });
    expect(article.text.startsWith('No foreign troops will join ceasefire mission')).toBe(true);
    for (const chrome of ['Skip to content', 'Contact Us', 'Subscribe', '[ad_1]', 'Share this article', '© 2026', 'Home | World']) {
      expect(article.text).not.toContain(chrome);
    }
    // The body is kept character for character: curly quotes, NBSP, dotted capital I.
    expect(article.text).toContain('“There is no agreement and there will be none,” Qadirov told reporters');
    expect(article.text).toContain('48\u00a0hours');
    expect(article.text).toContain('İlham Qadirov');
    expect(article.text).toContain('Photo: Foreign Minister İlham Qadirov at a briefing on Monday. (Northern Wire)');
    expect(article.text.endsWith('declined to comment.')).toBe(true);
  });

  it('reads Markdown front matter and keeps the text as written', async () => {
    const article = await imported('meridian-daily.md', fixture('meridian-daily.md'));
    expect(article).toMatchObject({
      title: 'Observers from three countries to join mission, envoy says',
      outlet: 'Meridian Daily',
      author: 'Søren Ødegård',
      publishedAt: '2026-03-05',
      url: 'https://meridian.example/2026/03/observers-three-countries',
      language: 'en',
    });
    expect(article.text).not.toContain('---');
    expect(article.text).toContain('“Foreign participation has been agreed in principle,” Ødegård said');
    // The `# ` heading under the front matter is the title's line: the reading view shows it as
    // the heading rather than the title once more above a line reading `# …`.
    expect(headlineBlock(article.text, article.title)).toBe(0);
  });

  it('takes the title of a Markdown file without front matter from its heading, marks left out', async () => {
    const article = await imported('harbour.md', Buffer.from('# Harbour stays open, port says #\n\nThe port authority said the harbour stays open.'));
    expect(article.title).toBe('Harbour stays open, port says');
    expect(article.text.split('\n')[0]).toBe('# Harbour stays open, port says #');
    expect(headlineBlock(article.text, article.title)).toBe(0);
  });

  it('keeps only the article body of a web page, sanitised, as text', async () => {
    const article = await imported('agence-veritas.html', fixture('agence-veritas.html'));
    expect(article).toMatchObject({
      title: 'Mission de cessez-le-feu : le porte-parole dément tout accord',
      outlet: 'Agence Véritas',
      author: 'Hélène Moreau',
      publishedAt: '2026-03-05T08:30:00.000Z',
      url: 'https://veritas.example/monde/mission-cessez-le-feu',
      language: 'fr',
    });
    expect(article.text).toContain('qu’«\u00a0aucun accord\u00a0» n’avait été conclu');
    expect(article.text.split('\n\n')[0]).toBe(article.title);
    for (const dropped of ['Accueil', 'Publicité', 'Partager', 'Commentaires', 'quelle honte', 'pwned', 'alert', 'Tous droits', 'newsletter', '<', 'font-family']) {
      expect(article.text).not.toContain(dropped);
    }
  });

  it('leaves a cookie banner above the article and photo captions and credits out of a web page, keeping the first paragraph whole', async () => {
    const article = await imported('danube-courier.html', fixture('danube-courier.html'));
    expect(article.title).toBe('Harbour minister rejects monitors at river crossing');
    expect(article.text.split('\n\n')).toEqual([
      'Harbour minister rejects monitors at river crossing',
      'By Tomas Verin',
      'LISTRA, April 2 (Danube Courier) — Harbour Minister Petra Sollen said on Wednesday that “no monitors will be posted” at the river crossing.',
      'A spokesman for the port authority said the crossing would reopen on Friday.',
      'The opposition called the decision “a mistake”.',
    ]);
  });

  it('keeps the words of neighbouring table cells and form labels apart in a web page', async () => {
    const page =
      '<html><head><title>Crossings stay shut, port says</title></head><body><article><h1>Crossings stay shut, port says</h1>' +
      '<p>The port authority said on Wednesday that both river crossings would stay shut until Friday.</p>' +
      '<table><tr><th>Crossing</th><th>Status</th></tr><tr><td>Listra</td><td>closed</td></tr></table>' +
      '<nav><a href="/a">Listra</a></nav><form><label>Name</label><label>Email</label></form>' +
      '<p>A spokesman for the authority declined to say when the crossings would reopen.</p></article></body></html>';
    const article = await imported('crossings.html', Buffer.from(page));
    expect(article.text.split('\n\n')).toEqual([
      'Crossings stay shut, port says',
      'The port authority said on Wednesday that both river crossings would stay shut until Friday.',
      'Crossing Status',
      'Listra closed',
      'Listra',
      'Name Email',
      'A spokesman for the authority declined to say when the crossings would reopen.',
    ]);
  });

  it('reads the text layer and metadata of a PDF', async () => {
    const article = await imported('koryo-times.pdf', koryoPdf());
    expect(article).toMatchObject({ title: 'Mission talks at an impasse, diplomat says', author: 'Koryo Times staff', publishedAt: '2026-03-06', sourceKind: 'pdf' });
    expect(article.text).toContain('were “at an impasse” — contradicting envoy Søren Ødegård.');
  });

  it('reads the paragraphs and core properties of a Word document', async () => {
    const article = await imported('the-ledger.docx', ledgerDocx());
    expect(article).toMatchObject({ title: 'Minister denies, then hedges, on foreign observers', author: 'The Ledger', sourceKind: 'docx' });
    expect(article.publishedAt).toBe('2026-03-07T08:00:00.000Z');
    expect(article.text.split('\n\n')).toEqual([
      'Minister denies, then hedges, on foreign observers',
      'Minister Ilham Kadirov said on Friday that “a limited number” of foreign observers could join the mission.',
      'His office later said the remark had been “misinterpreted”.',
    ]);
  });

  it('detects legacy encodings instead of producing mojibake', async () => {
    const russian = 'Министр иностранных дел заявил, что иностранные войска не примут участия в миссии наблюдателей. Представитель министерства подтвердил это заявление в четверг.';
    expect((await imported('tass.txt', toWindows1251(russian))).text).toBe(russian);
    const french = 'Le ministre a déclaré qu’aucune troupe étrangère ne participerait à la mission. « C’est définitif », a-t-il ajouté à Genève.';
    expect((await imported('afp.txt', toWindows1252(french))).text).toBe(french);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ödegård spoke — 停火 👍', 'utf16le')]);
    expect((await imported('utf16.txt', utf16)).text).toBe('Ödegård spoke — 停火 👍');
    const declared = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"><title>t</title></head><body><article><h1>Заголовок новости</h1><p>'), toWindows1251(russian), Buffer.from('</p></article></body></html>')]);
    expect((await imported('declared.html', declared)).text).toContain(russian);
  });

  it('stores NFC text with LF line endings', async () => {
    const article = await imported('crlf.txt', Buffer.from('Erdog\u0306an spoke on Monday\r\n\r\nSecond paragraph\rThird line\r\n', 'utf8'));
    expect(article.text).toBe('Erdoğan spoke on Monday\n\nSecond paragraph\nThird line');
  });

  it('imports the same text only once', async () => {
    const first = await importBytes('northern-wire.txt', fixture('northern-wire.txt'));
    const again = await importBytes('copy of northern-wire.txt', fixture('northern-wire.txt'));
    expect(again).toMatchObject({ status: 'duplicate', articleId: first.articleId });
    expect(again.message).toBe(`skipped: the same text is already in the project as “${first.title}”`);
    const crlf = Buffer.from(fixture('northern-wire.txt').toString('utf8').replace(/\n/g, '\r\n'));
    expect((await importBytes('windows copy.txt', crlf)).status).toBe('duplicate');
    expect((await call(env.backend, 'project.info', {})).counts.articles).toBe(1);
  });

  describe('refuses bad input with one clear message and leaves the project unchanged', () => {
    const cases: Array<[string, () => Buffer, RegExp]> = [
      ['program.exe', () => Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]), /^“program\.exe” is not a supported file type \(Gainsay imports \.txt, .*\.docx\)\.$/],
      ['claims.jsonld', () => Buffer.from('{"@context": "http://www.w3.org/ns/anno.jsonld"}'), /^“claims\.jsonld” is not a supported file type \(Gainsay imports \.txt, .*\.docx\)\. It holds annotations: import it with Import annotations…, with the texts they belong to\.$/],
      ['photo.txt', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /^“photo\.txt” looks like a binary file, not text\.$/],
      ['empty.txt', () => Buffer.alloc(0), /^“empty\.txt” is empty\.$/],
      ['blank.md', () => Buffer.from('\n \n\t\n'), /^“blank\.md” contains no text\.$/],
      ['bad-utf8.html', () => Buffer.concat([Buffer.from('<meta charset="utf-8"><p>Caf'), Buffer.from([0xe9, 0xff]), Buffer.from(' au lait</p>')]), /^“bad-utf8\.html” says it is UTF-8 but contains bytes that are not valid UTF-8\.$/],
      ['huge.txt', () => Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61), /^“huge\.txt” is 25\.0 MB, over the 25\.0 MB import limit\.$/],
      ['scan.pdf', imageOnlyPdf, /^“scan\.pdf” has no text layer \(it may be a scanned image\); run OCR on it first\.$/],
      ['locked.pdf', passwordPdf, /^“locked\.pdf” is protected by a password; remove the password and import it again\.$/],
      ['truncated.pdf', () => koryoPdf().subarray(0, 200), /^“truncated\.pdf” (is not a readable PDF|has no text layer)/],
      ['broken.docx', () => Buffer.from('PK\u0003\u0004 this is not really a zip'), /^“broken\.docx” is not a readable Word document \(the file is damaged or not a \.docx\)\.$/],
      ['nav-only.html', () => Buffer.from('<html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>'), /^“nav-only\.html” has no article text that Gainsay could find\.$/],
      ['contact.html', () => Buffer.from(CONTACT_PAGE), /^“contact\.html” has no article text that Gainsay could find\.$/],
      ['near-empty.txt', () => Buffer.from('  \n.\n\n'), /^“near-empty\.txt” has no sentence \(3 or more words in a row\), so it is not taken for an article\.$/],
      ['links.md', () => Buffer.from('# Links\n\n- [Home](/)\n- [Region](/region)\n'), /^“links\.md” has no sentence \(3 or more words in a row\), so it is not taken for an article\.$/],
    ];
    for (const [name, bytes, message] of cases) {
      it(name, async () => {
        await importBytes('northern-wire.txt', fixture('northern-wire.txt'));
        const before = snapshot(env.backend.project.db);
        const outcome = await importBytes(name, bytes());
        expect(outcome.status).toBe('refused');
        expect(outcome.message).toMatch(message);
        expect(outcome.articleId).toBeUndefined();
        expect(snapshot(env.backend.project.db)).toEqual(before);
      });
    }
  });

  it('imports pasted text like a text file, with an optional title', async () => {
    const outcome = await call(env.backend, 'articles.paste', { text: fixture('northern-wire.txt').toString('utf8'), title: '' });
    expect(outcome).toMatchObject({ status: 'imported', title: 'No foreign troops will join ceasefire mission, Qadirov says' });
    const titled = await call(env.backend, 'articles.paste', { text: 'Officials said the ceasefire held overnight.', title: 'Overnight calm' });
    expect(titled.title).toBe('Overnight calm');
    expect((await call(env.backend, 'articles.get', { id: titled.articleId })).sourceKind).toBe('paste');
    const empty = await call(env.backend, 'articles.paste', { text: 'Menu\nSubscribe\n[ad_1]\n', title: '' });
    expect(empty).toEqual({ name: 'Pasted text', status: 'refused', message: '“Pasted text” contains no text.' });
  });
});
