import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORT_FILES, type ExportFormat } from '../../../shared/export/formats';
import type { Project } from '../project';
import { exportProject } from './export-project';
import { writeZip } from './native-zip-deflate';
import { writeFileAtomically } from './output';
import { reportFiles } from './report-export';

export interface Download {
  /** The file name to offer. */
  name: string;
  type: string;
  /** The file to send; removed with its folder by `dispose`. */
  file: string;
  dispose: () => void;
}

/** Zips a folder's files (names relative to it) into one file. */
async function zipFolder(folder: string, target: string): Promise<void> {
  await writeFileAtomically(target, (write) =>
    writeZip(write, (add) => {
      for (const name of fs.readdirSync(folder, { recursive: true }) as string[]) {
        const full = path.join(folder, name);
        if (fs.statSync(full).isFile()) add(name.split(path.sep).join('/')).push(fs.readFileSync(full), true);
      }
    }),
  );
}

/**
 * An export prepared for the browser to download: written to a temporary folder first (a
 * folder-shaped export, CSV, brat or the report's two files, is zipped), so what is sent is
 * complete or nothing.
 */
export async function prepareDownload(project: Project, format: ExportFormat, bom: boolean): Promise<Download> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'gainsay-export-'));
  const dispose = () => fs.rmSync(temp, { recursive: true, force: true });
  try {
    const base = project.name.replace(/[^\p{L}\p{N} ._-]+/gu, '_') || 'project';
    // The report's two files are zipped like a folder.
    const single = format === 'report' ? null : EXPORT_FILES[format];
    if (single) {
      const file = path.join(temp, `${base}.${single.extension}`);
      await exportProject(project.db, project.name, format, file, { bom });
      return { name: path.basename(file), type: single.type, file, dispose };
    }
    const folder = path.join(temp, base);
    if (format === 'report') {
      fs.mkdirSync(folder);
      const files = reportFiles(path.join(folder, `${base} review report`));
      await exportProject(project.db, project.name, format, files.html, {});
    } else {
      await exportProject(project.db, project.name, format, folder, { bom });
    }
    const file = path.join(temp, `${base} ${format}.zip`);
    await zipFolder(folder, file);
    return { name: path.basename(file), type: 'application/zip', file, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
