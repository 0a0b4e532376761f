import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROJECT_FORMAT_VERSION, projectDocument } from '../../shared/export/project-json';
import { ROOT } from '../helpers/cli';

const FILE = path.join(ROOT, 'docs', `project-json-v${PROJECT_FORMAT_VERSION}.schema.json`);

/** The JSON Schema of the project JSON format, generated from the zod schema import validates with. */
function generated(): string {
  const schema = z.toJSONSchema(projectDocument, { target: 'draft-2020-12' });
  const described = {
    $id: `urn:gainsay:project-json:v${PROJECT_FORMAT_VERSION}`,
    title: `Gainsay project JSON, format version ${PROJECT_FORMAT_VERSION}`,
    description: 'A complete Gainsay project. Offsets (start, end) are Unicode code points into the article text as stored (NFC, LF line endings). Written by `gainsay export --format json`, read by `gainsay import`.',
    ...schema,
  };
  return `${JSON.stringify(described, null, 2)}\n`;
}

describe('the documented JSON Schema of project JSON', () => {
  it('is the one the importer validates with (regenerate with UPDATE_SCHEMA=1 npx vitest run tests/unit/project-json-schema.test.ts)', () => {
    if (process.env.UPDATE_SCHEMA) fs.writeFileSync(FILE, generated());
    expect(fs.readFileSync(FILE, 'utf8')).toBe(generated());
  });
});
