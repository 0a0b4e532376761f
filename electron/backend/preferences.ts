import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { MAX_NAME, type Preferences } from '../../shared/domain';
import { userDataDir } from './paths';

/** The preferences file is tiny; anything bigger is not one Gainsay wrote and is not read. */
const MAX_FILE_BYTES = 64 * 1024;

/** What the file may hold: a value that fails this (a hand-edited or damaged file) is ignored. */
const stored = z.object({
  analystName: z
    .string()
    .max(MAX_NAME)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s))
    .catch(''),
});

export function defaultPreferencesFile(): string {
  return path.join(userDataDir(), 'preferences.json');
}

function systemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/**
 * The analyst's own preferences, kept beside the default project in the app's data folder (not
 * in a project: a project goes to colleagues, and their changes must not carry this name). Every
 * host (desktop window, browser mode, CLI) opens the same file, so the name is set once.
 */
export class AppPreferences {
  constructor(readonly file: string = defaultPreferencesFile()) {}

  read(): Preferences {
    let analystName = '';
    try {
      if (fs.statSync(this.file).size <= MAX_FILE_BYTES) {
        const parsed = stored.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
        if (parsed.success) analystName = parsed.data.analystName.trim();
      }
    } catch {
      // No file yet, or one that is not JSON: the defaults.
    }
    return { analystName, systemUser: systemUser() };
  }

  /** Writes the file whole (a temporary file renamed over it), so a crash never leaves half of it. */
  write(change: Pick<Preferences, 'analystName'>): Preferences {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify({ analystName: change.analystName }, null, 2)}\n`, 'utf8');
    fs.renameSync(temp, this.file);
    return this.read();
  }

  /** Who is working, as recorded on what they create: the name they set, else the system's user name. */
  author(): string {
    const { analystName, systemUser: user } = this.read();
    return analystName || user;
  }
}
