import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, tempBackend } from '../helpers/project';

describe('undo per window', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeEach(() => (env = tempBackend()));
  afterEach(() => env.dispose());

  /** Calls a method as the window `window` (a browser tab, the desktop window). */
  async function as(window: string, method: string, input: unknown): Promise<any> {
    const result = await env.backend.invoke(method, input, window);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
  const names = async () => ((await call(env.backend, 'actors.list', {})) as Array<{ name: string }>).map((a) => a.name).sort();

  it('each window undoes and redoes only its own steps', async () => {
    await as('tab-a', 'actors.create', { name: 'Irina Solvay', kind: 'person' });
    await as('tab-b', 'actors.create', { name: 'Nordpress', kind: 'outlet' });
    await as('tab-a', 'actors.create', { name: 'Anton Kalder', kind: 'person' });
    expect(await as('tab-b', 'history.state', {})).toEqual({ undo: 'Add actor Nordpress', redo: null });

    expect(await as('tab-b', 'history.undo', {})).toMatchObject({ undone: 'Add actor Nordpress', undo: null, redo: 'Add actor Nordpress' });
    expect(await names()).toEqual(['Anton Kalder', 'Irina Solvay']);
    expect(await as('tab-a', 'history.undo', {})).toMatchObject({ undone: 'Add actor Anton Kalder', undo: 'Add actor Irina Solvay' });
    expect(await names()).toEqual(['Irina Solvay']);
    await as('tab-b', 'history.redo', {});
    expect(await names()).toEqual(['Irina Solvay', 'Nordpress']);
    expect(await as('tab-a', 'history.state', {})).toEqual({ undo: 'Add actor Irina Solvay', redo: 'Add actor Anton Kalder' });
  });

  it('refuses to undo a step whose rows another window changed since, and changes nothing', async () => {
    const actor = await as('tab-a', 'actors.create', { name: 'Irina Solvay', kind: 'person' });
    await as('tab-a', 'actors.update', { id: actor.id, name: 'Irina Solvay', kind: 'government', role: 'spokeswoman' });
    await as('tab-b', 'actors.update', { id: actor.id, name: 'Irina Solvay', kind: 'person', role: 'foreign ministry spokeswoman' });
    const refused = await env.backend.invoke('history.undo', {}, 'tab-a');
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok ? '' : refused.error.message).toBe(
      '“Edit actor Irina Solvay” cannot be undone: what it changed has been changed since, in another window or another program. Nothing was changed.',
    );
    expect(await call(env.backend, 'actors.get', { id: actor.id })).toMatchObject({ kind: 'person', role: 'foreign ministry spokeswoman' });
    // The other window's own step still undoes.
    await as('tab-b', 'history.undo', {});
    expect(await call(env.backend, 'actors.get', { id: actor.id })).toMatchObject({ kind: 'government', role: 'spokeswoman' });
  });

  it('keeps no step of a change whose commit failed, so it can never undo another window’s work', async () => {
    const { db } = env.backend.project;
    // A change whose commit fails: a foreign key checked only at commit.
    expect(() =>
      env.backend.project.undo.window('tab-a').record('Phantom', () => {
        db.pragma('defer_foreign_keys = ON');
        db.prepare("INSERT INTO actor_aliases (id, actor_id, alias, folded, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'no such actor', 'x', 'x', 't')").run();
      }),
    ).toThrow(/FOREIGN KEY/);
    await as('tab-b', 'actors.create', { name: 'Xavier Lund', kind: 'person' });
    expect(await as('tab-a', 'history.state', {})).toEqual({ undo: null, redo: null });
    expect(await env.backend.invoke('history.undo', {}, 'tab-a')).toMatchObject({ ok: false, error: { message: 'There is nothing to undo.' } });
    expect(await names()).toEqual(['Xavier Lund']);
  });

  it('refuses to undo a step whose rows another program changed since', async () => {
    const actor = await as('tab-a', 'actors.create', { name: 'Irina Solvay', kind: 'person' });
    await as('tab-a', 'actors.update', { id: actor.id, name: 'Irina Solvay', kind: 'person', role: 'spokeswoman' });
    env.backend.project.db.prepare("UPDATE actors SET role = 'written by another tool' WHERE id = ?").run(actor.id);
    expect(await env.backend.invoke('history.undo', {}, 'tab-a')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(env.backend, 'actors.get', { id: actor.id })).toMatchObject({ role: 'written by another tool' });
  });

  it('makes editing an article’s details one undoable step; the library search follows the title both ways', async () => {
    const { articleId } = await call(env.backend, 'articles.paste', { text: 'Monitors arrive\n\nThe ministry said the monitors had arrived.', title: '' });
    const before = await call(env.backend, 'articles.get', { id: articleId });
    const meta = { title: 'Beobachter an der Straße', outlet: 'Nordpress', author: '', publishedAt: '2026-03-04', url: '', language: 'de' };
    await as('tab-a', 'articles.update', { id: articleId, meta });
    expect((await call(env.backend, 'articles.search', { query: 'strasse' })).total).toBe(1);
    expect(await as('tab-a', 'history.undo', {})).toMatchObject({ undone: 'Edit details of “Beobachter an der Straße”' });
    expect(await call(env.backend, 'articles.get', { id: articleId })).toMatchObject({ title: before.title, outlet: before.outlet, publishedAt: before.publishedAt });
    expect((await call(env.backend, 'articles.search', { query: 'strasse' })).total).toBe(0);
    expect((await call(env.backend, 'articles.search', { query: 'monitors arrive' })).total).toBe(1);
    await as('tab-a', 'history.redo', {});
    expect(await call(env.backend, 'articles.get', { id: articleId })).toMatchObject({ title: 'Beobachter an der Straße', outlet: 'Nordpress' });
  });
});
