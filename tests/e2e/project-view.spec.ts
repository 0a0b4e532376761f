import { expect, screenshot, test } from './fixtures';

test('shows the project and creates actors through the real backend', async ({ page, app }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Ceasefire monitoring' })).toBeVisible();
  await expect(page.getByTestId('project-path')).toHaveText(app.projectFile);
  for (const key of ['articles', 'claims', 'contradictions', 'actors']) {
    await expect(page.getByTestId(`count-${key}`)).toHaveText('0');
  }

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click();
  const form = page.getByRole('form', { name: 'New actor' });
  await form.getByLabel('Name').fill('İlham Qadirov');
  await form.getByLabel('Kind').selectOption('person');
  await form.getByLabel('Role or affiliation').fill('foreign minister');
  await form.getByRole('button', { name: 'Add actor' }).click();
  await form.getByLabel('Name').fill('Agence Véritas');
  await form.getByLabel('Kind').selectOption('outlet');
  await form.getByRole('button', { name: 'Add actor' }).click();

  const table = page.getByRole('table', { name: 'Actors' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /İlham Qadirov Person foreign minister/ })).toBeVisible();
  await expect(page.getByTestId('count-actors')).toHaveText('2');

  // A variant spelling of an existing actor is refused with one clear message.
  await form.getByLabel('Name').fill('ilham qadirov');
  await form.getByRole('button', { name: 'Add actor' }).click();
  await expect(page.getByRole('alert')).toHaveText('An actor named “İlham Qadirov” already exists.');
  await expect(table.getByRole('row')).toHaveCount(3);

  await page.reload();
  await expect(page.getByRole('table', { name: 'Actors' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('count-actors')).toHaveText('2');
  await screenshot(page, 'project-view');
  expect(app.problems).toEqual([]);
});
