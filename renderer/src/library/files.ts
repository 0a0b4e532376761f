import { SUPPORTED_EXTENSIONS, hasSupportedExtension, type ImportOutcome } from '../../../shared/domain';

/** A file picked, dropped or found in a folder, with the name to show for it. */
export interface PickedFile {
  file: File;
  name: string;
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** What a chosen or dropped folder gives: its files to import, and the folders refused whole. */
export interface Gathered {
  files: PickedFile[];
  refused: ImportOutcome[];
}

const emptyFolder = (name: string): ImportOutcome => ({ name, status: 'refused', message: `“${name}” contains no files Gainsay can import (${SUPPORTED_EXTENSIONS.join(', ')}).` });

/**
 * A folder of brat annotations is not a folder of articles: importing its texts alone would lose
 * the annotations, so it is refused with the way to import it.
 */
const bratFolder = (name: string): ImportOutcome => ({
  name,
  status: 'refused',
  message: `“${name}” holds brat annotations (.ann files): import it with Import annotations…, which shows what it holds and how its types become claims.`,
});

const isAnn = (name: string) => /\.ann$/i.test(name);

/** Files chosen with a folder picker: only supported types, in path order; a brat folder or an empty one is refused. */
export function filesFromFolderInput(list: File[]): Gathered {
  const folder = list[0]?.webkitRelativePath.split('/')[0] || 'The chosen folder';
  if (list.some((file) => file.webkitRelativePath.split('/').length === 2 && isAnn(file.name))) return { files: [], refused: [bratFolder(folder)] };
  const files = list
    .map((file) => ({ file, name: file.webkitRelativePath || file.name }))
    .filter(({ name }) => !name.split('/').some((part) => part.startsWith('.')) && hasSupportedExtension(name))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { files, refused: files.length === 0 ? [emptyFolder(folder)] : [] };
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, into: Gathered, explicit: boolean): Promise<void> {
  if (entry.name.startsWith('.') && !explicit) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    // Files dropped by themselves are always tried (and refused with a reason if unsupported);
    // inside dropped folders only supported types are considered, as in the CLI.
    if (explicit || hasSupportedExtension(file.name)) into.files.push({ file, name: entry.fullPath.replace(/^\//, '') });
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    if (children.some((child) => child.isFile && isAnn(child.name))) return void into.refused.push(bratFolder(entry.fullPath.replace(/^\//, '')));
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, into, false);
  }
}

/** Every file in a drop, folders walked recursively. Empty folders and brat folders are refused by name. */
export async function filesFromDrop(data: DataTransfer): Promise<Gathered> {
  const entries = Array.from(data.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => !!entry);
  if (entries.length === 0) {
    return { files: Array.from(data.files).map((file) => ({ file, name: file.name })), refused: [] };
  }
  const gathered: Gathered = { files: [], refused: [] };
  for (const entry of entries) {
    const [files, refused] = [gathered.files.length, gathered.refused.length];
    await walk(entry, gathered, true);
    if (entry.isDirectory && gathered.files.length === files && gathered.refused.length === refused) gathered.refused.push(emptyFolder(entry.name));
  }
  return gathered;
}
