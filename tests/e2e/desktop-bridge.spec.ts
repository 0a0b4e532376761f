import { expect, test } from './fixtures';

/**
 * The renderer as the desktop window runs it: with the preload's `window.gainsay` bridge present
 * (here a stand-in that forwards calls to the backend the way the desktop shell does, and records
 * exports), every call goes through the bridge and the Export… dialog asks the shell to export
 * instead of fetching a URL, which the desktop's app:// protocol does not serve.
 */
test('in the desktop window, Export… goes through the shell, and the page fetches no API URL', async ({ context, app }) => {
  // A page of its own, opened with the bridge from its first script on.
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) fetched.push(new URL(request.url()).pathname);
  });
  await page.addInitScript(() => {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    const exports: unknown[] = [];
    (window as unknown as { exportsAsked: unknown[] }).exportsAsked = exports;
    // Calls reach the backend through a function the test exposes, as IPC would, not by fetch.
    const ipc = (window as unknown as { ipcInvoke: (token: string, method: string, input: unknown) => Promise<unknown> });
    (window as unknown as { gainsay: unknown }).gainsay = {
      invoke: (method: string, input: unknown) => ipc.ipcInvoke(token, method, input),
      onChanged: () => {},
      exportProject: async (request: unknown) => {
        exports.push(request);
        return { ok: true, value: { name: '/home/analyst/Ceasefire monitoring.qdpx', notice: null } };
      },
    };
  });
  await page.exposeFunction('ipcInvoke', async (token: string, method: string, input: unknown) => {
    const reply = await fetch(new URL('/api/invoke', app.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token },
      body: JSON.stringify({ method, input }),
    });
    return reply.json();
  });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Ceasefire monitoring' })).toBeVisible();

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the project' });
  await dialog.getByRole('radio', { name: /REFI-QDA/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved /home/analyst/Ceasefire monitoring.qdpx.');
  expect(await page.evaluate(() => (window as unknown as { exportsAsked: unknown[] }).exportsAsked)).toEqual([{ format: 'refi', bom: false }]);
  expect(fetched).toEqual([]);
  expect(problems).toEqual([]);
});
