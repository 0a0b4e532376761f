import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import { snapshot } from '../helpers/snapshot';
import { call, tempBackend } from '../helpers/project';

const DISK_FULL = {
  code: 'disk_full',
  message: 'The disk is full: nothing from this step was saved, and the project is intact. Free some space and try again.',
};

describe('a write on a full disk', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeEach(() => (env = tempBackend()));
  afterEach(() => env.dispose());

  it('fails with its own message, saves nothing of the step, and works again once there is room', async () => {
    await call(env.backend, 'articles.paste', { text: 'Tass cited the spokesman as saying there was no agreement.', title: 'Tass' });
    const db = env.backend.project.db;
    const before = snapshot(db);
    const history = await call(env.backend, 'history.state', {});
    // SQLite's own limit on the file's size: the next write that needs a new page really fails
    // with SQLITE_FULL, as on a full disk.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const report = 'Interfax quoted the envoy: “no foreign soldiers will be deployed”. '.repeat(2000);
    const result = await env.backend.invoke('articles.paste', { text: report, title: 'Interfax' });
    expect(result).toEqual({ ok: false, error: DISK_FULL });
    expect(db.inTransaction).toBe(false);
    expect(snapshot(db)).toEqual(before);
    expect(await call(env.backend, 'history.state', {})).toEqual(history);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    db.pragma('max_page_count = 1073741823');
    expect(await call(env.backend, 'articles.paste', { text: report, title: 'Interfax' })).toMatchObject({ status: 'imported' });
  });

  it.runIf(fs.existsSync('/dev/full'))('reports ENOSPC from the file system (Linux’s /dev/full) the same way', async () => {
    const full = { ...handlers, 'actors.create': () => fs.writeFileSync('/dev/full', 'Dmitri Pelkov') } as unknown as typeof handlers;
    expect(await dispatch(full, env.backend.context(), 'actors.create', { name: 'Dmitri Pelkov', kind: 'person' })).toEqual({ ok: false, error: DISK_FULL });
  });

  it('leaves other I/O errors as unexpected ones while the disk has room', async () => {
    const failing = {
      ...handlers,
      'actors.create': () => {
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
      },
    } as unknown as typeof handlers;
    const result = await dispatch(failing, env.backend.context(), 'actors.create', { name: 'Dmitri Pelkov', kind: 'person' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
