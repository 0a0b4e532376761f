import type { Counted } from '../../../shared/import-mappings';

/** Tallies names: most frequent first, then by name. */
export class Tally {
  private readonly counts = new Map<string, number>();
  add(name: string, by = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + by);
  }
  list(): Counted[] {
    return [...this.counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }
}
