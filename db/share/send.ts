/**
 * "Send til en anden region": one self-contained copy of the open portfolio (db/core/copy.ts) that
 * records who sent it, so the receiver sees where the file came from.
 */
import { sentFileName } from '../../shared/danish/time';
import { copyPortfolio, type CopiedFile } from '../core/copy';
import { SCHEMA_VERSION } from '../core/migrations/index';
import type { DB } from '../core/open';
import { readMeta } from '../core/queries';
import { personRegion } from './person';

/** `Puljeplan RM 2026-11-22.sqlite`: the sending region and the day. */
export { sentFileName };

export type SentFile = CopiedFile;

/**
 * Writes the copy of `db` (the file at `sourcePath`) to `outPath`, marked as sent from the person's
 * region (person.ts), else the portfolio's. `noReplace`: refuse an existing `outPath` (db/core/copy.ts).
 */
export function sendCopy(
  db: DB,
  sourcePath: string,
  outPath: string,
  appVersion: string,
  now = new Date(),
  options: { noReplace?: boolean } = {},
): SentFile {
  const region = personRegion() ?? readMeta(db).region;
  return copyPortfolio(
    db,
    sourcePath,
    outPath,
    (copy) => {
      copy
        .prepare(
          'INSERT OR REPLACE INTO share_sent (singleton, region, sent_at, app_version, schema_version) VALUES (1, ?, ?, ?, ?)',
        )
        .run(region, now.toISOString(), appVersion, SCHEMA_VERSION);
    },
    options,
  );
}
