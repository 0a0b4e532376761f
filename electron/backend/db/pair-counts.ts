import type Database from 'better-sqlite3';

/**
 * Who contradicts whom reads `link_pair_counts`, which the file's own triggers keep from its links
 * (migration 007). A file written elsewhere may hold counts no link could make: below zero, with
 * statuses not adding up, or so large (2^63 - 1) that the next link between the pair overflows the
 * count and is refused. Such counts are made again from the links at open, as the migration first
 * made them; counts in range are kept (checking them all against the links would cost every open
 * a pass over every link).
 */
export function repairPairCounts(db: Database.Database): void {
  const broken = db
    .prepare(
      `SELECT 1 FROM link_pair_counts
       WHERE total NOT BETWEEN 1 AND ${Number.MAX_SAFE_INTEGER} OR open < 0 OR confirmed < 0 OR dismissed < 0 OR open + confirmed + dismissed <> total
       LIMIT 1`,
    )
    .get();
  if (!broken) return;
  db.transaction(() => {
    db.exec('DELETE FROM link_pair_counts');
    db.exec(
      `INSERT INTO link_pair_counts (kind, x, y, total, open, confirmed, dismissed)
       SELECT kind, min(a_actor, b_actor), max(a_actor, b_actor), count(*), sum(status = 'open'), sum(status = 'confirmed'), sum(status = 'dismissed')
       FROM links WHERE a_actor <> '' AND b_actor <> '' GROUP BY 1, 2, 3`,
    );
  })();
}
