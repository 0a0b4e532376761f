import fs from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS, hasSupportedExtension, isProjectJsonName, type ImportOutcome } from '../../../shared/domain';
import { ownFileMessage, type Project } from '../project';
import { detectAnnotationFormat, importAnnotations, type AnnotationFormat, type MappingSource } from './annotation-formats';
import { importProjectJsonOutcome } from './project-json';
import { importFile } from './importer';

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
 * One step of an import: a file to import (as it is shown, and whether it was named itself), a
 * file or folder of another tool's annotations (brat, W3C, REFI-QDA), or a refusal found while looking.
 */
type Step = { file: string; shown: string; named: boolean } | { annotations: AnnotationFormat; full: string; shown: string } | { refused: ImportOutcome };

/**
 * The steps for the paths given, in their order: a named file, or every importable file below a
 * folder. The project's own file is refused before anything reads it (see Project.isOwnFile).
 */
function plan(project: Project, paths: string[]): Step[] {
  const steps: Step[] = [];
  const ownFile = (name: string): Step => ({ refused: { name, status: 'refused', message: ownFileMessage(name) } });
  for (const given of paths) {
    const full = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      steps.push({ refused: { name: given, status: 'refused', message: `“${given}” does not exist.` } });
      continue;
    }
    if (project.isOwnFile(full)) {
      steps.push(ownFile(given));
      continue;
    }
    const annotations = detectAnnotationFormat(full);
    if (annotations) {
      steps.push({ annotations, full, shown: given });
      continue;
    }
    if (!stat.isDirectory()) {
      steps.push({ file: full, shown: given, named: true });
      continue;
    }
    const files = filesBelow(full);
    if (files.length === 0) {
      steps.push({ refused: { name: given, status: 'refused', message: `“${given}” contains no files Gainsay can import (${SUPPORTED_EXTENSIONS.join(', ')}).` } });
    }
    // Shown as the user wrote it: the argument joined with the file's place inside that folder.
    for (const file of files) {
      const shown = path.join(given, path.relative(full, file));
      steps.push(project.isOwnFile(file) ? ownFile(shown) : { file, shown, named: false });
    }
  }
  return steps;
}

async function importStep(project: Project, step: Step, mapping: MappingSource): Promise<ImportOutcome> {
  if ('refused' in step) return step.refused;
  if ('annotations' in step) return importAnnotations(project, step.annotations, step.full, step.shown, mapping);
  const { file, shown, named } = step;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { name: shown, status: 'refused', message: `“${shown}” could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).` };
  }
  project.assertFileInPlace();
  const merge = named && isProjectJsonName(file);
  const outcome = merge ? importProjectJsonOutcome(project.db, shown, bytes.toString('utf8')) : { ...(await importFile(project.db, path.basename(file), bytes)), name: shown };
  project.assertFileInPlace();
  // A merge cannot be undone, and the steps before it may no longer apply (as in project.importJson).
  if (merge && outcome.status === 'imported') project.undo.clear();
  return outcome;
}

/** What an import did, file by file, and the files it did not reach because it was stopped. */
export interface ImportRun {
  outcomes: ImportOutcome[];
  notReached: string[];
}

/** What an import is told as it goes: each outcome (with how many of how many), and when to stop. */
export interface ImportWatch {
  report?: (outcome: ImportOutcome, done: number, total: number) => void;
  signal?: AbortSignal;
  /** The mapping for annotation formats (brat, W3C, REFI-QDA): how their types become claims, actors and links. */
  mapping?: MappingSource;
}

/**
 * Imports files and folders (recursively), one transaction per file, reporting each outcome as it
 * happens. Named files are always tried (an unsupported one is refused with the reason), and a
 * named .json file is merged as a Gainsay project export; in folders only supported article file
 * types are considered. Stops with the reason if the project file is deleted, moved or replaced
 * meanwhile (see Project.assertFileInPlace), and, once the signal says so, before the next file:
 * every file already imported stays, each being its own transaction.
 */
export async function importPaths(project: Project, paths: string[], watch: ImportWatch = {}): Promise<ImportRun> {
  const steps = plan(project, paths);
  const outcomes: ImportOutcome[] = [];
  for (const step of steps) {
    if (watch.signal?.aborted) break;
    const outcome = await importStep(project, step, watch.mapping);
    outcomes.push(outcome);
    watch.report?.(outcome, outcomes.length, steps.length);
  }
  const notReached = steps.slice(outcomes.length).map((step) => ('refused' in step ? step.refused.name : step.shown));
  return { outcomes, notReached };
}
