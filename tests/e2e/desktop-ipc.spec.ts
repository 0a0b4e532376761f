import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Backend } from '../../electron/backend/backend';
import { APP_ORIGIN } from '../../electron/main/guards';
import { registerIpcHost, type DialogLike } from '../../electron/main/ipc-host';
import { startServer } from '../../electron/server/server';
import { ROOT } from '../helpers/cli';
import { exportOverHttp } from '../helpers/http-export';
import { tempDir } from '../helpers/temp';

const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

type Listener = (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown;
/** The window's own frame, as Electron reports it to the host. */
const FROM_WINDOW = { senderFrame: { url: `${APP_ORIGIN}/index.html` } };

/**
 * Opens the real renderer as the desktop window: its calls go through a preload-like bridge to
 * the IPC host registered with `dialog` (and the host's job events come back the same way).
 * Returns the host's channel handlers, the server that serves the renderer's files, the API
 * requests the page made (none should be: the window has the bridge), and the methods it invoked.
 */
async function desktopWindow(page: Page, backend: Backend, dialog: DialogLike): Promise<{ handlers: Map<string, Listener>; server: Awaited<ReturnType<typeof startServer>>; apiRequests: string[]; invoked: string[] }> {
  const server = await startServer({ backend, staticDir: RENDERER_DIR });
  const handlers = new Map<string, Listener>();
  registerIpcHost({
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
    dialog,
    backend: () => backend,
    // webContents.send: into the page, as the preload's ipcRenderer.on would pass it on.
    send: (channel, payload) => void page.evaluate(([c, p]) => (window as unknown as { ipcReceive: (c: string, p: unknown) => void }).ipcReceive(c, p), [channel, payload] as const).catch(() => undefined),
    changed: () => {},
  });
  const invoked: string[] = [];
  await page.exposeFunction('ipcSend', (channel: string, args: unknown[]) => {
    if (channel === 'gainsay:invoke') invoked.push(args[0] as string);
    return handlers.get(channel)!(FROM_WINDOW, ...args);
  });
  await page.addInitScript(() => {
    const send = (window as unknown as { ipcSend: (channel: string, args: unknown[]) => Promise<unknown> }).ipcSend;
    const listeners: Record<string, Array<(payload: unknown) => void>> = {};
    const on = (channel: string) => (listener: (payload: unknown) => void) => void (listeners[channel] ??= []).push(listener);
    (window as unknown as { ipcReceive: unknown }).ipcReceive = (channel: string, payload: unknown) => listeners[channel]?.forEach((listener) => listener(payload));
    (window as unknown as { gainsay: unknown }).gainsay = {
      invoke: (method: string, input: unknown) => send('gainsay:invoke', [method, input]),
      onChanged: on('gainsay:changed'),
      onJob: on('gainsay:job'),
      onCommand: on('gainsay:command'),
    };
  });
  const apiRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request.url());
  });
  await page.goto(server.url.replace(/\?token=.*/, ''));
  return { handlers, server, apiRequests, invoked };
}

/**
 * The desktop shell's IPC host (electron/main/ipc-host.ts), run here in Node with stand-ins for
 * Electron's ipcMain, its open and save dialogs and webContents.send: the real renderer, given a
 * preload-like bridge whose calls reach that host through an in-process channel (and whose job
 * events come back the same way), imports and exports as the desktop window does. The HTTP
 * server only serves the renderer's files here (and, for comparison, browser mode's export).
 */
test('the desktop IPC host: the window imports and exports through it, and the export equals browser mode’s', async ({ page }) => {
  const temp = tempDir('gainsay-ipc-');
  // The app's data folder is the temp folder here, so the analyst's name set below stays in the test.
  const backend = Backend.open(path.join(temp.dir, 'Ceasefire monitoring.gainsay'), { preferencesFile: path.join(temp.dir, 'preferences.json') });
  const chosen = path.join(temp.dir, 'chosen in the save dialog.json');
  const asked: string[] = [];
  const article = path.join(temp.dir, 'northern-wire.txt');
  fs.writeFileSync(article, 'Monitors to arrive “within weeks”\n\nNORTHERN WIRE — The foreign minister said on Tuesday that foreign troops would join the mission.\n');
  const { handlers, server, apiRequests, invoked } = await desktopWindow(page, backend, {
    showSaveDialog: async (options) => {
      asked.push(options.title);
      return { canceled: false, filePath: chosen };
    },
    showOpenDialog: async (options) => {
      asked.push(`${options.title} (${options.properties.join(', ')})`);
      return { canceled: false, filePaths: [article] };
    },
  });
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'Ceasefire monitoring' })).toBeVisible();

    // Import files…: the host's open dialog, then an import job whose progress and outcome the window shows.
    await page.getByRole('button', { name: 'Import files…' }).click();
    const jobs = page.getByRole('region', { name: 'Jobs' });
    await expect(jobs.getByRole('status')).toHaveText('1 imported, 0 skipped as duplicates, 0 refused.');
    await expect(jobs.getByRole('list', { name: 'Import results' })).toContainText(article);
    await expect(page.getByRole('link', { name: 'Monitors to arrive “within weeks”' })).toBeVisible();
    expect(asked).toEqual(['Import into the project (openFile, multiSelections)']);
    await jobs.getByRole('button', { name: 'Dismiss' }).click();
    await expect(jobs).toHaveCount(0);

    // The reading view opens the article with the one read it asks for as the address changes.
    await page.getByRole('link', { name: 'Monitors to arrive “within weeks”' }).click();
    await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('NORTHERN WIRE — The foreign minister said');
    await expect(page.locator('#claims-heading')).toContainText('0 of 0 highlights');
    expect(invoked.filter((method) => method === 'articles.open')).toHaveLength(1);
    await page.getByRole('link', { name: '← Library' }).click();

    // Export… from the window: the host shows the save dialog and writes where it was told.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the project' });
    await dialog.getByRole('radio', { name: /Gainsay project JSON/ }).check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(`Saved to ${chosen}.`);
    expect(asked.slice(1)).toEqual(['Export as Gainsay project JSON (.json)']);
    expect(apiRequests).toEqual([]);

    // The same export as browser mode makes it, but for the moment it was made.
    const fromBrowserMode = JSON.parse((await exportOverHttp(new URL(server.url).origin, server.token, 'json')).bytes.toString('utf8')) as Record<string, unknown>;
    const fromDesktop = JSON.parse(fs.readFileSync(chosen, 'utf8')) as Record<string, unknown>;
    delete fromBrowserMode.exportedAt;
    delete fromDesktop.exportedAt;
    expect(fromDesktop).toEqual(fromBrowserMode);
    expect((fromDesktop.articles as unknown[]).length).toBe(1);

    // The article the desktop's import made is the one browser mode makes of the same file.
    const other = Backend.open(path.join(temp.dir, 'Browser mode.gainsay'));
    const otherServer = await startServer({ backend: other, staticDir: RENDERER_DIR });
    try {
      const headers = { 'Content-Type': 'application/json', 'X-Gainsay-Token': otherServer.token };
      const imported = await fetch(new URL('/api/invoke', otherServer.url), {
        method: 'POST',
        headers,
        body: JSON.stringify({ method: 'articles.importFile', input: { name: path.basename(article), dataBase64: fs.readFileSync(article).toString('base64') } }),
      });
      expect(await imported.json()).toMatchObject({ ok: true, value: { status: 'imported' } });
      const viaBrowser = JSON.parse((await exportOverHttp(new URL(otherServer.url).origin, otherServer.token, 'json')).bytes.toString('utf8')) as { articles: Array<Record<string, unknown>> };
      const comparable = (a: Record<string, unknown>) => ({ ...a, id: undefined, createdAt: undefined, updatedAt: undefined });
      expect(viaBrowser.articles.map(comparable)).toEqual((fromDesktop.articles as Array<Record<string, unknown>>).map(comparable));
    } finally {
      await otherServer.close();
      other.close();
    }
    // Edit ▸ Preferences… in the desktop menu: the shell sends the window the command, as main.ts
    // does; the name reaches the desktop's preferences file through the host.
    await dialog.getByRole('button', { name: 'Close' }).click();
    const fromMenu = (command: string) => page.evaluate((c) => (window as unknown as { ipcReceive: (c: string, p: unknown) => void }).ipcReceive('gainsay:command', c), command);
    await fromMenu('shortcuts');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await fromMenu('preferences');
    const preferences = page.getByRole('dialog', { name: 'Preferences' });
    await preferences.getByLabel('Your name').fill('Ana Ruiz');
    await preferences.getByRole('button', { name: 'Save preferences' }).click();
    await expect(preferences).toBeHidden();
    expect(JSON.parse(fs.readFileSync(path.join(temp.dir, 'preferences.json'), 'utf8'))).toEqual({ analystName: 'Ana Ruiz' });
    expect(apiRequests).toEqual([]);

    // Calls from any other frame are refused.
    expect(await handlers.get('gainsay:invoke')!({ senderFrame: { url: 'https://example.org/' } }, 'actors.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handlers.get('gainsay:invoke')!(FROM_WINDOW, 'exports.start', { format: 'exe' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect([...handlers.keys()]).toEqual(['gainsay:invoke']);
  } finally {
    await server.close();
    backend.close();
    temp.remove();
  }
});

test('the desktop IPC host: File ▸ Import ▸ Annotations… opens the window’s dialog, which chooses the folder in the open dialog, previews it where it is, and imports it with the mapping set in the window', async ({ page }) => {
  const temp = tempDir('gainsay-ipc-annotations-');
  const backend = Backend.open(path.join(temp.dir, 'Harbour.gainsay'), { preferencesFile: path.join(temp.dir, 'preferences.json') });
  const folder = path.join(ROOT, 'tests', 'fixtures', 'annotation-import', 'brat');
  const asked: string[] = [];
  const { server, apiRequests } = await desktopWindow(page, backend, {
    showSaveDialog: async () => ({ canceled: true }),
    showOpenDialog: async (options) => {
      asked.push(`${options.title} (${options.properties.join(', ')})`);
      return { canceled: false, filePaths: [folder] };
    },
  });
  try {
    // File ▸ Import ▸ Annotations…: the shell asks the window (webContents.send) to open its dialog, wherever the window is.
    await page.getByRole('link', { name: 'Claims' }).click();
    await page.evaluate(() => (window as unknown as { ipcReceive: (c: string, p: unknown) => void }).ipcReceive('gainsay:command', 'import-annotations'));
    const dialog = page.getByRole('dialog', { name: 'Import annotations' });
    await dialog.getByRole('button', { name: 'Choose a folder…' }).click();
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText(`${folder}: brat standoff, 2 documents`);
    expect(asked).toEqual(['Import into the project (openDirectory)']);
    await preview.getByLabel('Attribution: the role that is the claim').selectOption('Content');
    await preview.getByLabel('Attribution: the role that names the actor').selectOption('Source');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('added 2 articles');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('count-claims')).toHaveText('6');
    // The folder was read where it is, through the IPC host only.
    expect(apiRequests).toEqual([]);
    expect(fs.readdirSync(folder).sort()).toEqual(['ferry-fares.ann', 'ferry-fares.txt', 'harbour-cranes.ann', 'harbour-cranes.txt']);
  } finally {
    await server.close();
    backend.close();
    temp.remove();
  }
});
