import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions } from '../../electron/main/menu-template';
import { addRecent } from '../../electron/main/recent-projects';
import { DEFAULT_SIZE, restoreBounds, type Bounds } from '../../electron/main/window-state';

const actions = (): MenuActions => ({
  newProject: vi.fn(), openProject: vi.fn(), openRecent: vi.fn(), saveCopy: vi.fn(), importFiles: vi.fn(),
  importFolder: vi.fn(), importAnnotations: vi.fn(), exportAs: vi.fn(), closeWindow: vi.fn(), undo: vi.fn(), redo: vi.fn(), preferences: vi.fn(), shortcuts: vi.fn(), about: vi.fn(),
});
type Item = { label?: string; role?: string; submenu?: Item[]; enabled?: boolean; accelerator?: string; click?: () => void };
const find = (items: Item[], label: string): Item => {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = item.submenu && find(item.submenu, label);
    if (inner?.label === label) return inner;
  }
  return {};
};

describe('the application menu', () => {
  it('puts About and Quit in the app menu on macOS, and Exit in File and About in Help elsewhere', () => {
    const state = { appName: 'Gainsay', recent: [], undo: null, redo: null };
    const mac = menuTemplate('darwin', state, actions()) as Item[];
    const linux = menuTemplate('linux', state, actions()) as Item[];
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['Gainsay', '&File', '&Edit', '&View', 'windowMenu', 'help']);
    expect(mac[0]!.submenu!.some((i) => i.role === 'quit')).toBe(true);
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
    expect(find(linux, 'Exit').role).toBe('quit');
    expect(find(linux, 'About Gainsay').click).toBeTypeOf('function');
    expect(find(linux, 'Redo').accelerator).toBe('Ctrl+Y');
    expect(find(mac, 'Redo').accelerator).toBe('Cmd+Shift+Z');
  });

  it('opens the window’s Preferences from Edit (Settings… in the app menu on macOS) and its shortcuts from Help', () => {
    const state = { appName: 'Gainsay', recent: [], undo: null, redo: null };
    const a = actions();
    const linux = menuTemplate('linux', state, a) as Item[];
    const mac = menuTemplate('darwin', state, a) as Item[];
    expect(linux[1]!.submenu!.at(-1)!.label).toBe('Preferences…');
    expect(find(linux, 'Preferences…').accelerator).toBe('CmdOrCtrl+,');
    expect(mac[0]!.submenu!.some((i) => i.label === 'Settings…')).toBe(true);
    expect(find(mac, 'Preferences…')).toEqual({});
    find(linux, 'Preferences…').click!();
    find(mac, 'Settings…').click!();
    expect(a.preferences).toHaveBeenCalledTimes(2);
    find(linux, 'Keyboard Shortcuts').click!();
    find(mac, 'Keyboard Shortcuts').click!();
    expect(a.shortcuts).toHaveBeenCalledTimes(2);
  });

  it('names the app’s next undo and redo steps and wires File to the actions', () => {
    const a = actions();
    const menu = menuTemplate('linux', { appName: 'Gainsay', recent: ['/p/Ceasefire.gainsay', '/p/Other.gainsay'], undo: 'Confirm contradiction', redo: null }, a) as Item[];
    const undo = find(menu, 'Undo Confirm contradiction');
    expect(undo.enabled).toBe(true);
    undo.click!();
    expect(a.undo).toHaveBeenCalled();
    expect(find(menu, 'Redo').enabled).toBe(false);
    find(menu, 'Ceasefire.gainsay').click!();
    expect(a.openRecent).toHaveBeenCalledWith('/p/Ceasefire.gainsay');
    find(menu, 'REFI-QDA project (.qdpx)…').click!();
    expect(a.exportAs).toHaveBeenCalledWith('refi');
    find(menu, 'Annotations…').click!();
    expect(a.importAnnotations).toHaveBeenCalled();
    expect(find(menu, 'Open Recent').enabled).toBe(true);
    expect(find(menuTemplate('linux', { appName: 'Gainsay', recent: [], undo: null, redo: null }, a) as Item[], 'Open Recent').enabled).toBe(false);
  });
});

describe('recent projects', () => {
  it('keep the latest first, each once, at most ten', () => {
    expect(addRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('/a', '/b', '/c', '/d', '/e', '/f', '/g', '/h', '/i', '/j', '/k', '/l')), (opened) => {
        const list = opened.reduce<string[]>((l, f) => addRecent(l, f), []);
        expect(list.length).toBeLessThanOrEqual(10);
        expect(new Set(list).size).toBe(list.length);
        if (opened.length) expect(list[0]).toBe(opened[opened.length - 1]);
      }),
    );
  });
});

describe('window bounds', () => {
  const screen: Bounds = { x: 0, y: 0, width: 1920, height: 1080 };
  const second: Bounds = { x: 1920, y: 0, width: 1280, height: 1024 };

  it('restores saved bounds on a screen, and falls back to the default size for nonsense or a screen that is gone', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1200, height: 800 }, [screen])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(restoreBounds({ x: 2000, y: 10, width: 1200, height: 800 }, [screen])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ x: 2000, y: 10, width: 1200, height: 800 }, [screen, second])).toEqual({ x: 2000, y: 10, width: 1200, height: 800 });
    expect(restoreBounds('garbage', [screen])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ x: NaN, y: 0, width: 10, height: 10 }, [screen])).toEqual(DEFAULT_SIZE);
  });

  it('always lands inside the work area it overlaps most, at least 640×480 (bounds that overlap a screen)', () => {
    // Bounds built to overlap one of the screens, so every run reaches the checks.
    const overlapping = fc.constantFrom(screen, second).chain((area) =>
      fc.record({ width: fc.integer({ min: 1, max: 6000 }), height: fc.integer({ min: 1, max: 6000 }) }).chain(({ width, height }) =>
        fc.record({
          x: fc.integer({ min: area.x - width + 1, max: area.x + area.width - 1 }),
          y: fc.integer({ min: area.y - height + 1, max: area.y + area.height - 1 }),
          width: fc.constant(width),
          height: fc.constant(height),
        }),
      ),
    );
    fc.assert(
      fc.property(overlapping, (bounds) => {
        const result = restoreBounds(bounds, [screen, second]);
        expect(result.x).toBeDefined();
        const area = [screen, second].find((a) => result.x! >= a.x && result.x! + result.width <= a.x + a.width)!;
        expect(area).toBeDefined();
        expect(result.y!).toBeGreaterThanOrEqual(area.y);
        expect(result.y! + result.height).toBeLessThanOrEqual(area.y + area.height);
        expect(result.width).toBeGreaterThanOrEqual(640);
        expect(result.height).toBeGreaterThanOrEqual(480);
      }),
    );
  });

  it('opens at the default size, placed by the system, when the saved bounds touch no screen', () => {
    const int = fc.integer({ min: -3000, max: 5000 });
    const touches = (b: { x: number; y: number; width: number; height: number }) =>
      [screen, second].some((a) => b.x < a.x + a.width && a.x < b.x + b.width && b.y < a.y + a.height && a.y < b.y + b.height);
    const elsewhere = fc.record({ x: int, y: int, width: fc.integer({ min: 1, max: 6000 }), height: fc.integer({ min: 1, max: 6000 }) }).filter((b) => !touches(b));
    fc.assert(
      fc.property(elsewhere, (bounds) => {
        expect(restoreBounds(bounds, [screen, second])).toEqual(DEFAULT_SIZE);
      }),
    );
  });
});
