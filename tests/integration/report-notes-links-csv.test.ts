import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../shared/export/report';
import { ACTOR_STYLES, actorStyle } from '../../shared/palette';
import { runCli } from '../helpers/cli';
import { tempBackend } from '../helpers/project';
import { buildSampleProject } from '../helpers/sample-project';

const NOTE = 'Said at a press conference <Q&A>, "live".';

describe('claim notes in the report, actor colours in its HTML, and each side’s article in links.csv', () => {
  let env: ReturnType<typeof tempBackend>;
  const exportAs = (format: string, out: string) => {
    const result = runCli(['export', '--project', env.file, '--format', format, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return out;
  };

  beforeAll(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    env.backend.close();
  });
  afterAll(() => env.dispose());

  it('the report shows each claim’s note, in HTML and Markdown, escaped, beside the quote', () => {
    exportAs('report', path.join(env.dir, 'briefing.html'));
    const html = fs.readFileSync(path.join(env.dir, 'briefing.html'), 'utf8');
    const markdown = fs.readFileSync(path.join(env.dir, 'briefing.md'), 'utf8');
    const page = new JSDOM(html).window.document;
    const notes = [...page.querySelectorAll('.note')].map((n) => n.textContent);
    // Qadirov's claim is in two contradictions and in his own list: its note is beside it each time.
    expect(notes).toEqual([`Note ${NOTE}`, `Note ${NOTE}`, `Note ${NOTE}`, `Note ${NOTE}`]);
    expect(page.querySelector('.note')!.previousElementSibling!.tagName).toBe('BLOCKQUOTE');
    // In Markdown the note is a paragraph of its own, not a run-on of the quote.
    expect(markdown).toContain(`\n  \n  Note: ${escapeMarkdown(NOTE)}`);
    expect(markdown).toMatch(new RegExp(`\\n\\n   Note: ${escapeMarkdown(NOTE).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\\n`));
    expect(markdown).not.toMatch(/^> .*\nNote:/m);
  });

  it('the report’s quotes are painted in each actor’s colour from the colour-blind-safe palette, one colour per actor', () => {
    const html = fs.readFileSync(path.join(env.dir, 'briefing.html'), 'utf8');
    const page = new JSDOM(html).window.document;
    const colourOf = new Map<string, Set<string>>();
    for (const side of page.querySelectorAll('.side')) {
      const actor = side.querySelector('.who')!.childNodes[1]!.textContent!.trim();
      const colour = side.querySelector('blockquote')!.className;
      expect(side.querySelector('.chip')!.className).toBe(colour.replace('q ', 'chip '));
      colourOf.set(actor, (colourOf.get(actor) ?? new Set()).add(colour));
    }
    // Every actor has one colour, and the four actors four different ones.
    expect([...colourOf.values()].every((set) => set.size === 1)).toBe(true);
    expect(new Set([...colourOf.values()].map((set) => [...set][0])).size).toBe(colourOf.size);
    expect(colourOf.size).toBe(4);
    for (let i = 0; i < ACTOR_STYLES; i++) expect(html).toContain(`.c${i} { --actor: ${actorStyle(i).colour};`);
    expect(html).toContain('blockquote.q.c8 { border-left-style: double; }');
    expect(html).toContain('blockquote.q.c16 { border-left-style: dashed; }');
  });

  it('links.csv gives each side’s article, outlet and date beside its actor and quote', () => {
    const folder = exportAs('csv', path.join(env.dir, 'csv'));
    const links = parse(fs.readFileSync(path.join(folder, 'links.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const claims = parse(fs.readFileSync(path.join(folder, 'claims.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(links[0]!)).toEqual([
      'link_id', 'kind', 'status',
      'claim_a', 'actor_a', 'quote_a', 'article_id_a', 'article_a', 'outlet_a', 'date_a',
      'claim_b', 'actor_b', 'quote_b', 'article_id_b', 'article_b', 'outlet_b', 'date_b',
      'rationale', 'created_by', 'created_at', 'updated_at',
    ]);
    for (const link of links) {
      for (const side of ['a', 'b']) {
        const claim = claims.find((c) => c.claim_id === link[`claim_${side}`])!;
        expect(link[`article_id_${side}`]).toBe(claim.article_id);
        expect(link[`article_${side}`]).toBe(claim.article_title);
        expect(link[`outlet_${side}`]).toBe(claim.outlet);
        expect(link[`date_${side}`]).toBe(claim.claimed_on || claim.published_at!.slice(0, 10));
      }
    }
    const koryo = links.find((l) => l.actor_b === '高丽时报' || l.actor_a === '高丽时报')!;
    const side = koryo.actor_a === '高丽时报' ? 'a' : 'b';
    // The claim's own date wins over its article's.
    expect(koryo).toMatchObject({ [`outlet_${side}`]: 'Agence Véritas', [`date_${side}`]: '2026-03-06', [`article_${side}`]: 'Moscow denies deal 🙄' });
  });
});
