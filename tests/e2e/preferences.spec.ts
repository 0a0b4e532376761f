import path from 'node:path';
import { CLI, startProcess } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { expect, test } from './fixtures';
import { REPORTS, seed } from './seed';

// The app's data folder is a temporary one here (XDG_CONFIG_HOME), so the test never touches the
// preferences of whoever runs it.
test('the analyst sets their name once in Preferences; links then say who made them, in this project and the next', async ({ page }) => {
  const temp = tempDir('gainsay-e2e-');
  const env = { XDG_CONFIG_HOME: path.join(temp.dir, 'config') };
  const serve = (name: string) => startProcess(CLI, ['serve', '--project', path.join(temp.dir, name)], env);
  const first = await serve('First.gainsay');
  try {
    await page.goto(first.url);
    await page.getByRole('button', { name: 'Preferences…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preferences' });
    // A bad name is refused with one message, and nothing is saved.
    await dialog.getByLabel('Your name').fill('x'.repeat(300) + 'y');
    await expect(dialog.getByLabel('Your name')).toHaveValue('x'.repeat(300)); // the field stops at the limit
    await dialog.getByLabel('Your name').fill('Ana Ruiz');
    await dialog.getByRole('button', { name: 'Save preferences' }).click();
    await expect(dialog).toBeHidden();

    await seed(page, REPORTS.slice(0, 2), [
      { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' },
      { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov' },
    ], [[0, 1, 'contradicts', 'open', 'A denial.']]);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click();
    await expect(page.getByRole('listbox', { name: 'Contradictions' }).getByRole('option')).toContainText('by Ana Ruiz');
  } finally {
    await first.stop();
  }

  // Another project, another start of the app: the name is already set.
  const second = await serve('Second.gainsay');
  try {
    await page.goto(second.url);
    await page.getByRole('button', { name: 'Preferences…' }).click();
    await expect(page.getByRole('dialog', { name: 'Preferences' }).getByLabel('Your name')).toHaveValue('Ana Ruiz');
  } finally {
    await second.stop();
    temp.remove();
  }
});
