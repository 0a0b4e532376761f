import fs from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS, hasSupportedExtension, isProjectJsonName, type ImportOutcome } from '../../shared/domain';
import { importProjectJsonOutcome } from '../backend/import/project-json';
import { importFile } from '../backend/import/importer';
import { detectAnnotationFormat, importAnnotations } from '../backend/import/annotation-formats';
import type { Project } from '../backend/project';

/** Every importable file below a folder, in a stable order; hidden files and folders are skipped. */
function filesBelow(folder: string): string[] {
  const found: string[] = [];
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesBelow(full));
    else if (entry.isFile() && hasSupportedExtension(entry.name)) {
      found.push(full);
    }
  }
  return found;
}

/**
 * Imports files and folders (recursively), one transaction per file, reporting each outcome as it
 * happens. Named files are always tried (an unsupported one is refused with the reason), and a
 * named .json file is merged as a Gainsay project export; in folders only supported article file
 * types are considered. Stops with the reason if the project file is deleted, moved or replaced
 * meanwhile (see Project.assertFileInPlace).
 */
export async function importPaths(
  project: Project,
  paths: string[],
  report: (outcome: ImportOutcome) => void,
  /** A mapping file for annotation formats (brat): how their types become claims, actors and links. */
  mappingFile?: string,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const emit = (outcome: ImportOutcome) => {
    outcomes.push(outcome);
    report(outcome);
  };
  for (const given of paths) {
    const full = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      emit({ name: given, status: 'refused', message: `“${given}” does not exist.` });
      continue;
    }
    const format = detectAnnotationFormat(full);
    if (format) {
      emit(importAnnotations(project, format, full, given, mappingFile));
      continue;
    }
    const files = stat.isDirectory() ? filesBelow(full) : [full];
    // Show paths as the user wrote them: the argument itself, or the argument joined with the
    // file's place inside that folder.
    const shownAs = (file: string) => (stat.isDirectory() ? path.join(given, path.relative(full, file)) : given);
    if (stat.isDirectory() && files.length === 0) {
      emit({ name: given, status: 'refused', message: `“${given}” contains no files Gainsay can import (${SUPPORTED_EXTENSIONS.join(', ')}).` });
    }
    for (const file of files) {
      const shown = shownAs(file);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        emit({ name: shown, status: 'refused', message: `“${shown}” could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` });
        continue;
      }
      project.assertFileInPlace();
      const outcome =
        !stat.isDirectory() && isProjectJsonName(file)
          ? importProjectJsonOutcome(project.db, shown, bytes.toString('utf8'))
          : { ...(await importFile(project.db, path.basename(file), bytes)), name: shown };
      project.assertFileInPlace();
      emit(outcome);
    }
  }
  return outcomes;
}
