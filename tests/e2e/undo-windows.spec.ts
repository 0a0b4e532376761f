import { expect, test } from './fixtures';

test('two tabs on one project each undo only their own steps', async ({ page, app, context }) => {
  const other = await context.newPage();
  await other.goto(app.url);
  const addActor = async (tab: typeof page, name: string) => {
    await tab.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click();
    const form = tab.getByRole('form', { name: 'New actor' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Add actor' }).click();
    await expect(tab.getByRole('table', { name: 'Actors' }).getByRole('row', { name: new RegExp(name) })).toBeVisible();
  };
  await addActor(page, 'Irina Solvay');
  await addActor(other, 'Nordpress');
  await addActor(page, 'Anton Kalder');

  await expect(other.getByRole('button', { name: 'Undo Add actor Nordpress' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo Add actor Anton Kalder' }).click();
  await expect(page.getByRole('button', { name: 'Undo Add actor Irina Solvay' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Actors' });
  await expect(table.getByRole('row', { name: /Anton Kalder/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /Nordpress/ })).toBeVisible();

  // The other tab's history is untouched, and its undo takes back its own step only.
  await other.keyboard.press('Control+z');
  await expect(other.getByRole('table', { name: 'Actors' }).getByRole('row', { name: /Nordpress/ })).toHaveCount(0);
  await expect(other.getByRole('table', { name: 'Actors' }).getByRole('row', { name: /Irina Solvay/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Irina Solvay/ })).toBeVisible();

  // A reload keeps a tab's history.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Undo Add actor Irina Solvay' })).toBeVisible();

  // A duplicated tab (which starts with a copy of the tab's storage) is a window of its own.
  const id = await page.evaluate(() => sessionStorage.getItem('gainsay.window'));
  const duplicate = await context.newPage();
  await duplicate.addInitScript((copied) => sessionStorage.setItem('gainsay.window', copied!), id);
  await duplicate.goto(app.url);
  await expect.poll(() => duplicate.evaluate(() => sessionStorage.getItem('gainsay.window'))).not.toBe(id);
  await addActor(duplicate, 'Marta Kell');
  await duplicate.getByRole('button', { name: 'Undo Add actor Marta Kell' }).click();
  await expect(page.getByRole('button', { name: 'Undo Add actor Irina Solvay' })).toBeVisible();
  expect(app.problems).toEqual([]);
});
