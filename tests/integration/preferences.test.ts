import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import type { Highlight } from '../../shared/domain';
import { call, tempBackend } from '../helpers/project';

const TEXT = 'Council and port disagree\n\nThe council said “the port closes on Friday” while the port authority said “the port stays open”.';

describe('the analyst’s name in preferences', () => {
  let env: ReturnType<typeof tempBackend>;
  let preferencesFile: string;
  beforeEach(() => {
    env = tempBackend();
    preferencesFile = env.backend.preferences.file;
  });
  afterEach(() => env.dispose());

  const linkTwoClaims = async (backend: Backend) => {
    const article = (await call(backend, 'articles.paste', { text: TEXT, title: '' })).articleId;
    const claim = async (quote: string, actor: string) => {
      const start = Array.from(TEXT.slice(0, TEXT.indexOf(quote))).length;
      const h: Highlight = await call(backend, 'highlights.create', { articleId: article, start, end: start + Array.from(quote).length, quote });
      return (await call(backend, 'claims.set', { highlightId: h.id, actor: { name: actor, kind: 'organisation' } })).claim.id;
    };
    const [a, b] = [await claim('“the port closes on Friday”', 'Council'), await claim('“the port stays open”', 'Port authority')];
    return call(backend, 'links.create', { claimA: a, claimB: b, kind: 'contradicts', rationaleJson: '', rationaleText: '' });
  };

  it('records the system user until a name is set, then the name, kept for the next start of the app', async () => {
    expect(await call(env.backend, 'preferences.get', {})).toEqual({ analystName: '', systemUser: os.userInfo().username });
    expect((await linkTwoClaims(env.backend)).createdBy).toBe(os.userInfo().username);

    expect(await call(env.backend, 'preferences.set', { analystName: '  Ana Ruiz ' })).toMatchObject({ analystName: 'Ana Ruiz' });
    const project2 = path.join(env.dir, 'second.gainsay');
    const other = Backend.open(project2, { preferencesFile });
    try {
      // Another project (and another start of the app) reads the same name.
      expect(await call(other, 'preferences.get', {})).toMatchObject({ analystName: 'Ana Ruiz' });
      expect((await linkTwoClaims(other)).createdBy).toBe('Ana Ruiz');
    } finally {
      other.close();
    }
    // Emptied, the system user again.
    await call(env.backend, 'preferences.set', { analystName: '' });
    expect(env.backend.preferences.author()).toBe(os.userInfo().username);
  });

  it('refuses a bad name with one message and keeps the one set', async () => {
    await call(env.backend, 'preferences.set', { analystName: 'Ana Ruiz' });
    for (const analystName of ['Ana\nRuiz', 'x'.repeat(301)]) {
      const result = await env.backend.invoke('preferences.set', { analystName });
      expect(result.ok).toBe(false);
    }
    expect((await env.backend.invoke('preferences.set', { analystName: 'A', admin: true })).ok).toBe(false);
    expect(env.backend.preferences.read().analystName).toBe('Ana Ruiz');
  });

  it('reads a damaged or foreign preferences file as no name, and a later save replaces it whole', async () => {
    for (const content of ['{not json', JSON.stringify({ analystName: 42 }), JSON.stringify({ analystName: 'Ana\u0007' }), 'x'.repeat(70_000)]) {
      fs.writeFileSync(preferencesFile, content);
      expect(env.backend.preferences.read().analystName).toBe('');
    }
    await call(env.backend, 'preferences.set', { analystName: 'Ana Ruiz' });
    expect(JSON.parse(fs.readFileSync(preferencesFile, 'utf8'))).toEqual({ analystName: 'Ana Ruiz' });
    expect(fs.readdirSync(path.dirname(preferencesFile)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
