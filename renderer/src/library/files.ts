import { hasSupportedExtension } from '../../../shared/domain';

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

/** Files chosen with a folder picker: only supported types, in path order. */
export function filesFromFolderInput(list: File[]): PickedFile[] {
  return list
    .map((file) => ({ file, name: file.webkitRelativePath || file.name }))
    .filter(({ name }) => !name.split('/').some((part) => part.startsWith('.')) && hasSupportedExtension(name))
    .sort((a, b) => a.name.localeCompare(b.name));
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

async function walk(entry: FileSystemEntry, into: PickedFile[], explicit: boolean): Promise<void> {
  if (entry.name.startsWith('.') && !explicit) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    // Files dropped by themselves are always tried (and refused with a reason if unsupported);
    // inside dropped folders only supported types are considered, as in the CLI.
    if (explicit || hasSupportedExtension(file.name)) into.push({ file, name: entry.fullPath.replace(/^\//, '') });
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, into, false);
  }
}

/** Every file in a drop, folders walked recursively. Empty folders are reported by name. */
export async function filesFromDrop(data: DataTransfer): Promise<{ files: PickedFile[]; emptyFolders: string[] }> {
  const entries = Array.from(data.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => !!entry);
  if (entries.length === 0) {
    return { files: Array.from(data.files).map((file) => ({ file, name: file.name })), emptyFolders: [] };
  }
  const files: PickedFile[] = [];
  const emptyFolders: string[] = [];
  for (const entry of entries) {
    const before = files.length;
    await walk(entry, files, true);
    if (entry.isDirectory && files.length === before) emptyFolders.push(entry.name);
  }
  return { files, emptyFolders };
}
