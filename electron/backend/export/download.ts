import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORT_FILES, attentionSummary, type ExportFormat, type ExportOutcome } from '../../../shared/export/formats';
import type Database from 'better-sqlite3';
import { exportProject } from './export-project';
import { writeZip } from './zip-writer';
import { DiskFullError, isDiskFull, processIsRunning, removeQuietly, writeFileAtomically } from './output';
import { reportFiles } from './report-export';

export interface Download {
  /** The file name to offer. */
  name: string;
  type: string;
  /** The file to send; removed with its folder by `dispose`. */
  file: string;
  /** The temporary folder it is in. */
  folder: string;
  /** One line about claims that needed attention, if any did. */
  notice: string | null;
  dispose: () => void;
}

/** Zips a folder's files (names relative to it) into one file. */
async function zipFolder(folder: string, target: string): Promise<void> {
  await writeFileAtomically(target, (write) =>
    writeZip(write, (_add, addFile) => {
      for (const name of (fs.readdirSync(folder, { recursive: true }) as string[]).sort()) {
        const full = path.join(folder, name);
        if (fs.statSync(full).isFile()) addFile(full, name.split(path.sep).join('/'));
      }
    }),
  );
}

/** A download's temporary folder names the process preparing it: `gainsay-export-PID-XXXXXX`. */
const DOWNLOAD_FOLDER = /^gainsay-export-(\d+)-[\w]{6}$/;

/** Removes the folders of downloads whose process was killed before it could (never a running one's). */
function removeLeftoverDownloads(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const owner = DOWNLOAD_FOLDER.exec(name)?.[1];
    if (owner && !processIsRunning(Number(owner))) removeQuietly(path.join(os.tmpdir(), name));
  }
}

/** A full disk, said without the temporary place: where a download was prepared means nothing to the person downloading it. */
const unplaced = (error: unknown) => (isDiskFull(error) ? new DiskFullError(null) : error);

/**
 * An export prepared for the browser to download: written to a temporary folder first (a
 * folder-shaped export, CSV, brat or the report's two files, is zipped), so what is sent is
 * complete or nothing.
 */
export async function prepareDownload(db: Database.Database, projectName: string, format: ExportFormat, bom: boolean): Promise<Download> {
  removeLeftoverDownloads();
  let temp: string;
  try {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), `gainsay-export-${process.pid}-`));
  } catch (error) {
    throw unplaced(error);
  }
  const dispose = () => fs.rmSync(temp, { recursive: true, force: true });
  try {
    const base = projectName.replace(/[^\p{L}\p{N} ._-]+/gu, '_') || 'project';
    // The report's two files are zipped like a folder.
    const single = format === 'report' ? null : EXPORT_FILES[format];
    let outcome: ExportOutcome;
    if (single) {
      const file = path.join(temp, `${base}.${single.extension}`);
      outcome = await exportProject(db, projectName, format, file, { bom });
      return { name: path.basename(file), type: single.type, file, folder: temp, notice: attentionSummary(format, outcome), dispose };
    }
    const folder = path.join(temp, base);
    if (format === 'report') {
      fs.mkdirSync(folder);
      const files = reportFiles(path.join(folder, `${base} review report`));
      outcome = await exportProject(db, projectName, format, files.html, {});
    } else {
      outcome = await exportProject(db, projectName, format, folder, { bom });
    }
    const file = path.join(temp, `${base} ${format}.zip`);
    await zipFolder(folder, file);
    return { name: path.basename(file), type: 'application/zip', file, folder: temp, notice: attentionSummary(format, outcome), dispose };
  } catch (error) {
    dispose();
    throw unplaced(error);
  }
}
