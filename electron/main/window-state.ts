/** A window's position and size, as saved between runs. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 };
const MIN = { width: 640, height: 480 };

function overlap(a: Bounds, b: Bounds): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds when they are sensible and still on a screen (a
 * monitor may have been unplugged since), moved and shrunk into the work area they overlap most;
 * otherwise the default size, centred by the system (no position).
 */
export function restoreBounds(saved: unknown, workAreas: readonly Bounds[]): Partial<Bounds> & { width: number; height: number } {
  const b = saved as Partial<Bounds> | null;
  const valid = !!b && [b.x, b.y, b.width, b.height].every((n) => typeof n === 'number' && Number.isFinite(n));
  if (!valid) return { ...DEFAULT_SIZE };
  const bounds = b as Bounds;
  const area = [...workAreas].sort((p, q) => overlap(bounds, q) - overlap(bounds, p))[0];
  if (!area || overlap(bounds, area) === 0) return { ...DEFAULT_SIZE };
  const width = Math.max(MIN.width, Math.min(bounds.width, area.width));
  const height = Math.max(MIN.height, Math.min(bounds.height, area.height));
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}
