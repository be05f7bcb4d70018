/**
 * Copies the rows of a checked foreign file into our own database with plain SELECTs, every
 * value's type and range checked in TypeScript first (guides/files-from-elsewhere.md, step 4).
 * One spec per table lists its columns and their checks; the insert is one transaction with
 * foreign keys checked at the commit.
 */
import { MAX_CELL_KRONER } from '../../shared/money';
import { REGION_CODES, TEXT_LIMITS, type RegionCode } from '../../shared/model';
import { PortfolioFileError } from '../errors';
import type { DB } from '../open';

type Check = (v: unknown) => boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REPLICA = /^[0-9a-f]{32}$/;
const text = (max: number): Check => (v) => typeof v === 'string' && v.length <= max;
const int = (lo: number, hi: number): Check => (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= lo && v <= hi;
const uuid: Check = (v) => typeof v === 'string' && UUID.test(v);
const replica: Check = (v) => typeof v === 'string' && REPLICA.test(v);
const region: Check = (v) => typeof v === 'string' && (REGION_CODES as readonly string[]).includes(v);
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const nullable = (check: Check): Check => (v) => v === null || check(v);
const time = text(40);
const COUNT = int(0, Number.MAX_SAFE_INTEGER);
const POSITION = int(-(2 ** 52), 2 ** 52);
const YEAR = int(1900, 2200);
const AUDIT_TEXT = 200_000;

/** Every table of our schema with its columns, in an order that satisfies the foreign keys. */
const TABLES: Record<string, Record<string, Check>> = {
  portfolio: { id: uuid, singleton: int(1, 1), title: text(TEXT_LIMITS.title), region, created_at: time },
  budget_year: { year: YEAR },
  pool: { id: uuid, name: text(TEXT_LIMITS.name), position: POSITION, description: text(TEXT_LIMITS.description) },
  line: {
    id: uuid,
    pool_id: uuid,
    parent_id: nullable(uuid),
    name: text(TEXT_LIMITS.name),
    position: POSITION,
    description: text(TEXT_LIMITS.description),
    comment: text(TEXT_LIMITS.comment),
  },
  amount: { line_id: uuid, year: YEAR, kroner: int(-MAX_CELL_KRONER, MAX_CELL_KRONER) },
  audit: {
    seq: COUNT,
    at: time,
    change_no: COUNT,
    action: text(2_000),
    entity: oneOf('portfolio', 'year', 'pool', 'line', 'amount'),
    entity_id: nullable(text(100)),
    field: nullable(text(100)),
    old_value: nullable(text(AUDIT_TEXT)),
    new_value: nullable(text(AUDIT_TEXT)),
  },
  share_replica: { singleton: int(1, 1), id: replica, origin: replica, since: COUNT },
  share_seen: { replica, counter: COUNT, region },
  share_dot: { entity: oneOf('line', 'amount', 'pool', 'year'), entity_id: text(100), field: text(100), replica, counter: COUNT, at: time, change_no: COUNT },
  share_alias: { other_id: uuid, line_id: uuid },
  share_merge: { change_no: COUNT, at: time, region, file_name: text(1_000), replica, summary: text(10_000) },
  share_sent: { singleton: int(1, 1), region, sent_at: time, app_version: text(100), schema_version: COUNT },
};

export interface SentBy {
  region: RegionCode;
  sentAt: string;
  appVersion: string;
  schemaVersion: number;
}

export interface ReceivedInfo {
  fileName: string;
  portfolioId: string;
  title: string;
  region: RegionCode;
  /** Set in a file made with "Send til en anden region". */
  sentBy: SentBy | null;
  /** The schema version the file had (older ones were migrated in our private copy). */
  fileSchemaVersion: number;
  years: number[];
  pools: number;
  lines: number;
}

function refuse(name: string, why: string): never {
  throw new PortfolioFileError(`«${name}» afvises: ${why}. Bed afsenderen sende filen igen.`);
}

/** Copies every table of `from` into the freshly migrated, empty `to`, checking each value. */
export function copyCheckedRows(from: DB, to: DB, name: string): ReceivedInfo {
  to.transaction(() => {
    to.pragma('defer_foreign_keys = ON');
    to.exec('DELETE FROM share_replica');
    for (const [table, columns] of Object.entries(TABLES)) {
      const cols = Object.keys(columns);
      const checks = Object.values(columns);
      const read = from.prepare(`SELECT ${cols.join(', ')} FROM ${table}`).raw(true);
      const write = to.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      let n = 0;
      for (const row of read.iterate() as IterableIterator<unknown[]>) {
        n++;
        for (let i = 0; i < checks.length; i++) {
          if (!checks[i]!(row[i])) refuse(name, `${table}.${cols[i]} i række ${n} har en ugyldig værdi`);
        }
        write.run(row);
      }
    }
    const count = (q: string) => (to.prepare(q).pluck().get() as number) ?? 0;
    if (count('SELECT count(*) FROM portfolio') !== 1) refuse(name, 'porteføljens grunddata mangler');
    if (count('SELECT count(*) FROM share_replica') !== 1) refuse(name, 'filens afstamning (share_replica) mangler');
    // A sub-line's parent is a top line of the same pool (the model has two levels).
    if (count('SELECT count(*) FROM line c JOIN line p ON p.id = c.parent_id WHERE p.parent_id IS NOT NULL OR p.pool_id <> c.pool_id')) {
      refuse(name, 'en underlinje ligger under en linje, der selv er en underlinje eller i en anden pulje');
    }
    if (count('SELECT count(*) FROM pragma_foreign_key_check')) refuse(name, 'en linje eller et beløb henviser til noget, der ikke findes');
  })();
  const meta = to.prepare<[], { id: string; title: string; region: RegionCode }>('SELECT id, title, region FROM portfolio').get()!;
  const sent = to.prepare<[], { region: RegionCode; sent_at: string; app_version: string; schema_version: number }>(
    'SELECT region, sent_at, app_version, schema_version FROM share_sent',
  ).get();
  const count = (q: string) => to.prepare(q).pluck().get() as number;
  return {
    fileName: name,
    portfolioId: meta.id,
    title: meta.title,
    region: meta.region,
    sentBy: sent ? { region: sent.region, sentAt: sent.sent_at, appVersion: sent.app_version, schemaVersion: sent.schema_version } : null,
    fileSchemaVersion: 0,
    years: to.prepare('SELECT year FROM budget_year ORDER BY year').pluck().all() as number[],
    pools: count('SELECT count(*) FROM pool'),
    lines: count('SELECT count(*) FROM line'),
  };
}

/** The tables copied whole (import of a received file into a new portfolio file reuses the list). */
export const SHARED_TABLES = Object.keys(TABLES);
