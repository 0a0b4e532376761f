import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GainsayError } from '../../../shared/errors';
import type { AnnotationFormat } from '../../../shared/import-mappings';
import { detectAnnotationFormat } from './annotation-formats';

/** Annotations the analyst chose, held between the import dialog's preview and its import. */
export interface Staged {
  format: AnnotationFormat;
  /** The brat folder, W3C file or .qdpx. */
  full: string;
  /** As the analyst chose it. */
  shown: string;
  /** Browser mode: the temporary folder the uploaded files were written to, removed with the entry. */
  owned: string | null;
}

/** Imports held at once (each dialog holds one); choosing more lets the oldest go. */
const KEPT = 8;

const WHAT = 'a brat folder (.ann files beside their .txt), a W3C Web Annotation file (.jsonld, or .json with the anno.jsonld context) with its texts, or a REFI-QDA .qdpx';

/** An uploaded file's name as it is written into the staging folder: its last path segment, if that is a plain file name (255 bytes at most, as file systems take). */
function plainName(given: string): string | null {
  const name = given.split(/[\\/]/).pop() ?? '';
  return name && !name.startsWith('.') && Buffer.byteLength(name) <= 255 && !/[\u0000-\u001f\u007f:*?"<>|]/.test(name) ? name : null;
}

/** A folder's own files (not its subfolders'), in name order; none if it is not a folder. */
function filesOf(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => path.join(folder, entry.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The annotations among chosen paths: the first path that is one of the formats, else the first
 * file of a chosen folder that is (a folder holding a W3C file beside its texts, or a .qdpx).
 */
function annotationsAmong(paths: string[]): { format: AnnotationFormat; full: string } | null {
  for (const full of [...paths, ...paths.flatMap(filesOf)]) {
    const format = detectAnnotationFormat(full);
    if (format) return { format, full };
  }
  return null;
}

/**
 * The project's staged imports: what the host chose (desktop) or the page uploaded (browser
 * mode), by id, until imported or discarded. Uploaded files live in a temporary folder of their
 * own, removed when the entry goes, and all of them when the project closes.
 */
export class StagedImports {
  private readonly staged = new Map<string, Staged>();

  /** Paths the host's open dialog chose: the annotation file or folder among them. */
  fromPaths(paths: string[]): { id: string; staged: Staged } {
    const found = annotationsAmong(paths);
    if (!found) throw new GainsayError('invalid_input', `${paths.map((p) => path.basename(p)).join(', ')}: nothing there is ${WHAT}.`);
    return this.add({ ...found, shown: found.full, owned: null });
  }

  /**
   * Files the page uploaded (a folder's files, or several files), written by their plain names
   * into a new temporary folder: a brat folder, or a W3C file beside its texts, or a .qdpx.
   */
  fromUpload(folderName: string | null, files: Array<{ name: string; data: Buffer }>): { id: string; staged: Staged } {
    const names = files.map((f) => plainName(f.name));
    const bad = files.filter((_, i) => !names[i]).map((f) => f.name);
    if (bad.length) throw new GainsayError('invalid_input', `These names cannot be files to import: ${bad.slice(0, 5).join(', ')}.`);
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    if (twice.length) throw new GainsayError('invalid_input', `Two chosen files are both named ${twice[0]}; choose one folder of annotations at a time.`);
    const owned = fs.mkdtempSync(path.join(os.tmpdir(), 'gainsay-import-'));
    try {
      files.forEach((f, i) => {
        try {
          fs.writeFileSync(path.join(owned, names[i]!), f.data, { flag: 'wx' });
        } catch (error) {
          // A file system that ignores case (macOS, Windows) sees A.ann and a.ann as one file.
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new GainsayError('invalid_input', `Two chosen files are both named ${names[i]} here; choose one folder of annotations at a time.`);
          throw error;
        }
      });
      const bratFolder = names.some((n) => n!.endsWith('.ann'));
      const found = bratFolder ? { format: 'brat' as const, full: owned } : annotationsAmong(names.map((n) => path.join(owned, n!)));
      if (!found) throw new GainsayError('invalid_input', `${folderName ?? names.join(', ')}: nothing there is ${WHAT}.`);
      const shown = found.format === 'brat' ? (folderName ?? 'the chosen files') : path.basename(found.full);
      return this.add({ ...found, shown, owned });
    } catch (error) {
      fs.rmSync(owned, { recursive: true, force: true });
      throw error;
    }
  }

  /** Takes an entry to import it (once: a second import of the same id is refused); `release` it when done. */
  take(id: string): Staged {
    const staged = this.staged.get(id);
    if (!staged) throw new GainsayError('not_found', 'These annotations are no longer held for import; choose them again.');
    this.staged.delete(id);
    return staged;
  }

  /** Removes the files uploaded for an entry taken. */
  release(staged: Staged): void {
    if (staged.owned) fs.rmSync(staged.owned, { recursive: true, force: true });
  }

  /** Forgets an entry and removes its uploaded files; false when there was no such entry. */
  discard(id: string): boolean {
    const staged = this.staged.get(id);
    this.staged.delete(id);
    if (staged) this.release(staged);
    return !!staged;
  }

  discardAll(): void {
    for (const id of [...this.staged.keys()]) this.discard(id);
  }

  private add(staged: Staged): { id: string; staged: Staged } {
    // A page that never closes its dialogs (or never says so) does not fill the disk: the oldest go.
    for (const old of [...this.staged.keys()].slice(0, Math.max(0, this.staged.size - KEPT + 1))) this.discard(old);
    const id = randomUUID();
    this.staged.set(id, staged);
    return { id, staged };
  }
}
