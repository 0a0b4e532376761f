import fs from 'node:fs';
import path from 'node:path';
import type { ImportOutcome } from '../../../shared/domain';
import { GainsayError } from '../../../shared/errors';
import type { Project } from '../project';
import { importBratFolder } from './brat/brat-import';
import { GAINSAY_BRAT_MAPPING, parseBratMapping } from './brat/mapping';
import { importW3cFile, isW3cFile } from './w3c/w3c-import';

/** The annotation formats Gainsay imports besides articles and project JSON. */
export type AnnotationFormat = 'brat' | 'w3c';

/**
 * A folder with .ann files (brat standoff, beside their .txt) is brat; a .jsonld file, or a .json
 * whose @context is anno.jsonld, is W3C Web Annotation; anything else is not an annotation format.
 */
export function detectAnnotationFormat(full: string): AnnotationFormat | null {
  try {
    const stat = fs.statSync(full);
    if (stat.isDirectory()) return fs.readdirSync(full).some((name) => name.endsWith('.ann')) ? 'brat' : null;
    return stat.isFile() && isW3cFile(full) ? 'w3c' : null;
  } catch {
    return null;
  }
}

/**
 * Imports annotations at `full` (shown as `shown`): brat with the mapping file given (else the
 * default, Gainsay's own export), W3C as Gainsay exports it. All or nothing, as one line of an
 * import's results.
 */
export function importAnnotations(project: Project, format: AnnotationFormat, full: string, shown: string, mappingFile?: string): ImportOutcome {
  if (format === 'w3c') {
    project.assertFileInPlace();
    return importW3cFile(project.db, full, shown);
  }
  let mapping = GAINSAY_BRAT_MAPPING;
  try {
    if (mappingFile) mapping = parseBratMapping(path.basename(mappingFile), fs.readFileSync(mappingFile, 'utf8'));
  } catch (error) {
    if (error instanceof GainsayError) return { name: shown, status: 'refused', message: error.message };
    return { name: shown, status: 'refused', message: `The mapping ${mappingFile} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
  project.assertFileInPlace();
  return importBratFolder(project.db, full, shown, mapping);
}
