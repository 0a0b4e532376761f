/**
 * The desktop shell. Thin on purpose: windows, the app protocol, IPC registration and the
 * security guards. Everything else is the plain-Node backend, shared with browser mode and the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { CHANGED_CHANNEL, COMMAND_CHANNEL } from '../../shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { GainsayError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import { Backend } from '../backend/backend';
import { describeCopied, makeCleanCopy, type CleanCopyReport } from '../backend/db/clean-copy';
import { LATEST_SCHEMA_VERSION } from '../backend/db/migrations';
import { SUGGEST_WORKER_FILE } from '../backend/features/suggestions/extractor-thread';
import { defaultProjectPath } from '../backend/paths';
import { readStaticFile } from '../server/static-files';
import { APP_ORIGIN, APP_SCHEME, isExternalLinkAllowed, isNavigationAllowed } from './guards';
import { menuTemplate, type MenuActions } from './menu-template';
import { projectFromArgv } from './project-arg';
import { addRecent } from './recent-projects';
import { restoreBounds } from './window-state';
import { registerIpcHost, type IpcHost } from './ipc-host';

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
      if (isNavigationAllowed(url)) return;
      event.preventDefault();
      void openExternally(url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternally(url);
      return { action: 'deny' };
    });
  });
}

/** A web link leaves the app only for the system browser, only http(s), and only if the user agrees. */
async function openExternally(url: string): Promise<void> {
  if (!isExternalLinkAllowed(url)) return;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this address in your web browser?',
    detail: url,
  });
  // Electronegativity asks for openExternal to be reviewed: the address is http(s) only
  // (isExternalLinkAllowed, unit-tested) and the user has just confirmed it.
  if (response === 0) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
}

function serveUi(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = readStaticFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.type, 'Cache-Control': file.cacheControl, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });
}

/** What the shell remembers between runs: recent projects and the window's place. */
interface DesktopState {
  recent: string[];
  bounds?: unknown;
}
const stateFile = () => path.join(app.getPath('userData'), 'desktop-state.json');

function readState(): DesktopState {
  try {
    const state = JSON.parse(fs.readFileSync(stateFile(), 'utf8')) as Partial<DesktopState>;
    return { recent: Array.isArray(state.recent) ? state.recent.filter((f): f is string => typeof f === 'string') : [], bounds: state.bounds };
  } catch {
    return { recent: [] };
  }
}

function writeState(state: DesktopState): void {
  fs.mkdirSync(path.dirname(stateFile()), { recursive: true });
  fs.writeFileSync(stateFile(), JSON.stringify(state));
}

let state: DesktopState = { recent: [] };
let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;
/** The window's calls into the shell, registered once the app is ready. */
let ipcHost: IpcHost | null = null;

/** Tells the window the project changed (so its views refresh) and updates the Edit menu. */
function changed(method: string): void {
  mainWindow?.webContents.send(CHANGED_CHANNEL, method);
  void refreshMenu();
}

async function refreshMenu(): Promise<void> {
  const history = backend ? await backend.invoke('history.state', {}) : null;
  const labels = history?.ok ? (history.value as { undo: string | null; redo: string | null }) : { undo: null, redo: null };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, { appName: app.name, recent: state.recent, ...labels }, menuActions)));
}

/**
 * Opens a project file in place of the current one; the current stays open if it cannot. A file
 * refused as untrusted comes with the offer of a clean copy; resolves true when a project opened.
 */
/** The window is being reloaded to show a project just opened in place of the last. */
let switchingProject = false;

async function openProject(file: string): Promise<boolean> {
  // Already open here (Open Recent, or the file handed over again): a second connection would be
  // refused by the project's lock.
  if (backend && path.resolve(file) === backend.project.path) return true;
  let next: Backend;
  try {
    next = Backend.open(file, { nativeBinding: nativeBinding(), suggestWorker: path.join(__dirname, SUGGEST_WORKER_FILE) });
  } catch (error) {
    if (error instanceof GainsayError && error.code === 'untrusted') return offerCleanCopy(file, error.message);
    dialog.showErrorBox('Gainsay cannot open the project', (error as Error).message);
    return false;
  }
  backend?.close();
  backend = next;
  state = { ...state, recent: addRecent(state.recent, next.project.path) };
  writeState(state);
  app.addRecentDocument(next.project.path);
  if (mainWindow) {
    mainWindow.setTitle(`${next.project.name} — Gainsay`);
    mainWindow.setRepresentedFilename(next.project.path);
    switchingProject = true;
    mainWindow.webContents.once('did-finish-load', () => (switchingProject = false));
    mainWindow.webContents.reload();
  }
  void refreshMenu();
  return true;
}

/** A refused project file: say why, and offer to copy its records into a new project and open that. */
async function offerCleanCopy(file: string, reason: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    message: 'Gainsay did not open this project',
    detail: reason,
    buttons: ['Open a Clean Copy…', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
  });
  if (response !== 0) return false;
  const { canceled, filePath } = await dialog.showSaveDialog({
    title: 'Save the clean copy as',
    defaultPath: file.replace(/(\.gainsay)?$/i, ' (clean copy).gainsay'),
    filters: [{ name: 'Gainsay project', extensions: ['gainsay'] }],
  });
  if (canceled || !filePath) return false;
  let report: CleanCopyReport;
  try {
    report = makeCleanCopy(file, filePath);
  } catch (error) {
    dialog.showErrorBox('No clean copy could be made', (error as Error).message);
    return false;
  }
  if (!(await openProject(filePath))) return false;
  const listed = (title: string, lines: string[]) => `${title}:\n${lines.slice(0, 30).join('\n')}${lines.length > 30 ? `\n… and ${lines.length - 30} more` : ''}`;
  const dropped = report.dropped.length ? listed('Left out', report.dropped) : 'Nothing was left out.';
  const renamed = report.renamed.length ? `\n\n${listed('Given new ids', report.renamed)}` : '';
  await dialog.showMessageBox({ type: 'info', message: 'Clean copy opened', detail: `It holds ${describeCopied(report)}. The original file was not changed.\n\n${dropped}${renamed}` });
  return true;
}

/** A menu's call into the contract; a refusal (not a job's end, which the window shows) in a message box. */
async function shellCall(label: string, method: 'exports.start' | 'imports.start', input: unknown): Promise<void> {
  const result = await ipcHost?.invoke(method, input);
  if (result && !result.ok) dialog.showErrorBox(`${label} failed`, result.error.message);
}

const menuActions: MenuActions = {
  newProject: async () => {
    const { canceled, filePath } = await dialog.showSaveDialog({ title: 'New project', defaultPath: 'Untitled.gainsay', filters: [{ name: 'Gainsay project', extensions: ['gainsay'] }] });
    if (canceled || !filePath) return;
    if (fs.existsSync(filePath)) {
      dialog.showErrorBox('Gainsay will not replace that file', `${filePath} already exists. Open it, or choose another name for the new project.`);
      return;
    }
    await openProject(filePath);
  },
  openProject: async () => {
    const { canceled, filePaths } = await dialog.showOpenDialog({ title: 'Open project', properties: ['openFile'], filters: [{ name: 'Gainsay project', extensions: ['gainsay'] }] });
    if (!canceled && filePaths[0]) await openProject(filePaths[0]);
  },
  openRecent: (file) => void openProject(file),
  saveCopy: () => menuActions.exportAs('sqlite'),
  // The same jobs as the window's Import and Export: progress and the outcome show in the window.
  importFiles: () => void shellCall('Import', 'imports.start', { choose: 'files' }),
  importFolder: () => void shellCall('Import', 'imports.start', { choose: 'folder' }),
  // The preview and mapping are the window's dialog: the menu asks the window to open it.
  importAnnotations: () => mainWindow?.webContents.send(COMMAND_CHANNEL, 'import-annotations'),
  exportAs: (format) => void shellCall('Export', 'exports.start', { format }),
  closeWindow: () => mainWindow?.close(),
  undo: () => void historyStep('history.undo'),
  redo: () => void historyStep('history.redo'),
  // Dialogs of the page itself: the window opens them as its own buttons and keys do.
  preferences: () => mainWindow?.webContents.send(COMMAND_CHANNEL, 'preferences'),
  shortcuts: () => mainWindow?.webContents.send(COMMAND_CHANNEL, 'shortcuts'),
  about: () =>
    void dialog.showMessageBox({
      type: 'info',
      message: `Gainsay ${APP_VERSION}`,
      detail: [`Electron ${process.versions.electron}`, `Chromium ${process.versions.chrome}`, `Node.js ${process.versions.node}`, `Project schema ${LATEST_SCHEMA_VERSION}`].join('\n'),
    }),
};

async function historyStep(method: 'history.undo' | 'history.redo'): Promise<void> {
  if (!backend) return;
  const result = await backend.invoke(method, {});
  if (result.ok) changed(method);
  else dialog.showErrorBox(method === 'history.undo' ? 'Cannot undo' : 'Cannot redo', result.error.message);
}

function createWindow(): void {
  const bounds = restoreBounds(state.bounds, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...bounds,
    title: backend ? `${backend.project.name} — Gainsay` : 'Gainsay',
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
  if (backend) window.setRepresentedFilename(backend.project.path);
  window.on('close', () => {
    state = { ...state, bounds: window.getNormalBounds() };
    writeState(state);
  });
  window.on('closed', () => (mainWindow = null));
  // The page refuses to be left while leaving would lose work (unsaved claim edits, an import
  // under way: its beforeunload handler). A browser then asks the analyst; the shell must ask
  // itself, or the window would refuse to close (or to open another project) without a word.
  window.webContents.on('will-prevent-unload', (event) => {
    // Another project is open in the backend already: the page must show it (its edits belonged to the last one).
    if (switchingProject) return event.preventDefault();
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'Leave this window?',
      detail: 'Unsaved claim changes, or an import under way, would be lost.',
    });
    // Leaving: the page's refusal is set aside and it unloads.
    if (choice === 0) event.preventDefault();
  });
  mainWindow = window;
  void window.loadURL(`${APP_ORIGIN}/`);
}

/** A .gainsay file handed to the app (a second launch, a double-click, macOS open-file). */
function openFromOutside(file: string | undefined): void {
  if (!file) return;
  if (!app.isReady()) {
    pendingFile = file;
    return;
  }
  void openProject(path.resolve(file)).then((opened) => {
    if (opened && !mainWindow) createWindow();
    mainWindow?.show();
    mainWindow?.focus();
  });
}
let pendingFile: string | undefined;

if (!app.requestSingleInstanceLock()) {
  // Another Gainsay is running: it receives this launch's file (second-instance) and this one ends.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => openFromOutside(projectFromArgv(argv.slice(1))));
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOutside(file);
  });

  app.whenReady().then(async () => {
    state = readState();
    if (!(await openProject(pendingFile ?? projectFromArgv(process.argv.slice(1)) ?? defaultProjectPath()))) {
      app.quit();
      return;
    }
    harden();
    serveUi();
    ipcHost = registerIpcHost({
      ipcMain,
      dialog,
      backend: () => backend,
      send: (channel, payload) => mainWindow?.webContents.send(channel, payload),
      changed: () => void refreshMenu(),
      progress: (fraction) => mainWindow?.setProgressBar(fraction),
    });
    app.on('will-quit', () => backend?.close());
    createWindow();
    app.on('activate', () => {
      if (!mainWindow) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
