import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { CLI, startProcess, type RunningProcess } from '../helpers/cli';
import { select } from '../helpers/select-text';
import { tempDir } from '../helpers/temp';

export interface AppFixture {
  /** The project file behind this test's app. */
  projectFile: string;
  url: string;
  server: RunningProcess;
  /** Content-Security-Policy violations and page errors seen so far. */
  problems: string[];
}

/** Each test gets `gainsay serve` on a fresh project file, and a page already opened on it. */
export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const temp = tempDir('gainsay-e2e-');
    const projectFile = path.join(temp.dir, 'Ceasefire monitoring.gainsay');
    const server = await startProcess(CLI, ['serve', '--project', projectFile]);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(server.url);
    await use({ projectFile, url: server.url, server, problems });
    await server.stop();
    temp.remove();
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('screenshots', `${name}.png`), fullPage: false });
}

/** Calls a backend method from the page, as the renderer does (for setting up a test's data). */
export function invoke<T = any>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input }) => {
      const token = sessionStorage.getItem('gainsay.token')!;
      const response = await fetch('api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token }, body: JSON.stringify({ method, input }) });
      const result = await response.json();
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    { method, input },
  );
}

/**
 * The text under every range of the CSS highlights whose names match `names`, in document order.
 * The reading view paints with StaticRanges, which have no text of their own.
 */
export function highlightedTexts(page: Page, names: RegExp): Promise<Array<{ name: string; text: string }>> {
  return page.evaluate((source) => {
    const pattern = new RegExp(source);
    const found: Array<{ name: string; range: Range }> = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!pattern.test(name)) continue;
      for (const span of highlight as unknown as Set<AbstractRange>) {
        const range = document.createRange();
        range.setStart(span.startContainer, span.startOffset);
        range.setEnd(span.endContainer, span.endOffset);
        found.push({ name, range });
      }
    }
    found.sort((x, y) => x.range.compareBoundaryPoints(Range.START_TO_START, y.range));
    return found.map(({ name, range }) => ({ name, text: range.toString() }));
  }, names.source);
}

export { select };

/** Adds an article by Paste text…, as an analyst would, and waits for the dialog to close. */
export async function pasteArticle(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  await dialog.getByLabel('Article text').fill(text);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
}

/** Records a claim in an article as an analyst would: open it, select the quote, C, name the actor (and channel), Save. */
export async function recordClaim(page: Page, title: string, quote: string, actor: string, via?: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText(quote);
  await select(page, quote);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(quote).length} characters`);
  await page.keyboard.press('c');
  const editor = page.getByRole('form', { name: 'Tag as claim' });
  await editor.getByRole('combobox', { name: 'Claimed by' }).fill(actor);
  await editor.getByRole('option', { name: `Create new actor “${actor}”` }).click();
  if (via) {
    await editor.getByRole('combobox', { name: 'Reported via (optional)' }).fill(via);
    await editor.getByRole('option', { name: `Create new actor “${via}”` }).click();
  }
  await editor.getByRole('button', { name: 'Save as claim' }).click();
  await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
}
