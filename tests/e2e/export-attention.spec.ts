import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { Backend } from '../../electron/backend/backend';
import { CLI, startProcess } from '../helpers/cli';
import { call } from '../helpers/project';
import { tempDir } from '../helpers/temp';

const TEXT = 'The minister said troops would come.\n\nThe envoy said none would.';

test('the Export dialog says how many claims needed attention and what the format did with them', async ({ page }) => {
  const temp = tempDir('gainsay-e2e-');
  const file = path.join(temp.dir, 'Received.gainsay');
  // A project made by the app, then edited by another tool: one claim's quote no longer matches its text.
  const backend = Backend.open(file);
  const { articleId } = await call(backend, 'articles.paste', { text: TEXT, title: '' });
  const claim = async (quote: string, actor: string) => {
    const start = TEXT.indexOf(quote);
    const h = await call(backend, 'highlights.create', { articleId, start, end: start + quote.length, quote });
    return (await call(backend, 'claims.set', { highlightId: h.id, actor: { name: actor, kind: 'person' } })).claim.id as string;
  };
  const minister = await claim('troops would come', 'The minister');
  const envoy = await claim('none would', 'The envoy');
  await call(backend, 'links.create', { claimA: minister, claimB: envoy, kind: 'contradicts', rationaleJson: '', rationaleText: '' });
  backend.close();
  const db = new Database(file);
  db.prepare("UPDATE highlights SET quote = 'troops would never come' WHERE id = (SELECT highlight_id FROM claims WHERE id = ?)").run(minister);
  db.close();

  const server = await startProcess(CLI, ['serve', '--project', file]);
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the project' });
    await dialog.getByRole('radio', { name: /brat standoff/ }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await download;
    await expect(dialog.getByRole('status')).toContainText('Downloaded');
    await expect(dialog.getByRole('status')).toContainText('1 claim needs attention (offsets or quote do not hold on the article text): left out, as was the link attached to it.');
    await dialog.getByRole('radio', { name: /Gainsay project JSON/ }).check();
    const json = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await json;
    await expect(dialog.getByRole('status')).toContainText('Downloaded');
    await expect(dialog.getByRole('status')).not.toContainText('attention');
  } finally {
    await server.stop();
    temp.remove();
  }
});
