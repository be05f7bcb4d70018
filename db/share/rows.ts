/**
 * Copies the rows of a checked foreign file into our own database with plain SELECTs, every
 * value's type and range checked first (docs/files.md, "A .sqlite from elsewhere"). One spec per
 * table lists its columns and their checks; the copy is one transaction, foreign keys checked at
 * the end.
 *
 * Speed (build/bench, section share): turning each of a 20,000-line file's 200,000 values into a
 * JavaScript value and back into a row cost ~1 s. So each check has two forms: the exact one in
 * TypeScript (`js`), and a stricter-or-equal one in SQL (`sql`: whatever it accepts, `js` accepts
 * too). SQLite runs the SQL form over every row of the private copy (ATTACHed to our database
 * after its quick_check and exact schema comparison); only a row it flags comes to TypeScript,
 * where `js` decides (a flagged row can still be good: the SQL form of a length limit counts UTF-8
 * bytes, TypeScript UTF-16 units). Then the rows are copied with INSERT … SELECT inside SQLite, in
 * the same transaction, so what is copied is what was checked.
 */
import { YEAR_RANGE } from '../../shared/domain/limits';
import { MAX_CELL_KRONER } from '../../shared/domain/money';
import { REGION_CODES, TEXT_LIMITS, type RegionCode } from '../../shared/domain/model';
import { isMonth } from '../../shared/danish/month';
import {
  LIGHTS,
  MILESTONE_STATES,
  PHASES,
  PROJECT_TEXT_LIMITS,
  RISK_ACTIVITY_KINDS,
  RISK_PROFILES,
} from '../../shared/domain/project';
import { PortfolioFileError } from '../core/errors';
import type { DB } from '../core/open';

interface Check {
  js: (v: unknown) => boolean;
  /** An SQL condition on column `c` that holds only where `js` holds. */
  sql: (c: string) => string;
  /** A foreign key: the value must also be in this column of a table copied before (checked with the values). */
  references?: { table: string; column: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REPLICA = /^[0-9a-f]{32}$/;
const HEX = '[0-9a-fA-F]';
const UUID_GLOB = [8, 4, 4, 4, 12].map((n) => HEX.repeat(n)).join('-');
const REPLICA_GLOB = '[0-9a-f]'.repeat(32);
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

// A JavaScript string never has more UTF-16 units than its UTF-8 text has bytes (an invalid byte
// becomes one U+FFFD), so a byte count within the limit is a length within it.
const text = (max: number): Check => ({
  js: (v) => typeof v === 'string' && v.length <= max,
  sql: (c) => `(typeof(${c}) = 'text' AND length(CAST(${c} AS BLOB)) <= ${max})`,
});
const int = (lo: number, hi: number): Check => ({
  js: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= lo && v <= hi,
  sql: (c) => `(typeof(${c}) = 'integer' AND ${c} BETWEEN ${lo} AND ${hi})`,
});
const uuid: Check = {
  js: (v) => typeof v === 'string' && UUID.test(v),
  sql: (c) => `(typeof(${c}) = 'text' AND ${c} GLOB '${UUID_GLOB}')`,
};
const replica: Check = {
  js: (v) => typeof v === 'string' && REPLICA.test(v),
  sql: (c) => `(typeof(${c}) = 'text' AND ${c} GLOB '${REPLICA_GLOB}')`,
};
const oneOf = (...values: readonly string[]): Check => ({
  js: (v) => typeof v === 'string' && values.includes(v),
  sql: (c) => `(typeof(${c}) = 'text' AND ${c} IN (${values.map(quote).join(', ')}))`,
});
/**
 * A foreign key to a table copied (and checked) before this one, of SQL type `type`: an index
 * lookup, which also proves `check` (whatever it finds passed `check` in its own table), so the
 * many amounts need neither a pattern match for their line id nor SQLite's foreign key check.
 */
const key = (table: string, column: string, check: Check, type = 'text'): Check => ({
  js: check.js,
  sql: (c) => `(typeof(${c}) = '${type}' AND ${c} IN (SELECT ${column} FROM main.${table}))`,
  references: { table, column },
});
const region = oneOf(...REGION_CODES);
const nullable = (check: Check): Check => ({
  js: (v) => v === null || check.js(v),
  sql: (c) => `(${c} IS NULL OR ${check.sql(c)})`,
});
const time = text(40);
const COUNT = int(0, Number.MAX_SAFE_INTEGER);
const POSITION = int(-(2 ** 52), 2 ** 52);
const YEAR = int(YEAR_RANGE.min, YEAR_RANGE.max);
const AUDIT_TEXT = 200_000;
const AUDIT_ENTITIES = [
  ...['portfolio', 'year', 'pool', 'line', 'amount'],
  ...['pool_kind', 'project', 'risk_activity', 'project_status', 'milestone'],
] as const;
const month: Check = {
  js: isMonth,
  sql: (c) =>
    `(typeof(${c}) = 'text' AND ${c} GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(${c}, 6) BETWEEN '01' AND '12')`,
};
const light = nullable(oneOf(...LIGHTS));

/** Every table of our schema with its columns, in an order that satisfies the foreign keys. */
const TABLES: Record<string, Record<string, Check>> = {
  portfolio: { id: uuid, singleton: int(1, 1), title: text(TEXT_LIMITS.title), region, created_at: time },
  budget_year: { year: YEAR },
  pool: { id: uuid, name: text(TEXT_LIMITS.name), position: POSITION, description: text(TEXT_LIMITS.description) },
  line: {
    id: uuid,
    pool_id: key('pool', 'id', uuid),
    parent_id: nullable(uuid),
    name: text(TEXT_LIMITS.name),
    position: POSITION,
    description: text(TEXT_LIMITS.description),
    comment: text(TEXT_LIMITS.comment),
  },
  amount: {
    line_id: key('line', 'id', uuid),
    year: key('budget_year', 'year', YEAR, 'integer'),
    kroner: int(-MAX_CELL_KRONER, MAX_CELL_KRONER),
  },
  pool_kind: { pool_id: key('pool', 'id', uuid), kind: oneOf('national', 'fællesregional') },
  project: {
    line_id: key('line', 'id', uuid),
    number: nullable(text(PROJECT_TEXT_LIMITS.number)),
    purpose: text(TEXT_LIMITS.description),
    responsible: text(PROJECT_TEXT_LIMITS.responsible),
    phase: nullable(oneOf(...PHASES)),
    start_month: nullable(month),
    end_month: nullable(month),
    case_ref: text(PROJECT_TEXT_LIMITS.caseRef),
    risk_profile: nullable(oneOf(...RISK_PROFILES)),
  },
  risk_activity: {
    id: uuid,
    line_id: key('line', 'id', uuid),
    kind: oneOf(...RISK_ACTIVITY_KINDS),
    month,
    note: text(TEXT_LIMITS.description),
  },
  project_status: {
    line_id: key('line', 'id', uuid),
    month,
    deliveries: light,
    time: light,
    money: light,
    resources: light,
    overall: light,
    remark: text(TEXT_LIMITS.description),
  },
  milestone: {
    line_id: key('line', 'id', uuid),
    half: {
      js: (v) => typeof v === 'string' && /^\d{4}-H[12]$/.test(v),
      sql: (c) => `(typeof(${c}) = 'text' AND ${c} GLOB '[12][0-9][0-9][0-9]-H[12]')`,
    },
    text: text(TEXT_LIMITS.description),
    state: nullable(oneOf(...MILESTONE_STATES)),
  },
  audit: {
    seq: COUNT,
    at: time,
    change_no: COUNT,
    action: text(2_000),
    entity: oneOf(...AUDIT_ENTITIES),
    entity_id: nullable(text(100)),
    field: nullable(text(100)),
    old_value: nullable(text(AUDIT_TEXT)),
    new_value: nullable(text(AUDIT_TEXT)),
  },
  share_replica: { singleton: int(1, 1), id: replica, origin: replica, since: COUNT },
  share_seen: { replica, counter: COUNT, region },
  share_epoch: { replica, first_change: COUNT, region, at: time },
  share_dot: {
    entity: oneOf('line', 'amount', 'pool', 'year'),
    entity_id: text(100),
    field: text(100),
    replica,
    counter: COUNT,
    at: time,
    change_no: COUNT,
  },
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

const DANGLING = 'en linje eller et beløb henviser til noget, der ikke findes';

/** The schema name the foreign file is attached under, for the length of the copy. */
const FROM = 'modtaget';

/** Refuses the first row of `table` (counted from 1, in the table's order) with a value its check does not accept. */
function checkTable(to: DB, table: string, columns: Record<string, Check>, name: string): void {
  const cols = Object.keys(columns);
  const checks = Object.values(columns);
  const rows = (numbered: boolean) =>
    `SELECT ${numbered ? 'row_number() OVER ()' : '0'} AS n, ${cols.join(', ')} FROM ${FROM}.${table}`;
  const flagged = (numbered: boolean) =>
    to
      .prepare(
        `SELECT * FROM (${rows(numbered)}) WHERE NOT coalesce(${cols.map((c, i) => checks[i]!.sql(c)).join(' AND ')}, 0)`,
      )
      .raw(true)
      .iterate() as IterableIterator<unknown[]>;
  const bad = (row: unknown[]) => checks.findIndex((check, i) => !check.js(row[i + 1]));
  for (const row of flagged(false)) {
    if (bad(row) < 0) {
      checks.forEach((check, i) => {
        const ref = check.references;
        if (
          ref &&
          row[i + 1] !== null &&
          !to.prepare(`SELECT 1 FROM main.${ref.table} WHERE ${ref.column} = ?`).get(row[i + 1])
        )
          refuse(name, DANGLING);
      });
      continue;
    }
    // Rare: number the rows (a window over the whole table) only to say which one it is.
    for (const numbered of flagged(true)) {
      const i = bad(numbered);
      if (i >= 0) refuse(name, `${table}.${cols[i]} i række ${String(numbered[0])} har en ugyldig værdi`);
    }
  }
}

/**
 * The tables with a foreign key that no check of theirs verifies (`key` above): SQLite's foreign
 * key check runs on these (a key added to the schema later is checked until a `key` covers it).
 */
function unverifiedForeignKeys(to: DB): string[] {
  return Object.entries(TABLES)
    .filter(([table, columns]) =>
      to
        .prepare<[string], { from: string; table: string; to: string }>(
          'SELECT "from", "table", "to" FROM pragma_foreign_key_list(?, \'main\')',
        )
        .all(table)
        .some(
          (fk) => columns[fk.from]?.references?.table !== fk.table || columns[fk.from]?.references?.column !== fk.to,
        ),
    )
    .map(([table]) => table);
}

/**
 * Copies every table of the foreign file at `fromPath` (already quick_checked and its schema
 * compared with ours) into the freshly migrated, empty `to`, checking each value.
 */
export function copyCheckedRows(fromPath: string, to: DB, name: string): ReceivedInfo {
  // Foreign keys are checked once, over the whole copy, below; per row they cost as much as the copy.
  to.pragma('foreign_keys = OFF');
  to.pragma('trusted_schema = OFF');
  to.prepare(`ATTACH DATABASE ? AS ${FROM}`).run(fromPath);
  try {
    to.transaction(() => {
      to.exec('DELETE FROM share_replica');
      for (const [table, columns] of Object.entries(TABLES)) {
        checkTable(to, table, columns, name);
        const cols = Object.keys(columns).join(', ');
        to.exec(`INSERT INTO main.${table} (${cols}) SELECT ${cols} FROM ${FROM}.${table}`);
      }
      const count = (q: string) => (to.prepare(q).pluck().get() as number) ?? 0;
      if (count('SELECT count(*) FROM main.portfolio') !== 1) refuse(name, 'porteføljens grunddata mangler');
      if (count('SELECT count(*) FROM main.share_replica') !== 1)
        refuse(name, 'filens afstamning (share_replica) mangler');
      // A sub-line's parent is a top line of the same pool (the model has two levels).
      if (
        count(
          'SELECT count(*) FROM main.line c JOIN main.line p ON p.id = c.parent_id WHERE p.parent_id IS NOT NULL OR p.pool_id <> c.pool_id',
        )
      ) {
        refuse(name, 'en underlinje ligger under en linje, der selv er en underlinje eller i en anden pulje');
      }
      for (const table of unverifiedForeignKeys(to)) {
        if (to.prepare("SELECT count(*) FROM pragma_foreign_key_check(?, 'main')").pluck().get(table))
          refuse(name, DANGLING);
      }
    })();
  } finally {
    to.exec(`DETACH DATABASE ${FROM}`);
    to.pragma('foreign_keys = ON');
  }
  const meta = to
    .prepare<[], { id: string; title: string; region: RegionCode }>('SELECT id, title, region FROM portfolio')
    .get()!;
  const sent = to
    .prepare<[], { region: RegionCode; sent_at: string; app_version: string; schema_version: number }>(
      'SELECT region, sent_at, app_version, schema_version FROM share_sent',
    )
    .get();
  const count = (q: string) => to.prepare(q).pluck().get() as number;
  return {
    fileName: name,
    portfolioId: meta.id,
    title: meta.title,
    region: meta.region,
    sentBy: sent
      ? { region: sent.region, sentAt: sent.sent_at, appVersion: sent.app_version, schemaVersion: sent.schema_version }
      : null,
    fileSchemaVersion: 0,
    years: to.prepare('SELECT year FROM budget_year ORDER BY year').pluck().all() as number[],
    pools: count('SELECT count(*) FROM pool'),
    lines: count('SELECT count(*) FROM line'),
  };
}

/** The tables copied whole (import of a received file into a new portfolio file reuses the list). */
export const SHARED_TABLES = Object.keys(TABLES);
