import fs from 'node:fs';
import path from 'node:path';
import { isQdpxName, type ImportOutcome } from '../../../shared/domain';
import { GainsayError } from '../../../shared/errors';
import { MAPPINGS, readMapping, type AnnotationFormat, type AnnotationMapping } from '../../../shared/import-mappings';
import type { Project } from '../project';
import { importBratFolder } from './brat/brat-import';
import { importQdpx } from './refi/refi-import';
import { importW3cFile, isW3cFile } from './w3c/w3c-import';

export type { AnnotationFormat } from '../../../shared/import-mappings';

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
 * How an import is told its mapping: a JSON file (the CLI's --mapping, read for whichever format
 * is found), or one the window's import dialog made. Without either, each format's default.
 */
export type MappingSource = { file: string } | AnnotationMapping | undefined;

function mappingFor(format: AnnotationFormat, source: MappingSource): AnnotationMapping {
  if (source && 'format' in source) {
    if (source.format !== format) throw new GainsayError('invalid_input', `The mapping is for ${source.format}, not for ${format}.`);
    return source;
  }
  if (!source) return { format, mapping: MAPPINGS[format].defaults } as AnnotationMapping;
  let text: string;
  try {
    text = fs.readFileSync(source.file, 'utf8');
  } catch (error) {
    throw new GainsayError('invalid_input', `The mapping ${source.file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const read = readMapping(format, path.basename(source.file), text);
  if ('problem' in read) throw new GainsayError('invalid_input', read.problem);
  return { format, mapping: read.mapping } as AnnotationMapping;
}

/**
 * Imports annotations at `full` (shown as `shown`) with the mapping given (else the format's
 * default, which reads Gainsay's own exports). All or nothing, as one line of an import's results;
 * a merge ends the undo history.
 */
export async function importAnnotations(project: Project, format: AnnotationFormat, full: string, shown: string, source?: MappingSource): Promise<ImportOutcome> {
  try {
    const chosen = mappingFor(format, source);
    project.assertFileInPlace();
    const outcome =
      chosen.format === 'w3c'
        ? importW3cFile(project.db, full, shown, chosen.mapping)
        : chosen.format === 'refi'
          ? await importQdpx(project.db, fs.readFileSync(full), shown, chosen.mapping)
          : importBratFolder(project.db, full, shown, chosen.mapping);
    // Articles are outside the undo history: after a merge, the steps before it may no longer apply (as after a project JSON merge).
    if (outcome.status === 'imported') project.undo.clear();
    return outcome;
  } catch (error) {
    if (error instanceof GainsayError && error.code !== 'file_gone') return { name: shown, status: 'refused', message: error.message };
    throw error;
  }
}
