import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { exportProject } from '../../electron/backend/export/export-project';
import { buildSampleProject } from '../helpers/sample-project';
import { tempDir } from '../helpers/temp';
import { expect, test } from './fixtures';

test.describe('annotations from other tools', () => {
  let files: ReturnType<typeof tempDir>;
  let qdpx: string;
  test.beforeEach(async () => {
    // A .qdpx as QDA software exchanges them: Gainsay's own REFI-QDA export of the sample project.
    files = tempDir('gainsay-e2e-qdpx-');
    const backend = Backend.open(path.join(files.dir, 'source.gainsay'));
    await buildSampleProject(backend);
    qdpx = path.join(files.dir, 'colleague.qdpx');
    await exportProject(backend.project.db, backend.project.name, 'refi', qdpx);
    backend.close();
  });
  test.afterEach(() => files.remove());

  test('a REFI-QDA .qdpx chosen in the Library is merged whole, and choosing it again adds nothing', async ({ page, app }) => {
    await page.getByLabel('Choose files to import').setInputFiles([qdpx]);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('1 imported, 0 skipped as duplicates, 0 refused.');
    await expect(page.getByRole('list', { name: 'Import results' })).toContainText(/2 articles, 5 actors, 3 tags, 4 highlights, 4 claims, 4 links/);
    await expect(page.getByTestId('count-articles')).toHaveText('2');
    await expect(page.getByTestId('count-claims')).toHaveText('4');
    // Imported again: nothing new.
    await page.getByLabel('Choose files to import').setInputFiles([qdpx]);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('0 imported, 1 skipped as duplicates, 0 refused.');
    expect(app.problems).toEqual([]);
  });
});
