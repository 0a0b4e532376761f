import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Backend } from '../../electron/backend/backend';
import { APP_ORIGIN } from '../../electron/main/guards';
import { registerIpcHost } from '../../electron/main/ipc-host';
import { startServer } from '../../electron/server/server';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

/**
 * The desktop shell's IPC host (electron/main/ipc-host.ts), run here in Node with stand-ins for
 * Electron's ipcMain and save dialog: the real renderer, given a preload-like bridge whose calls
 * reach that host through an in-process channel, imports and exports as the desktop window does.
 * The HTTP server only serves the renderer's files here (and, for comparison, browser mode's export).
 */
test('the desktop IPC host: the window imports and exports through it, and the export equals browser mode’s', async ({ page }) => {
  const temp = tempDir('gainsay-ipc-');
  // The app's data folder is the temp folder here, so the analyst's name set below stays in the test.
  const backend = Backend.open(path.join(temp.dir, 'Ceasefire monitoring.gainsay'), { preferencesFile: path.join(temp.dir, 'preferences.json') });
  const server = await startServer({ backend, staticDir: RENDERER_DIR });
  const handlers = new Map<string, (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown>();
  const chosen = path.join(temp.dir, 'chosen in the save dialog.json');
  const asked: string[] = [];
  registerIpcHost({
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
    dialog: {
      showSaveDialog: async (options) => {
        asked.push(options.title);
        return { canceled: false, filePath: chosen };
      },
    },
    backend: () => backend,
    changed: () => {},
  });
  try {
    // The window's own frame, as Electron reports it to the host.
    const fromWindow = { senderFrame: { url: `${APP_ORIGIN}/index.html` } };
    await page.exposeFunction('ipcSend', (channel: string, args: unknown[]) => handlers.get(channel)!(fromWindow, ...args));
    await page.addInitScript(() => {
      const send = (window as unknown as { ipcSend: (channel: string, args: unknown[]) => Promise<unknown> }).ipcSend;
      (window as unknown as { gainsay: unknown }).gainsay = {
        invoke: (method: string, input: unknown) => send('gainsay:invoke', [method, input]),
        onChanged: () => {},
        exportProject: (request: unknown) => send('gainsay:export', [request]),
      };
    });
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request.url());
    });
    await page.goto(server.url.replace(/\?token=.*/, ''));
    await expect(page.getByRole('heading', { level: 1, name: 'Ceasefire monitoring' })).toBeVisible();

    // Import through the window (file contents go through the host's invoke channel).
    const article = path.join(temp.dir, 'northern-wire.txt');
    fs.writeFileSync(article, 'Monitors to arrive “within weeks”\n\nNORTHERN WIRE — The foreign minister said on Tuesday that foreign troops would join the mission.\n');
    await page.getByLabel('Choose files to import').setInputFiles([article]);
    await expect(page.getByRole('link', { name: 'Monitors to arrive “within weeks”' })).toBeVisible();

    // Export… from the window: the host shows the save dialog and writes where it was told.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the project' });
    await dialog.getByRole('radio', { name: /Gainsay project JSON/ }).check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(`Saved ${chosen}.`);
    expect(asked).toEqual(['Export as Gainsay project JSON (.json)']);
    expect(apiRequests).toEqual([]);

    // The same export as browser mode makes it, but for the moment it was made.
    const download = await fetch(new URL('/api/export?format=json', server.url), { headers: { 'X-Gainsay-Token': server.token } });
    const fromBrowserMode = (await download.json()) as Record<string, unknown>;
    const fromDesktop = JSON.parse(fs.readFileSync(chosen, 'utf8')) as Record<string, unknown>;
    delete fromBrowserMode.exportedAt;
    delete fromDesktop.exportedAt;
    expect(fromDesktop).toEqual(fromBrowserMode);
    expect((fromDesktop.articles as unknown[]).length).toBe(1);

    // Preferences… in the window: the name reaches the desktop's preferences file through the host.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Preferences…' }).click();
    const preferences = page.getByRole('dialog', { name: 'Preferences' });
    await preferences.getByLabel('Your name').fill('Ana Ruiz');
    await preferences.getByRole('button', { name: 'Save preferences' }).click();
    await expect(preferences).toBeHidden();
    expect(JSON.parse(fs.readFileSync(path.join(temp.dir, 'preferences.json'), 'utf8'))).toEqual({ analystName: 'Ana Ruiz' });
    expect(apiRequests).toEqual([]);

    // Calls from any other frame are refused.
    expect(await handlers.get('gainsay:invoke')!({ senderFrame: { url: 'https://example.org/' } }, 'actors.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handlers.get('gainsay:export')!(fromWindow, { format: 'exe' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  } finally {
    await server.close();
    backend.close();
    temp.remove();
  }
});
