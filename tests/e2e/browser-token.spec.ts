import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, invoke, test } from './fixtures';

interface Recorded {
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** Another web server on 127.0.0.1 (another port), recording every request it receives. */
async function recordingServer(): Promise<{ origin: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Another local server</title><p>Hello</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('the access token never reaches another server on 127.0.0.1, and leaves the address bar', async ({ page, app }) => {
  const token = new URL(app.url).searchParams.get('token')!;
  const other = await recordingServer();
  try {
    // The app at work: the library loads, a change is made and seen, an export is downloaded,
    // the change stream is open; then a reload, which must keep the page authorised.
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    expect(page.url()).not.toContain(token);
    await invoke(page, 'actors.create', { name: 'Dmitri Pelkov', kind: 'person' });
    await page.reload();
    expect(page.url()).not.toContain(token);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the project' });
    await dialog.getByRole('radio', { name: /Gainsay project JSON/ }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const exported = JSON.parse(fs.readFileSync((await (await download).path())!, 'utf8'));
    expect(exported.actors.map((a: { name: string }) => a.name)).toEqual(['Dmitri Pelkov']);
    expect(await page.context().cookies()).toEqual([]);

    // The page, then another tab of the same browser, go to the other server.
    await page.goto(`${other.origin}/from-the-app-tab`);
    const tab = await page.context().newPage();
    await tab.goto(`${other.origin}/from-another-tab`);
    expect(other.requests.map((r) => r.url)).toEqual(expect.arrayContaining(['/from-the-app-tab', '/from-another-tab']));
    for (const request of other.requests) {
      expect(JSON.stringify(request), request.url).not.toContain(token);
      expect(request.headers.cookie, request.url).toBeUndefined();
    }

    // The check can fail: a cookie for 127.0.0.1, as the token cookie was, reaches the other port.
    await page.context().addCookies([{ name: 'probe', value: 'sent-to-every-port', domain: '127.0.0.1', path: '/' }]);
    await tab.goto(`${other.origin}/after-a-cookie`);
    expect(other.requests.at(-1)!.headers.cookie).toContain('sent-to-every-port');
  } finally {
    await other.close();
  }
  expect(app.problems).toEqual([]);
});
