import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { Backend } from '../../../electron/backend/backend';
import { RENDERER_DIR } from '../../../electron/cli/serve';
import { startServer } from '../../../electron/server/server';
import type { ImportOutcome } from '../../../shared/domain';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { percentile, sampleAsync, type BenchRow } from '../harness';
import { select as selectText } from '../../helpers/select-text';
import { tempDir } from '../../helpers/temp';

const CLAIMS = 12;

/**
 * A fictional report of about 50 KB: paragraphs in which a named speaker says something, each
 * claim sentence naming its speaker as analysts meet it ("…, said X", "X said …", "“…,” he said").
 */
function report(): { text: string; quotes: string[] } {
  const speakers = ['Harbour Ministry spokesman Oren Talvik', 'Deputy Minister Ilse Marrow', 'port director Anselm Krey'];
  const paragraphs = ['Harbour talks stall as ministry denies blockade', 'VELMORA (Northern Wire) — Talks on the harbour stalled again this week.'];
  const quotes: string[] = [];
  for (let i = 0; paragraphs.join('\n\n').length < 50 * 1024; i++) {
    const speaker = speakers[i % speakers.length]!;
    const quote = `Berth ${i + 1} will reopen within ${(i % 9) + 2} days`;
    const surname = speaker.split(' ').pop()!;
    const forms = [`${quote}, said ${speaker} on Tuesday.`, `${speaker} met reporters at the quay. “${quote},” he said.`, `${surname} said ${quote.toLowerCase()}.`];
    paragraphs.push(`${forms[i % forms.length]} Crews on pier ${i + 1} waited through the night while the tugs stayed moored and the gates stayed shut.`);
    quotes.push(i % forms.length === 1 ? `“${quote},”` : i % forms.length === 2 ? quote.toLowerCase() : quote);
  }
  return { text: paragraphs.join('\n\n'), quotes };
}

/** Selects `quote` in the open article as a drag would, and waits until the page has taken it. */
async function select(page: Page, quote: string): Promise<void> {
  await selectText(page, quote);
  await page.getByTestId('selection-status').filter({ hasText: `Selected ${Array.from(quote).length} characters` }).waitFor();
}

/**
 * Claims recorded as an analyst records them, counting each action (a selection, a key, a click,
 * a typed entry), and the time from pressing C to the editor showing the speaker read from the
 * sentence; then links, counted the same way.
 */
export async function claimsBench(): Promise<BenchRow[]> {
  const temp = tempDir();
  const backend = Backend.open(path.join(temp.dir, 'claims.gainsay'));
  const server = await startServer({ backend, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const { text, quotes } = report();
    const pasted = await backend.invoke('articles.paste', { text, title: '' });
    const articleId = pasted.ok ? (pasted.value as ImportOutcome).articleId! : null;
    if (!articleId) throw new Error('could not add the article');
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(`${server.url}#/article/${articleId}`);
    const panel = page.getByRole('complementary', { name: /Claims/ });
    await page.locator('.article-text p').first().waitFor();

    const perClaim: number[] = [];
    const filled: number[] = [];
    // Spread over the article, the last paragraphs included.
    const chosen = Array.from({ length: CLAIMS }, (_, i) => quotes[Math.floor((i * (quotes.length - 1)) / (CLAIMS - 1))]!);
    for (const quote of chosen) {
      let actions = 0;
      await select(page, quote);
      actions++;
      const pressed = performance.now();
      await page.keyboard.press('c');
      actions++;
      const claimedBy = panel.getByRole('form', { name: 'Tag as claim' }).getByRole('combobox', { name: 'Claimed by' });
      await page.waitForFunction(() => (document.querySelector('.claim-editor [role="combobox"]') as HTMLInputElement | null)?.value.length);
      filled.push(performance.now() - pressed);
      await claimedBy.press('Enter');
      actions++;
      await panel.getByRole('form', { name: 'Edit claim' }).waitFor();
      perClaim.push(actions);
    }
    const claims = await backend.invoke('highlights.list', { articleId });
    const named = claims.ok ? (claims.value as Array<{ claim: { actor: { name: string } } | null }>).filter((h) => h.claim && /Talvik|Marrow|Krey/.test(h.claim.actor.name)).length : 0;
    if (named !== CLAIMS) throw new Error(`${named} of ${CLAIMS} claims have the speaker the sentence names`);

    // A link from the claim just recorded to the first: Contradicts…, words of the other, Enter, link.
    let linkActions = 0;
    await panel.getByRole('button', { name: 'Contradicts…' }).click();
    linkActions++;
    const dialog = page.getByRole('dialog', { name: 'Contradicts…' });
    await dialog.getByRole('combobox', { name: 'Find the other claim' }).fill(chosen[0]!.replace(/[“”,]/g, ''));
    linkActions++;
    await dialog.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    linkActions++;
    await dialog.getByRole('button', { name: 'Link as contradicting' }).click();
    linkActions++;
    await dialog.waitFor({ state: 'hidden' });

    const span = (quote: string) => {
      const start = Array.from(text.slice(0, text.indexOf(quote))).length;
      return { articleId, start, end: start + Array.from(quote).length };
    };
    const last = span(quotes[quotes.length - 1]!);
    const prefill = await sampleAsync(30, async () => {
      const result = await backend.invoke('suggestions.prefill', last);
      if (!result.ok) throw new Error(result.error.message);
    });
    return [
      { name: 'actions per claim whose sentence names its speaker (select, C, Enter)', figure: Math.max(...perClaim), unit: 'actions', target: 3, better: 'lower', note: `${CLAIMS} claims in a 50 KB report, each saved with the speaker read from its sentence` },
      { name: 'actions per link (Contradicts…, words of the other claim, Enter, link)', figure: linkActions, unit: 'actions', target: 4, better: 'lower' },
      { name: 'press C to the claim editor filled in from the sentence, p95', figure: percentile(filled, 95), unit: 'ms', target: null, better: 'lower', note: 'the sentence is read as C is pressed; the editor shows once the highlight is saved and listed' },
      { name: 'speaker, channel and date read for a span (suggestions.prefill), p95', figure: percentile(prefill, 95), unit: 'ms', target: null, better: 'lower', note: 'backend only; the paragraphs around the span, not the whole article' },
    ];
  } finally {
    await browser.close();
    await server.close();
    backend.close();
    temp.remove();
  }
}
