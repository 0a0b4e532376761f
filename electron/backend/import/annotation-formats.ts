import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { isQdpxName, type ImportOutcome } from '../../../shared/domain';
import { GainsayError } from '../../../shared/errors';
import type { Project } from '../project';
import { importBratFolder } from './brat/brat-import';
import { GAINSAY_BRAT_MAPPING, bratMapping, parseMapping } from './brat/mapping';
import { importQdpx, refiMapping } from './refi/refi-import';
import { importW3cFile, isW3cFile } from './w3c/w3c-import';

/** The annotation formats Gainsay imports besides articles and project JSON. */
export type AnnotationFormat = 'brat' | 'w3c' | 'refi';

/**
 * A folder with .ann files (brat standoff, beside their .txt) is brat; a .jsonld file, or a .json
 * whose @context is anno.jsonld, is W3C Web Annotation; a .qdpx is REFI-QDA; anything else is not
 * an annotation format.
 */
export function detectAnnotationFormat(full: string): AnnotationFormat | null {
  try {
    const stat = fs.statSync(full);
    if (stat.isDirectory()) return fs.readdirSync(full).some((name) => name.endsWith('.ann')) ? 'brat' : null;
    if (!stat.isFile()) return null;
    return isQdpxName(full) ? 'refi' : isW3cFile(full) ? 'w3c' : null;
  } catch {
    return null;
  }
}

/**
 * Imports annotations at `full` (shown as `shown`): brat and REFI-QDA with the mapping file given
 * (else the default, Gainsay's own export), W3C as Gainsay exports it. All or nothing, as one line
 * of an import's results.
 */
export function importAnnotations(project: Project, format: AnnotationFormat, full: string, shown: string, mappingFile?: string): ImportOutcome {
  let text: string | undefined;
  try {
    if (mappingFile) text = fs.readFileSync(mappingFile, 'utf8');
  } catch (error) {
    return { name: shown, status: 'refused', message: `The mapping ${mappingFile} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
  const mapping = <T>(schema: z.ZodType<T>, fallback: T): T => (text === undefined ? fallback : parseMapping(schema, path.basename(mappingFile!), text));
  project.assertFileInPlace();
  try {
    if (format === 'w3c') return importW3cFile(project.db, full, shown);
    if (format === 'refi') return importQdpx(project.db, fs.readFileSync(full), shown, mapping(refiMapping, refiMapping.parse({})));
    return importBratFolder(project.db, full, shown, mapping(bratMapping, GAINSAY_BRAT_MAPPING));
  } catch (error) {
    if (error instanceof GainsayError) return { name: shown, status: 'refused', message: error.message };
    throw error;
  }
}
