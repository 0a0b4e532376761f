/**
 * The desktop shell. Thin on purpose: windows, the app protocol, IPC registration and the
 * security guards. Everything else is the plain-Node backend, shared with browser mode and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { INVOKE_CHANNEL } from '../../shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { fail } from '../../shared/errors';
import { Backend } from '../backend/backend';
import { defaultProjectPath } from '../backend/paths';
import { readStaticFile } from '../server/static-files';
import { APP_ORIGIN, APP_SCHEME, isNavigationAllowed, isTrustedSender } from './guards';
import { projectFromArgv } from './project-arg';

const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** In development the Electron build of better-sqlite3 lives apart from Node's (see electron-native). */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(appRoot, '.electron-native', process.versions.electron, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

function openBackend(): Backend | null {
  const file = projectFromArgv(process.argv) ?? defaultProjectPath();
  try {
    return Backend.open(file, { nativeBinding: nativeBinding() });
  } catch (error) {
    dialog.showErrorBox('Gainsay cannot open the project', (error as Error).message);
    return null;
  }
}

function harden(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // The UI's own responses carry the policy too (serveUi); this puts it on every response.
  // Electronegativity cannot read a policy held in a constant ("could not parse CSP"); the policy
  // is shared/csp.ts, and the end-to-end tests fail on any violation of it.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }); // eng-disable CSP_GLOBAL_CHECK
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function serveUi(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = readStaticFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Gainsay',
    webPreferences: {
      // Electronegativity asks for the preload to be reviewed: it exposes one invoke() through
      // contextBridge (no ipcRenderer, no Node), and every call is checked by sender and contract.
      preload: path.join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      disableBlinkFeatures: 'Auxclick',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  void window.loadURL(`${APP_ORIGIN}/`);
}

app.whenReady().then(() => {
  const backend = openBackend();
  if (!backend) {
    app.quit();
    return;
  }
  harden();
  serveUi();
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return fail('forbidden', 'This window may not call Gainsay.');
    }
    return backend.invoke(method, input);
  });
  app.on('will-quit', () => backend.close());
  createWindow();
});

app.on('window-all-closed', () => app.quit());
