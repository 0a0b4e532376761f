import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import { contract } from '../../shared/contract';
import { call, tempBackend } from '../helpers/project';

describe('backend dispatch over a real project', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeEach(() => (env = tempBackend()));
  afterEach(() => env.dispose());

  it('has exactly one handler per contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('reports the project and its counts', async () => {
    const info = await call(env.backend, 'project.info', {});
    expect(info.path).toBe(env.file);
    expect(info.name).toBe('test');
    expect(info.counts).toEqual({ articles: 0, actors: 0, claims: 0, contradictions: 0 });
  });

  it('creates and lists actors, stored in the file', async () => {
    const created = await call(env.backend, 'actors.create', { name: '  Zofia Łukasiewicz ', kind: 'person', role: 'foreign ministry spokeswoman' });
    expect(created).toMatchObject({ name: 'Zofia Łukasiewicz', kind: 'person', role: 'foreign ministry spokeswoman', aliases: [] });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    await call(env.backend, 'actors.create', { name: 'Agence Véritas', kind: 'outlet' });
    const list = await call(env.backend, 'actors.list', {});
    expect(list.map((a: { name: string }) => a.name)).toEqual(['Agence Véritas', 'Zofia Łukasiewicz']);
    expect((await call(env.backend, 'project.info', {})).counts.actors).toBe(2);
  });

  it('refuses a second actor whose name differs only by case or diacritics', async () => {
    await call(env.backend, 'actors.create', { name: 'Zofia Łukasiewicz', kind: 'person' });
    const result = await env.backend.invoke('actors.create', { name: 'zofia lukasiewicz', kind: 'person' });
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: 'An actor named “Zofia Łukasiewicz” already exists.' } });
    expect(await call(env.backend, 'actors.list', {})).toHaveLength(1);
  });

  it('validates input at the boundary and changes nothing on bad input', async () => {
    const cases: unknown[] = [
      { name: '', kind: 'person' },
      { name: 'X', kind: 'wizard' },
      { name: 'X', kind: 'person', extra: 1 },
      { name: 'Bell\u0007', kind: 'person' },
      { name: 'x'.repeat(301), kind: 'person' },
      null,
      'actors',
    ];
    for (const input of cases) {
      const result = await env.backend.invoke('actors.create', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
    expect(await call(env.backend, 'actors.list', {})).toEqual([]);
  });

  it('refuses unknown methods, including inherited property names', async () => {
    for (const method of ['nope', 'constructor', '__proto__', 'toString', 42, null]) {
      const result = await env.backend.invoke(method, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unknown_method');
    }
  });

  it('turns an unexpected failure into a typed error without internals', async () => {
    const broken = { ...handlers, 'project.info': () => { throw new Error('SQLITE_IOERR at /secret/path'); } };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const result = await dispatch(broken, { project: env.backend.project, history: env.backend.project.undo.window("main"), preferences: env.backend.preferences }, 'project.info', {});
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('internal');
        expect(result.error.message).not.toMatch(/secret/);
      }
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
