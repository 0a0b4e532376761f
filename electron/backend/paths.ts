import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron calls `userData` for an app named Gainsay, computed without Electron so
 * browser mode and the CLI find the same default project as the desktop app.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Gainsay');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Gainsay');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Gainsay');
}

export function defaultProjectPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return path.join(userDataDir(env, platform), 'Default.gainsay');
}
