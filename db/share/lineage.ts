/**
 * A merge's record of where its values came from: the dots of the values it took (share_dot), the
 * copies whose changes it now holds (share_seen), the lines it matched (share_alias) and its own
 * row (share_merge). It is part of the merge's undo step (Session's Extra): undoing the merge puts
 * the record back as it was and marks the merge undone (summary.undoneBy), and dots.ts then leaves
 * the merge and its undo out, so the file is as if never merged and merging it again applies it
 * again. Redoing the merge writes the record again under the redo's change number.
 */
import type { RegionCode } from '../../shared/domain/model';
import type { DB } from '../core/open';
import type { Extra } from '../core/session';
import { storeDots, type DotRow } from './dots';

export interface MergeFacts {
  /** Values taken, with their dots. */
  dots: DotRow[];
  /** share_seen rows to raise to at least these counters. */
  seen: [string, number, RegionCode][];
  /** Their line id -> my line id. */
  aliases: [string, string][];
  merge: { region: RegionCode; fileName: string; replica: string; summary: Record<string, unknown> };
}

type Row = Record<string, unknown>;

/** The rows a merge may overwrite, read before it writes them. */
interface Before {
  dots: Row[];
  seen: Row[];
  aliases: Row[];
}

const json = (v: unknown) => JSON.stringify(v);
/** The share_dot rows whose keys are in a JSON array of DotRows. */
const DOTS_IN =
  "share_dot WHERE (entity, entity_id, field) IN (SELECT value->>'$[0]', value->>'$[1]', value->>'$[2]' FROM json_each(?))";

/** Writes the merge's record (as a change of number changeNo); returns what undoes it. */
export class MergeRecord implements Extra {
  constructor(private readonly facts: MergeFacts) {}

  apply(db: DB, change: { changeNo: number; at: string }): Extra {
    const f = this.facts;
    const dots = json(f.dots);
    const replicas = json(f.seen.map(([r]) => r));
    const others = json(f.aliases.map(([other]) => other));
    const before: Before = {
      dots: db.prepare(`SELECT * FROM ${DOTS_IN}`).all(dots) as Row[],
      seen: db
        .prepare('SELECT * FROM share_seen WHERE replica IN (SELECT value FROM json_each(?))')
        .all(replicas) as Row[],
      aliases: db
        .prepare('SELECT * FROM share_alias WHERE other_id IN (SELECT value FROM json_each(?))')
        .all(others) as Row[],
    };
    storeDots(db, dots, change.changeNo);
    const seen = db.prepare(
      'INSERT INTO share_seen (replica, counter, region) VALUES (?, ?, ?) ON CONFLICT (replica) DO UPDATE SET counter = max(counter, excluded.counter), region = excluded.region',
    );
    for (const [r, counter, region] of f.seen) seen.run(r, counter, region);
    const alias = db.prepare('INSERT OR REPLACE INTO share_alias (other_id, line_id) VALUES (?, ?)');
    for (const [other, line] of f.aliases) alias.run(other, line);
    db.prepare(
      'INSERT INTO share_merge (change_no, at, region, file_name, replica, summary) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(change.changeNo, change.at, f.merge.region, f.merge.fileName, f.merge.replica, json(f.merge.summary));
    return new UndoneMerge(this, f, before, change.changeNo, { dots, replicas, others });
  }
}

/** Puts the record back as it was before the merge `mergeNo`, and marks the merge undone. */
class UndoneMerge implements Extra {
  constructor(
    private readonly redo: MergeRecord,
    private readonly facts: MergeFacts,
    private readonly before: Before,
    private readonly mergeNo: number,
    private readonly lists: { dots: string; replicas: string; others: string },
  ) {}

  apply(db: DB, change: { changeNo: number; at: string }): Extra {
    const { dots, replicas, others } = this.lists;
    db.prepare(`DELETE FROM ${DOTS_IN}`).run(dots);
    db.prepare('DELETE FROM share_seen WHERE replica IN (SELECT value FROM json_each(?))').run(replicas);
    db.prepare('DELETE FROM share_alias WHERE other_id IN (SELECT value FROM json_each(?))').run(others);
    const put = (table: string, rows: Row[]) => {
      if (!rows.length) return;
      const cols = Object.keys(rows[0]!);
      const insert = db.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
      );
      for (const r of rows) insert.run(r);
    };
    put('share_dot', this.before.dots);
    put('share_seen', this.before.seen);
    put('share_alias', this.before.aliases);
    db.prepare('UPDATE share_merge SET summary = ? WHERE change_no = ?').run(
      json({ ...this.facts.merge.summary, undoneBy: change.changeNo }),
      this.mergeNo,
    );
    return this.redo;
  }
}
