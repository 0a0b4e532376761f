import fs from 'node:fs';
import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { exportProject } from '../../electron/backend/export/export-project';
import { buildSampleProject } from '../helpers/sample-project';
import { tempDir } from '../helpers/temp';
import { expect, screenshot, test } from './fixtures';

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

  test('the same .qdpx through Import annotations…: its codes by branch with counts, then only the selections coded with an actor', async ({ page, app }) => {
    await page.getByRole('button', { name: 'Import annotations…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import annotations' });
    await dialog.getByLabel('Choose annotation files').setInputFiles([qdpx]);
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText('colleague.qdpx: REFI-QDA project, 2 documents');
    await expect(preview.getByRole('table', { name: 'Codes (selections coded)' })).toContainText(/Actors \/ Dmitri Pelkov\s*1/);
    await expect(preview.getByLabel('The codes under this code are actors')).toHaveValue('Actors');
    await preview.getByRole('combobox', { name: 'Claims', exact: true }).selectOption('only selections coded with an actor');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('4 claims, 4 links');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('count-claims')).toHaveText('4');
    expect(app.problems).toEqual([]);
  });
});

test.describe('Import annotations…: a preview, a mapping, then an import job', () => {
  const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'annotation-import');
  const ATTRIBUTION = { claimEntities: ['Claim'], events: [{ type: 'Attribution', claim: 'Content', actor: 'Source' }], actorRelations: [], channelRelations: [], contradicts: ['Contradicts', 'Disputes'], corroborates: ['Corroborates'], gainsayNotes: true, unknownActor: 'Unattributed' };

  test('a brat folder: its types with counts, a changed mapping (saved as the CLI’s JSON), then imported', async ({ page, app }) => {
    await page.getByRole('button', { name: 'Import annotations…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import annotations' });
    await dialog.getByLabel('Choose a folder of annotations').setInputFiles(path.join(FIXTURES, 'brat'));
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText('brat: brat standoff, 2 documents');
    await expect(preview.getByRole('table', { name: 'Entity types' }).getByRole('row')).toHaveText([/Entity types\s*Found\s*Becomes/, /Content\s*6/, /Cue\s*6/, /Source\s*6/]);
    await expect(preview.getByRole('table', { name: 'Attributes (not imported)' })).toContainText('Factuality = Asserted');
    // The default is the CLI's: Gainsay's own export (Claim entities), which this folder does not have.
    await expect(preview.getByRole('checkbox', { name: /each span is a claim/ })).toHaveCount(3);
    for (const box of await preview.getByRole('checkbox', { name: /each span is a claim/ }).all()) await expect(box).not.toBeChecked();

    await preview.getByLabel('Attribution: the role that is the claim').selectOption('Content');
    await preview.getByLabel('Attribution: the role that names the actor').selectOption('Source');
    await preview.getByLabel('Relation Disputes').selectOption('a contradiction link');
    await screenshot(page, 'annotation-import-brat-preview');
    const saved = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'Save mapping…' }).click();
    const download = await saved;
    expect(download.suggestedFilename()).toBe('brat-mapping.json');
    expect(JSON.parse(fs.readFileSync(await download.path(), 'utf8'))).toEqual(ATTRIBUTION);

    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('added 2 articles');
    await expect(dialog.getByRole('list', { name: 'Documents imported' }).getByRole('listitem')).toHaveText(['ferry-fares: 3 claims, 1 link', 'harbour-cranes: 3 claims, 1 link']);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('count-articles')).toHaveText('2');
    await expect(page.getByTestId('count-claims')).toHaveText('6');
    await expect(page.getByRole('link', { name: 'Harbour cranes idle for a third week' })).toBeVisible();
    expect(app.problems).toEqual([]);
  });

  test('a W3C file chosen with its text, with a mapping loaded from a file; a mapping that does not read is one message and changes nothing', async ({ page, app }) => {
    const files = tempDir('gainsay-e2e-mapping-');
    try {
      const good = path.join(files.dir, 'speaker-as-classifying.json');
      fs.writeFileSync(good, JSON.stringify({ actorPurpose: 'classifying' }));
      const bad = path.join(files.dir, 'misspelt.json');
      fs.writeFileSync(bad, JSON.stringify({ actorPurpos: 'classifying' }));
      await page.getByRole('button', { name: 'Import annotations…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import annotations' });
      await dialog.getByLabel('Choose annotation files').setInputFiles([path.join(FIXTURES, 'w3c', 'valley-water.jsonld'), path.join(FIXTURES, 'w3c', 'valley-water.txt')]);
      const preview = dialog.getByRole('region', { name: 'Preview' });
      await expect(preview).toContainText('valley-water.jsonld: W3C Web Annotation, 1 document');
      await expect(preview.getByRole('table', { name: 'Selectors' })).toContainText(/TextQuoteSelector\s*2/);
      await expect(preview.getByRole('table', { name: 'Bodies by purpose' })).toContainText(/classifying\s*2/);
      await expect(preview.getByLabel('The actor’s name')).toHaveValue('identifying');

      await dialog.getByLabel('Load a mapping file').setInputFiles(bad);
      await expect(dialog.getByRole('alert')).toHaveText(/^The mapping misspelt\.json is not one Gainsay reads for W3C Web Annotation: mapping: Unrecognized key: "actorPurpos"/);
      await expect(preview.getByLabel('The actor’s name')).toHaveValue('identifying');
      await dialog.getByLabel('Load a mapping file').setInputFiles(good);
      await expect(dialog.getByRole('alert')).toHaveCount(0);
      await expect(preview.getByLabel('The actor’s name')).toHaveValue('classifying');

      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(dialog.getByRole('status')).toContainText('added 1 article, 2 actors, 1 tag, 2 highlights, 2 claims');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(page.getByTestId('count-claims')).toHaveText('2');
      await page.getByRole('link', { name: 'Water rationing ends in the valley' }).click();
      await expect(page.getByRole('listbox', { name: 'Highlights and claims' })).toContainText('Regional water board');
      expect(app.problems).toEqual([]);
    } finally {
      files.remove();
    }
  });

  test('a W3C file chosen without its text: the preview lists the problem, the import refuses with one message, and nothing is written', async ({ page, app }) => {
    await page.getByRole('button', { name: 'Import annotations…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import annotations' });
    await dialog.getByLabel('Choose annotation files').setInputFiles([path.join(FIXTURES, 'w3c', 'valley-water.jsonld')]);
    await expect(dialog.getByRole('list', { name: 'Problems found' }).getByRole('listitem')).toHaveText([
      'valley-water.jsonld: its source https://news.example.org/valley-water is no text file in the folder (named by the IRI’s last segment)',
    ]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      'valley-water.jsonld was not imported; nothing was changed. 2 problems:\n- https://annotations.example.org/anno/1: its source https://news.example.org/valley-water is no text file in the folder (named by the IRI’s last segment)\n- https://annotations.example.org/anno/2: its source https://news.example.org/valley-water is no text file in the folder (named by the IRI’s last segment)',
      { useInnerText: true },
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('count-articles')).toHaveText('0');
    expect(app.problems).toEqual([]);
  });

  test('a brat folder chosen with Import folder… is refused with the way to import it, rather than its texts imported without their annotations', async ({ page, app }) => {
    await page.getByLabel('Choose a folder to import').setInputFiles(path.join(FIXTURES, 'brat'));
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('0 imported, 0 skipped as duplicates, 1 refused.');
    await expect(page.getByRole('list', { name: 'Import results' })).toContainText('“brat” holds brat annotations (.ann files): import it with Import annotations…');
    await expect(page.getByTestId('count-articles')).toHaveText('0');
    expect(app.problems).toEqual([]);
  });
});
