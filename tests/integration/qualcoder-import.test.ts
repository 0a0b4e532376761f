import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../electron/backend/export/export-project';
import { ROOT } from '../helpers/cli';
import { tempBackend } from '../helpers/project';
import { addNelArticle, buildSampleProject } from '../helpers/sample-project';

/**
 * QualCoder's own REFI-QDA project importer run on Gainsay's .qdpx export, through
 * tests/helpers/qualcoder-import.py. QualCoder is not in this repository: the test runs where
 * QUALCODER_SRC names a QualCoder checkout's src folder and Debian's python3 has PyQt6
 * (python3-pyqt6); elsewhere it is skipped (docs/imports.md says how it was run).
 */
const PYTHON = '/usr/bin/python3';
const QUALCODER_SRC = process.env.QUALCODER_SRC;
const runnable = !!QUALCODER_SRC && spawnSync(PYTHON, ['-c', 'import PyQt6.QtWidgets']).status === 0;

describe.skipIf(!runnable)('QualCoder’s REFI-QDA importer (QUALCODER_SRC, PyQt6)', () => {
  it('imports Gainsay’s .qdpx without error: each claim is coded with its actor and tags at the same code points, its note the coding’s memo', async () => {
    const env = tempBackend();
    try {
      const sample = await buildSampleProject(env.backend);
      await addNelArticle(env.backend);
      const qdpx = path.join(env.dir, 'project.qdpx');
      await exportProject(env.backend.project.db, env.backend.project.name, 'refi', qdpx);
      const run = spawnSync(PYTHON, [path.join(ROOT, 'tests', 'helpers', 'qualcoder-import.py'), QUALCODER_SRC!, qdpx], { encoding: 'utf8', env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
      expect(run.status, run.stderr).toBe(0);
      const loaded = JSON.parse(run.stdout) as { sources: unknown[]; codes: Array<{ name: string }>; codings: Array<{ code: string; seltext: string; memo: string }>; messages: string[]; log: string[] };
      expect(loaded.sources).toHaveLength(3);
      expect(loaded.codes.map((c) => c.name)).toEqual(expect.arrayContaining(['İlham Qadirov', 'Dmitri Pelkov', '高丽时报', 'denial', 'foreign troops']));
      // Every claim's quote is the text QualCoder slices at the selection's offsets, coded with its actor.
      for (const claim of sample.claims) {
        const codings = loaded.codings.filter((c) => c.seltext === claim.quote);
        expect(codings.map((c) => c.code)).toContain(claim.claim!.actor.name);
        for (const tag of claim.claim!.tags) expect(codings.map((c) => c.code)).toContain(tag);
      }
      expect(loaded.codings.find((c) => c.code === 'İlham Qadirov')!.memo).toContain('Said at a press conference <Q&A>, "live".');
      expect(loaded.log.filter((line) => /cannot|error|duplicat|not loaded/i.test(line))).toEqual([]);
      // Only QualCoder's closing notice about its experimental importer.
      expect(loaded.messages).toEqual([expect.stringMatching(/^REFI-QDA Project import: REFI-QDA PROJECT IMPORT EXPERIMENTAL FUNCTION/)]);
      expect(fs.existsSync(qdpx)).toBe(true);
    } finally {
      env.dispose();
    }
  });
});
