import type { Page } from '@playwright/test';
import { CLI, startProcess, type RunningProcess } from '../helpers/cli';
import { NOTE_WITH_LINK, NOTE_WITH_LINK_TEXT, insertArticleRow, insertClaimRow, insertHighlightRow, writeRows } from '../helpers/hostile-rows';
import { expect, highlightedTexts, invoke, test, type AppFixture } from './fixtures';
import { REPORTS, seed } from './seed';

// A project file mailed by someone else is input: rows are written here straight into the file,
// as another tool could, and the app is opened on it afresh.

let reopened: RunningProcess | null = null;
test.afterEach(async () => {
  await reopened?.stop();
  reopened = null;
});

/** Stops the app, lets `write` change the project file directly, and opens the app on it again. */
async function rewriteFile(page: Page, app: AppFixture, write: Parameters<typeof writeRows>[1], options?: { ignoreChecks: boolean }) {
  await app.server.stop();
  writeRows(app.projectFile, write, options);
  reopened = await startProcess(CLI, ['serve', '--project', app.projectFile]);
  await page.goto(reopened.url);
  // What the page logged while set up through the first server (the set-up calls, the event stream
  // cut when it stopped) is not the reopened app's doing.
  app.problems.length = 0;
}

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

test('a claim note holding a node the note editor does not make opens as its plain text, read-only, and is kept when the claim is edited', async ({ page, app }) => {
  const { claimIds } = await seed(page, REPORTS.slice(0, 2), [{ article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' }, { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov' }], [[0, 1, 'contradicts', 'open', 'Same week.']]);
  await rewriteFile(page, app, (db) => {
    db.prepare('UPDATE claims SET note_json = ?, note_text = ? WHERE id = ?').run(NOTE_WITH_LINK, NOTE_WITH_LINK_TEXT, claimIds[0]);
    db.prepare('UPDATE links SET rationale_json = ?, rationale_text = ?').run(NOTE_WITH_LINK, NOTE_WITH_LINK_TEXT);
  });

  await page.getByRole('link', { name: 'Foreign troops to join monitors, minister says' }).click();
  await expect(page.getByRole('heading', { name: 'Foreign troops to join monitors, minister says' })).toBeVisible();
  const panel = page.getByRole('complementary', { name: /Claims/ });
  await panel.getByRole('option').filter({ hasText: 'İlham Qadirov' }).click();
  const editor = page.getByRole('form', { name: 'Edit claim' });
  const note = editor.getByRole('document', { name: 'Note' });
  await expect(note).toHaveText(NOTE_WITH_LINK_TEXT);
  await expect(note).toHaveAccessibleDescription(/Shown as plain text/);
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveCount(0);

  // Saving the claim's other fields leaves the note as the file has it.
  await editor.getByLabel('Tags (separate with commas)').fill('troops');
  await editor.getByRole('button', { name: 'Save claim' }).click();
  await expect(panel.getByRole('option').filter({ hasText: 'İlham Qadirov' })).toContainText('troops');
  await page.reload();
  await panel.getByRole('option').filter({ hasText: 'İlham Qadirov' }).click();
  await expect(note).toHaveText(NOTE_WITH_LINK_TEXT);
  await expect(panel.getByRole('option').filter({ hasText: 'İlham Qadirov' })).toContainText('troops');

  // The analyst may rewrite it from its text instead.
  await editor.getByRole('button', { name: 'Edit as plain text' }).click();
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveText(NOTE_WITH_LINK_TEXT);

  // The link's rationale too: the review list shows its text, and its editor shows it as plain text.
  await views(page).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('listbox', { name: 'Contradictions' })).toBeVisible();
  await expect(page.getByText(NOTE_WITH_LINK_TEXT)).toBeVisible();
  await page.getByRole('listbox', { name: 'Contradictions' }).focus();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: /Rationale/ });
  await expect(dialog.getByRole('document', { name: 'Rationale' })).toHaveText(NOTE_WITH_LINK_TEXT);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(app.problems).toEqual([]);
});

test('whatever the note editor makes (formats, line breaks, paragraphs, pasted rich text) saves and opens in the editor again', async ({ page, app }) => {
  await seed(page, REPORTS.slice(0, 1), [{ article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' }], []);
  await page.reload();
  await page.getByRole('link', { name: 'Foreign troops to join monitors, minister says' }).click();
  const panel = page.getByRole('complementary', { name: /Claims/ });
  await panel.getByRole('option').filter({ hasText: 'İlham Qadirov' }).click();
  const editor = page.getByRole('form', { name: 'Edit claim' });
  const note = editor.getByRole('textbox', { name: 'Note' });
  await note.click();
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Bold');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Control+i');
  await page.keyboard.type(' italic');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Control+u');
  await page.keyboard.type('underlined');
  await page.keyboard.press('Enter');
  // Rich text pasted from a web page: links, headings, lists, alignment, formats, tabs. (No style
  // attributes: Chromium reports each one it parses under the window's CSP; the unit test covers
  // the indent they can set.)
  await note.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/html', '<h1>Heading</h1><p align="right"><a href="https://example.org">a link</a> <b>red</b> <code>code</code> <s>gone</s> H<sub>2</sub>O <mark>marked</mark></p><ul><li>item</li></ul><pre>col\tcol</pre>');
    data.setData('text/plain', 'Heading a link red code gone H2O item col\tcol');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(note).toContainText('a link');
  await editor.getByRole('button', { name: 'Save claim' }).click();
  await expect(editor.getByText(/Invalid input|nothing was saved/)).toHaveCount(0);
  await page.reload();
  await panel.getByRole('option').filter({ hasText: 'İlham Qadirov' }).click();
  await expect(editor.getByRole('textbox', { name: 'Note' })).toContainText('Bold italic');
  await expect(editor.getByRole('textbox', { name: 'Note' })).toContainText('a link');
  await expect(editor.getByRole('document', { name: 'Note' })).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('a 20 MB title and a 50 MB article written into the file: the library lists in bounded time, the article says it is too large to open', async ({ page, app }) => {
  await seed(page, REPORTS.slice(0, 1), [], []);
  const huge = 50_000_000;
  await rewriteFile(page, app, (db) => {
    insertArticleRow(db, `Ceasefire ${'t'.repeat(20_000_000)}`, 'A short report on the ceasefire.');
    insertArticleRow(db, 'A very long report', 'x'.repeat(huge));
  });
  const started = Date.now();
  await expect(page.getByRole('link', { name: 'A very long report' })).toBeVisible();
  const listed = Date.now() - started;
  console.log(`library with a 20 MB title and a 50 MB article listed in ${listed} ms`);
  expect(listed).toBeLessThan(5000);
  const longTitle = page.getByRole('link', { name: /^Ceasefire t+…$/ });
  await expect(longTitle).toBeVisible();
  expect(Array.from((await longTitle.textContent())!).length).toBe(300);

  await page.getByRole('link', { name: 'A very long report' }).click();
  await expect(page.getByText(/This article is too large to open: its text is 50,000,000 characters/)).toBeVisible();
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await longTitle.click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveText('A short report on the ceasefire.');
});

test('highlights whose offsets are negative, past the end, 2^53 or reversed open without hanging, are listed as needing attention and painted nowhere', async ({ page, app }) => {
  const { articleIds, claimIds } = await seed(page, REPORTS.slice(0, 2), [{ article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' }, { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov' }], []);
  const spans: Array<[number | bigint, number | bigint, string]> = [
    [-5, 3, 'For'],
    [40, 2 ** 53, 'monitors'],
    [2 ** 53 - 1, 2 ** 53, 'x'],
    [2n ** 62n, 2n ** 63n - 1n, 'far'],
    [60, 20, 'reversed'],
    [30, 30, 'empty'],
  ];
  await rewriteFile(
    page,
    app,
    (db) => {
      const actor = db.prepare('SELECT actor_id FROM claims WHERE id = ?').pluck().get(claimIds[0]) as string;
      const bad = spans.map(([start, end, quote]) => insertClaimRow(db, insertHighlightRow(db, articleIds[0]!, start, end, quote), actor));
      // Each bad claim contradicts the good claim of the other article.
      for (const claim of bad) {
        const [a, b] = [claim, claimIds[1]!].sort();
        db.prepare("INSERT INTO links (id, claim_a, claim_b, kind, created_at, updated_at) VALUES (?, ?, ?, 'contradicts', '2026-03-07', '2026-03-07')").run(crypto.randomUUID(), a, b);
      }
    },
    { ignoreChecks: true },
  );

  await page.getByRole('link', { name: 'Foreign troops to join monitors, minister says' }).click();
  const panel = page.getByRole('complementary', { name: /Claims/ });
  const items = panel.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  await expect(items).toHaveCount(spans.length + 1);
  await expect(items.filter({ hasText: 'Needs attention' })).toHaveCount(spans.length);
  for (let i = 0; i < spans.length + 1; i++) {
    await items.nth(i).click();
    await expect(panel.getByRole('region', { name: 'Selected highlight' })).toBeVisible();
  }
  // Only the good claim is painted, over its own quote.
  const painted = (await highlightedTexts(page, /^gs-c/)).map(({ text }) => text);
  expect(painted).toEqual(['“foreign troops will join the ceasefire-monitoring mission within weeks”']);

  await panel.getByRole('link', { name: 'All claims by İlham Qadirov' }).click();
  await expect(page.getByRole('heading', { name: 'İlham Qadirov' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Claims by İlham Qadirov' }).getByText('reversed')).toBeVisible();

  await views(page).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByTestId('status-count-open')).toHaveText(String(spans.length));
  await expect(page.getByText('reversed')).toBeVisible();
  expect(app.problems).toEqual([]);
});

test('a view that cannot draw a record shows one line saying so, and the rest of the app keeps working', async ({ page, app }) => {
  await invoke(page, 'actors.create', { name: 'Dmitri Pelkov', kind: 'person' });
  // A record the Actors view cannot draw (no list of aliases), as a faulty or hostile backend could send.
  await page.route('**/api/invoke', async (route) => {
    const request = route.request().postDataJSON() as { method: string };
    if (request.method !== 'actors.list') return route.continue();
    const response = await route.fetch();
    const body = await response.json();
    body.value = body.value.map((actor: object) => ({ ...actor, aliases: null }));
    await route.fulfill({ response, json: body });
  });
  await views(page).getByRole('link', { name: 'Actors' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'Gainsay could not show the actors' });
  await expect(failure).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeEnabled();

  // Back where the analyst came from, and the other views still work.
  await failure.getByRole('button', { name: 'Go back' }).click();
  await expect(page.getByRole('button', { name: 'Paste text…' })).toBeVisible();
  await views(page).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: /Review|Contradictions/ }).first()).toBeVisible();
  await views(page).getByRole('link', { name: 'Actors' }).click();
  await expect(failure).toBeVisible();
  await page.unroute('**/api/invoke');
  await views(page).getByRole('link', { name: 'Library' }).click();
  await views(page).getByRole('link', { name: 'Actors' }).click();
  await expect(page.getByRole('link', { name: 'Dmitri Pelkov' })).toBeVisible();
});
