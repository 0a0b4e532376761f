import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, screenshot, select, test } from './fixtures';

// A fictional report; 2025-05-14, its date, is a Wednesday.
const TITLE = 'Harbour talks stall as ministry denies blockade';
const ARTICLE = [
  TITLE,
  'VELMORA (Northern Wire) — The harbour will reopen within days, said Harbour Ministry spokesman Oren Talvik on Tuesday.',
  'Oren Talvik later met reporters at the quay. “No ship has been turned away,” he said.',
  'The blockade is a fiction, Nordpress cited Deputy Minister Ilse Marrow as saying.',
  'Fishing crews have waited for a week, according to the Velmora Daily agency.',
  'Marrow told Interfax that the quay would be cleared by Friday.',
].join('\n\n');
const ARTICLE_DATE = '2025-05-14';

/** Counts what an analyst does: each selection, key press, click or typed entry is one action. */
class Actions {
  count = 0;
  async do<T>(action: () => Promise<T>): Promise<T> {
    this.count++;
    return action();
  }
}

/** Pastes the article, dates it, registers the ministry's spokesman, and opens it. */
async function openArticle(page: Page): Promise<string> {
  await pasteArticle(page, ARTICLE);
  const [summary] = await invoke(page, 'articles.list', {});
  const article = await invoke(page, 'articles.get', { id: summary.id });
  await invoke(page, 'articles.update', { id: article.id, meta: { title: article.title, outlet: 'Northern Wire', author: '', publishedAt: ARTICLE_DATE, url: '', language: 'en' } });
  await invoke(page, 'actors.create', { name: 'Oren Talvik', kind: 'person', role: 'Harbour Ministry spokesman' });
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Interfax');
  return article.id;
}

/** Selects `quote` and waits until the page has taken the selection (selectionchange is asynchronous). */
async function selectQuote(page: Page, quote: string): Promise<void> {
  await select(page, quote);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(quote).length} characters`);
}

function claimsPanel(page: Page) {
  return page.getByRole('complementary', { name: /Claims/ });
}

test('a claim in three actions: select, C, Enter, with speaker, channel and date filled in from the sentence and each reason shown', async ({ page, app }) => {
  const articleId = await openArticle(page);
  const panel = claimsPanel(page);
  const items = panel.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  const perClaim: number[] = [];

  // "…, said Harbour Ministry spokesman Oren Talvik on Tuesday": a registered actor, dated the day before the article.
  let actions = new Actions();
  await actions.do(() => selectQuote(page, 'The harbour will reopen within days'));
  await actions.do(() => page.keyboard.press('c'));
  let editor = panel.getByRole('form', { name: 'Tag as claim' });
  const claimedBy = editor.getByRole('combobox', { name: 'Claimed by' });
  await expect(claimedBy).toHaveValue('Oren Talvik');
  await expect(claimedBy).toBeFocused();
  await expect(claimedBy).toHaveAccessibleDescription('speaker from ‘said Harbour Ministry spokesman Oren Talvik’');
  await expect(editor.getByText('New actor')).toHaveCount(0);
  const date = editor.getByRole('textbox', { name: /Date the claim was made/ });
  await expect(date).toHaveValue('2025-05-13');
  await expect(date).toHaveAccessibleDescription(`date from ‘on Tuesday’, counted from the article’s date ${ARTICLE_DATE}`);
  await actions.do(() => page.keyboard.press('Enter'));
  await expect(items.first()).toContainText('Oren Talvik');
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  perClaim.push(actions.count);

  // A quotation followed by "he said", after the speaker is named in the paragraph.
  actions = new Actions();
  await actions.do(() => selectQuote(page, '“No ship has been turned away,”'));
  await actions.do(() => page.keyboard.press('c'));
  editor = panel.getByRole('form', { name: 'Tag as claim' });
  await expect(editor.getByRole('combobox', { name: 'Claimed by' })).toHaveValue('Oren Talvik');
  await expect(editor.getByRole('combobox', { name: 'Claimed by' })).toHaveAccessibleDescription('speaker from ‘he said’ (“he” read as Oren Talvik)');
  await expect(editor.getByRole('textbox', { name: /Date the claim was made/ })).toHaveValue(ARTICLE_DATE);
  await actions.do(() => page.keyboard.press('Enter'));
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  perClaim.push(actions.count);

  // "Nordpress cited Deputy Minister Ilse Marrow as saying": a new person, through a new outlet.
  actions = new Actions();
  await actions.do(() => selectQuote(page, 'The blockade is a fiction'));
  await actions.do(() => page.keyboard.press('c'));
  editor = panel.getByRole('form', { name: 'Tag as claim' });
  await expect(editor.getByRole('combobox', { name: 'Claimed by' })).toHaveValue('Ilse Marrow');
  await expect(editor.getByText('New actor: Ilse Marrow (person)')).toBeVisible();
  const via = editor.getByRole('combobox', { name: 'Reported via (optional)' });
  await expect(via).toHaveValue('Nordpress');
  await expect(via).toHaveAccessibleDescription('channel from ‘Nordpress cited’');
  await expect(editor.getByText('New actor: Nordpress (media outlet)')).toBeVisible();
  await actions.do(() => page.keyboard.press('Enter'));
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  perClaim.push(actions.count);

  const claims = (await invoke(page, 'highlights.list', { articleId })).map((h: any) => ({
    quote: h.preview,
    actor: h.claim?.actor.name,
    via: h.claim?.via?.name ?? null,
    claimedOn: h.claim?.claimedOn,
  }));
  expect(claims).toEqual([
    { quote: 'The harbour will reopen within days', actor: 'Oren Talvik', via: null, claimedOn: '2025-05-13' },
    { quote: '“No ship has been turned away,”', actor: 'Oren Talvik', via: null, claimedOn: ARTICLE_DATE },
    { quote: 'The blockade is a fiction', actor: 'Ilse Marrow', via: 'Nordpress', claimedOn: ARTICLE_DATE },
  ]);
  const kinds = Object.fromEntries((await invoke(page, 'actors.list', {})).map((a: any) => [a.name, a.kind]));
  expect(kinds).toEqual({ 'Oren Talvik': 'person', 'Ilse Marrow': 'person', Nordpress: 'outlet' });

  // A link from the selected claim: Contradicts…, type words of the other claim, Enter, link.
  actions = new Actions();
  await actions.do(() => panel.getByRole('button', { name: 'Contradicts…' }).click());
  const dialog = page.getByRole('dialog', { name: 'Contradicts…' });
  await actions.do(() => dialog.getByRole('combobox', { name: 'Find the other claim' }).fill('harbour will reopen'));
  await expect(dialog.getByRole('option').first()).toContainText('Oren Talvik');
  await actions.do(() => page.keyboard.press('Enter'));
  await actions.do(() => dialog.getByRole('button', { name: 'Link as contradicting' }).click());
  await expect(dialog).toBeHidden();
  const perLink = actions.count;
  expect(await invoke(page, 'links.forArticle', { articleId })).toHaveLength(1);

  console.log(`actions per claim (the sentence names its speaker): ${perClaim.join(', ')}; actions per link: ${perLink}`);
  test.info().annotations.push({ type: 'actions per claim', description: perClaim.join(', ') }, { type: 'actions per link', description: String(perLink) });
  expect(Math.max(...perClaim)).toBeLessThanOrEqual(3);
  expect(perLink).toBeLessThanOrEqual(4);
  expect(app.problems).toEqual([]);
});

test('a new actor’s kind is guessed from the name and stays editable; an agency as the only source is the channel', async ({ page, app }) => {
  const articleId = await openArticle(page);
  const panel = claimsPanel(page);

  // "according to the Velmora Daily agency": the agency is the channel; nobody is named as the speaker.
  await selectQuote(page, 'Fishing crews have waited for a week');
  await page.keyboard.press('c');
  const editor = panel.getByRole('form', { name: 'Tag as claim' });
  const claimedBy = editor.getByRole('combobox', { name: 'Claimed by' });
  await expect(claimedBy).toHaveValue('');
  await expect(editor.getByRole('combobox', { name: 'Reported via (optional)' })).toHaveValue('Velmora Daily');
  await expect(editor.getByText('New actor: Velmora Daily (media outlet)')).toBeVisible();

  // Enter with nobody named: one clear message, nothing saved.
  await claimedBy.press('Enter');
  await expect(editor.getByText('Type who made the claim in “Claimed by”.')).toBeVisible();
  expect((await invoke(page, 'highlights.list', { articleId }))[0].claim).toBeNull();

  // A typed name gets its kind guessed, shown inline; the analyst changes it; Enter picks, Enter saves.
  await claimedBy.fill('Velmora Fishing Association');
  await expect(editor.getByText('New actor: Velmora Fishing Association (organisation)')).toBeVisible();
  await claimedBy.fill('Norway');
  await expect(editor.getByText('New actor: Norway (country)')).toBeVisible();
  await claimedBy.fill('Velmora Fishing Crews');
  await expect(editor.getByText('New actor: Velmora Fishing Crews (person)')).toBeVisible();
  await editor.getByLabel('Kind of new actor (speaker)').selectOption('other');
  await expect(editor.getByText('New actor: Velmora Fishing Crews (other)')).toBeVisible();
  await expect(editor.getByRole('option', { name: 'Create new actor “Velmora Fishing Crews”' })).toBeVisible();
  await claimedBy.press('Enter');
  await expect(editor.getByRole('listbox', { name: 'Claimed by suggestions' })).toHaveCount(0);
  await claimedBy.press('Enter');
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  const kinds = Object.fromEntries((await invoke(page, 'actors.list', {})).map((a: any) => [a.name, a.kind]));
  expect(kinds).toMatchObject({ 'Velmora Fishing Crews': 'other', 'Velmora Daily': 'outlet' });
  expect(app.problems).toEqual([]);
});

test('a name filled in from the sentence while the analyst is already in the field is selected, so what they type replaces it', async ({ page, app }) => {
  await openArticle(page);
  const panel = claimsPanel(page);
  // The sentence's reading answers late: after the editor opened with the focus in "Claimed by".
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/invoke', async (route) => {
    if (route.request().postDataJSON()?.method === 'suggestions.prefill') await held;
    await route.continue();
  });
  await selectQuote(page, 'The blockade is a fiction');
  await page.keyboard.press('c');
  const editor = panel.getByRole('form', { name: 'Tag as claim' });
  const claimedBy = editor.getByRole('combobox', { name: 'Claimed by' });
  await expect(claimedBy).toBeFocused();
  await expect(claimedBy).toHaveValue('');

  release();
  await expect(claimedBy).toHaveValue('Ilse Marrow');
  await expect(claimedBy).toBeFocused();
  // The analyst meant someone else: typing replaces the name filled in, not runs on from it.
  await page.keyboard.type('Oren');
  await expect(claimedBy).toHaveValue('Oren');
  await editor.getByRole('option', { name: 'Oren Talvik' }).click();
  await expect(claimedBy).toHaveValue('Oren Talvik');
  await page.unroute('**/api/invoke');
  await editor.getByRole('button', { name: 'Save as claim' }).click();
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  await expect(panel.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option').first()).toContainText('Oren Talvik');
  expect(app.problems).toEqual([]);
});

test('the date: the article’s, never a day named inside the claim; a wrongly written date gets one message and saves nothing', async ({ page, app }) => {
  const articleId = await openArticle(page);
  const panel = claimsPanel(page);
  await selectQuote(page, 'the quay would be cleared by Friday');
  await page.keyboard.press('c');
  const editor = panel.getByRole('form', { name: 'Tag as claim' });
  // "Marrow" alone, after "Deputy Minister Ilse Marrow" earlier in the article.
  await expect(editor.getByRole('combobox', { name: 'Claimed by' })).toHaveValue('Ilse Marrow');
  await expect(editor.getByRole('combobox', { name: 'Claimed by' })).toHaveAccessibleDescription('speaker from ‘Marrow told’ (“Marrow” read as Ilse Marrow)');
  await expect(editor.getByRole('combobox', { name: 'Reported via (optional)' })).toHaveAccessibleDescription('channel from ‘told Interfax’');
  const date = editor.getByRole('textbox', { name: /Date the claim was made/ });
  await expect(date).toHaveValue(ARTICLE_DATE);
  await expect(date).toHaveAccessibleDescription('the article’s date');

  await date.fill('14/05/2025');
  await date.press('Control+Enter');
  await expect(editor.getByText('Write the date the claim was made as YYYY-MM-DD, e.g. 2025-05-14, or leave it empty.')).toBeVisible();
  expect((await invoke(page, 'highlights.list', { articleId }))[0].claim).toBeNull();
  await date.fill('2025-05-12');
  await expect(date).not.toHaveAttribute('aria-describedby');
  // Ctrl+Enter saves from anywhere in the view, here after a click back on the article's headline.
  await page.locator('.article-headline').click();
  await page.keyboard.press('Control+Enter');
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  expect((await invoke(page, 'highlights.list', { articleId }))[0].claim.claimedOn).toBe('2025-05-12');
  expect(app.problems).toEqual([]);
});

test('keyboard: Tab from the date goes to the note, Ctrl+Enter saves from the note, ? lists every shortcut and Escape closes it', async ({ page, app }) => {
  const articleId = await openArticle(page);
  const panel = claimsPanel(page);
  await selectQuote(page, 'The blockade is a fiction');
  await page.keyboard.press('c');
  const editor = panel.getByRole('form', { name: 'Tag as claim' });
  await expect(editor.getByRole('combobox', { name: 'Claimed by' })).toHaveValue('Ilse Marrow');

  // Tab through the form: Claimed by → (its kind) → Reported via → (its kind) → tags → date → note.
  const order: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? (document.activeElement as HTMLElement).closest('label')?.textContent?.trim() ?? ''));
  }
  expect(order).toEqual(['Kind of new actor (speaker)PersonGovernment bodyCountryOrganisationMedia outletOther', 'Reported via (optional)', 'Kind of new actor (channel)PersonGovernment bodyCountryOrganisationMedia outletOther', 'Tags (separate with commas)', 'Date the claim was made (YYYY-MM-DD)', 'Note']);
  await page.keyboard.type('Said twice on the same day.');
  await page.keyboard.press('Control+Enter');
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  expect((await invoke(page, 'highlights.list', { articleId }))[0].claim.noteText).toBe('Said twice on the same day.');

  // ? outside a field opens the sheet; inside a field it is just typed.
  await page.getByRole('heading', { name: TITLE }).focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const reading = sheet.getByRole('region', { name: 'Reading an article' });
  await expect(reading.getByText('H', { exact: true })).toBeVisible();
  await expect(reading.getByText('C', { exact: true })).toBeVisible();
  const recording = sheet.getByRole('region', { name: 'Recording a claim' });
  await expect(recording.getByText('Enter in “Claimed by”', { exact: true })).toBeVisible();
  await expect(recording.getByText('Ctrl+Enter (⌘Enter)', { exact: true })).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'Review list and candidates' }).getByText('Open the later source')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.getByRole('button', { name: 'Shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();

  // The review list says in words what 1 and 2 do.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByText(/1 open the earlier source · 2 open the later source/)).toBeVisible();
  await expect(page.getByText('1/2 open')).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('a highlight never starts or ends on a space or a line break', async ({ page, app }) => {
  const articleId = await openArticle(page);
  // Drag from just before "said" to the start of the next paragraph: a space before, a line break after.
  await page.evaluate(() => {
    const paragraphs = Array.from(document.querySelectorAll('.article-text p'));
    const first = paragraphs.find((p) => p.textContent!.includes('said Harbour'))!;
    const next = paragraphs[paragraphs.indexOf(first) + 1]!;
    const from = document.createTreeWalker(first, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const to = document.createTreeWalker(next, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const range = document.createRange();
    range.setStart(from, from.data.indexOf(' said Harbour'));
    range.setEnd(to, 0);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await expect(page.getByTestId('selection-status')).toContainText('Selected');
  await page.keyboard.press('h');
  await expect(claimsPanel(page).getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option')).toHaveCount(1);
  // Listed at once, it is opened in the editor once the backend has saved it.
  await expect(claimsPanel(page).getByRole('region', { name: 'Selected highlight' })).toBeVisible();
  const [highlight] = await invoke(page, 'highlights.list', { articleId });
  expect(highlight.preview).toBe('said Harbour Ministry spokesman Oren Talvik on Tuesday.');
  expect(app.problems).toEqual([]);
});

test('the claim editor is roomy, and the linking bar covers no text and doubles no quotation marks', async ({ page, app }) => {
  await openArticle(page);
  const panel = claimsPanel(page);
  await selectQuote(page, '“No ship has been turned away,”');
  await page.keyboard.press('c');
  await expect(panel.getByRole('combobox', { name: 'Claimed by' })).toHaveValue('Oren Talvik');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();

  // The selected claim is not a small box of its own that scrolls: its links' buttons are in view.
  const selected = panel.getByRole('region', { name: 'Selected highlight' });
  expect(await selected.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  await expect(panel.getByRole('button', { name: 'Contradicts…' })).toBeInViewport();
  await expect(panel.getByRole('button', { name: 'Corroborates…' })).toBeInViewport();

  await panel.getByRole('button', { name: 'Choose for linking' }).click();
  const bar = page.getByRole('complementary', { name: 'Claims chosen for linking' });
  await expect(bar).toContainText('Oren Talvik “No ship has been turned away,”');
  await expect(bar).not.toContainText('““');
  // Scrolled to the end, the article's last line stays clear of the bar.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = await page.locator('.article-text p').last().boundingBox();
  const barBox = await bar.boundingBox();
  expect(last!.y + last!.height).toBeLessThanOrEqual(barBox!.y);
  await screenshot(page, 'claim-editor-and-link-bar');
  expect(app.problems).toEqual([]);
});

test('screenshot: the reading view with a claim being recorded', async ({ page, app }) => {
  await openArticle(page);
  await selectQuote(page, 'The harbour will reopen within days');
  await page.keyboard.press('h');
  await selectQuote(page, 'The blockade is a fiction');
  await page.keyboard.press('c');
  await expect(claimsPanel(page).getByRole('combobox', { name: 'Reported via (optional)' })).toHaveValue('Nordpress');
  // The claim's sentence in view, as the analyst reads it while recording.
  await page.locator('.article-text p', { hasText: 'The blockade is a fiction' }).evaluate((p) => p.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'claim-being-recorded');
  expect(app.problems).toEqual([]);
});
