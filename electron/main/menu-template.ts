import type { MenuItemConstructorOptions } from 'electron';
import { EXPORT_FORMATS, EXPORT_LABELS, type ExportFormat } from '../../shared/export/formats';

/** What the menus do; main.ts supplies these. */
export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(file: string): void;
  saveCopy(): void;
  importFiles(): void;
  importFolder(): void;
  /** Opens the window's Import annotations dialog (preview and mapping). */
  importAnnotations(): void;
  exportAs(format: ExportFormat): void;
  closeWindow(): void;
  undo(): void;
  redo(): void;
  preferences(): void;
  shortcuts(): void;
  about(): void;
}

export interface MenuState {
  appName: string;
  recent: readonly string[];
  /** The labels of the app's next undo and redo steps, if any. */
  undo: string | null;
  redo: string | null;
}

/**
 * The application menu, following each platform's conventions: on macOS the app menu comes first
 * and holds About and Quit; elsewhere Quit (Exit) is in File and About in Help. Edit's Undo and
 * Redo are the app's own (annotation history); in text fields the roles below them still apply.
 * Preferences sit in the app menu on macOS (Cmd+,) and at the end of Edit elsewhere, as GNOME and
 * most Windows apps with an Edit menu have them.
 */
export function menuTemplate(platform: NodeJS.Platform, state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;
  const preferences: MenuItemConstructorOptions = { id: 'preferences', label: mac ? 'Settings…' : 'Preferences…', accelerator: 'CmdOrCtrl+,', click: actions.preferences };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-project', label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: actions.newProject },
      { id: 'open-project', label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: actions.openProject },
      {
        label: 'Open Recent',
        enabled: state.recent.length > 0,
        submenu: state.recent.length ? state.recent.map((f) => ({ label: basename(f), toolTip: f, click: () => actions.openRecent(f) })) : [{ label: 'No recent projects', enabled: false }],
      },
      { type: 'separator' },
      { id: 'save-copy', label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveCopy },
      { type: 'separator' },
      {
        label: 'Import',
        submenu: [
          { id: 'import-files', label: 'Files…', accelerator: 'CmdOrCtrl+I', click: actions.importFiles },
          { id: 'import-folder', label: 'Folder…', click: actions.importFolder },
          { id: 'import-annotations', label: 'Annotations…', click: actions.importAnnotations },
        ],
      },
      { label: 'Export', submenu: EXPORT_FORMATS.map((format) => ({ id: `export-${format}`, label: `${EXPORT_LABELS[format]}…`, click: () => actions.exportAs(format) })) },
      { type: 'separator' },
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: actions.closeWindow },
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: 'Exit' }] as MenuItemConstructorOptions[])),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { id: 'undo', label: state.undo ? `Undo ${state.undo}` : 'Undo', accelerator: 'CmdOrCtrl+Z', enabled: !!state.undo, click: actions.undo },
      { label: state.redo ? `Redo ${state.redo}` : 'Redo', accelerator: mac ? 'Cmd+Shift+Z' : 'Ctrl+Y', enabled: !!state.redo, click: actions.redo },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      ...(mac ? [] : ([{ type: 'separator' }, preferences] as MenuItemConstructorOptions[])),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ id: 'shortcuts', label: 'Keyboard Shortcuts', click: actions.shortcuts }, ...(mac ? [] : ([{ type: 'separator' }, { label: `About ${state.appName}`, click: actions.about }] as MenuItemConstructorOptions[]))],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: state.appName,
    submenu: [
      { label: `About ${state.appName}`, click: actions.about },
      { type: 'separator' },
      preferences,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, { role: 'windowMenu' }, help];
}
