/**
 * A copy's identity (docs/architecture.md «Identity of a copy»): every session that writes to a
 * file first starts an epoch (share_epoch, migration 0060): a new random copy id from the next
 * change number on, with the region of the person writing. Two copies of a file, however they were
 * made (sent, saved as, copied by hand, opened where they lie, written by the CLI), then never
 * number different changes under the same id: each holds a prefix of the epochs they share and
 * writes in its own. Run inside the first write's transaction (db/core/session.ts WriterStart);
 * later edits of the session cost nothing more.
 */
import { randomBytes } from 'node:crypto';
import type { RegionCode } from '../../shared/domain/model';
import type { WriterStart } from '../core/session';

/**
 * `region`: the person's region (their setting), or how to read it when the epoch begins (the app
 * may ask for it after the file opened, and «Indstillinger» changes it: Session.writerChanged);
 * without one, the portfolio's own.
 */
export function newEpoch(region?: RegionCode | (() => RegionCode | undefined)): WriterStart {
  const regionNow = typeof region === 'function' ? region : () => region;
  return {
    begin(db, firstChange, at) {
      // An epoch that holds no change yet (a session that began and never wrote) is replaced: no
      // copy can hold a change of it.
      db.prepare('DELETE FROM share_epoch WHERE first_change >= ?').run(firstChange);
      db.prepare(
        'INSERT INTO share_epoch (replica, first_change, region, at) VALUES (?, ?, coalesce(?, (SELECT region FROM portfolio)), ?)',
      ).run(randomBytes(16).toString('hex'), firstChange, regionNow() ?? null, at);
    },
  };
}
