/**
 * Self-contained copies of the open portfolio (db/core/copy.ts): "Gem som" and, through the same code,
 * "Send til en anden region". Made while the session is open with edits still in its -wal.
 */
import type Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as commands from '../../../db/core/commands';
import { saveCopyAs } from '../../../db/core/copy';
import { createPortfolio } from '../../../db/core/create';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';
import { sendCopy } from '../../../db/share/send';
import { readFile } from './read-file';

let dir: string;
let session: Session;

/** Every row of every table, as the file holds it. */
function rows(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-copy-'));
  const file = join(dir, 'Bilag 1.sqlite');
  createPortfolio(file, { example: true });
  session = openSession(file);
  session.run((db) => commands.addPool(db, { name: 'Kun i WAL', afterPoolId: null }));
});

afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Gem som (saveCopyAs)', () => {
  it('is every row of the open portfolio, edits still in its -wal included, in one file out of WAL mode', () => {
    expect(existsSync(`${session.path}-wal`)).toBe(true);
    const copy = join(dir, 'Kopi.sqlite');
    const made = saveCopyAs(session.db, session.path, copy);
    expect(made).toEqual({ path: copy, fileName: 'Kopi.sqlite', bytes: readFileSync(copy).length, movedAside: [] });
    expect(readdirSync(dir).sort()).toEqual(['Bilag 1.sqlite', 'Bilag 1.sqlite-wal', 'Kopi.sqlite']);
    // Header bytes 18-19 are 1 in a rollback-journal file, 2 in WAL mode (SQLite file format §1.3).
    expect([...readFileSync(copy).subarray(18, 20)]).toEqual([1, 1]);
    expect(readFile(copy, (db) => db.pragma('quick_check', { simple: true }))).toBe('ok');
    expect(readFile(copy, rows)).toEqual(rows(session.db));
    expect(readFile(copy, (db) => db.prepare('SELECT count(*) FROM share_sent').pluck().get())).toBe(0);
  });

  it('refuses a name that exists, the open file included, and writes nothing', () => {
    const other = join(dir, 'Anden.sqlite');
    createPortfolio(other);
    const before = readFileSync(other);
    expect(() => saveCopyAs(session.db, session.path, other)).toThrow(
      '«Anden.sqlite» findes allerede. Puljeplan erstatter ikke en fil; vælg et andet navn.',
    );
    expect(() => saveCopyAs(session.db, session.path, session.path)).toThrow('«Bilag 1.sqlite» findes allerede');
    expect(readFileSync(other).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['Anden.sqlite', 'Bilag 1.sqlite', 'Bilag 1.sqlite-wal']);
  });
});

describe('Send (sendCopy), through the same copy', () => {
  it('is the same rows plus the mark of who sent it', () => {
    const sent = join(dir, 'Sendt.sqlite');
    sendCopy(session.db, session.path, sent, '9.9.9', new Date('2026-11-22T13:03:00Z'));
    const { share_sent: mark, ...rest } = readFile(sent, rows);
    const { share_sent: none, ...mine } = rows(session.db);
    expect(rest).toEqual(mine);
    expect(none).toEqual([]);
    expect(mark).toEqual([
      {
        singleton: 1,
        region: 'RM',
        sent_at: '2026-11-22T13:03:00.000Z',
        app_version: '9.9.9',
        schema_version: expect.any(Number),
      },
    ]);
  });

  it('refuses to write over the open file', () => {
    expect(() => sendCopy(session.db, session.path, session.path, '9.9.9')).toThrow(
      'Kopien kan ikke gemmes oven i den åbne portefølje. Vælg et andet navn.',
    );
  });

  it('over a portfolio open in another session: refused as open elsewhere, even though replacing is allowed', () => {
    const held = join(dir, 'Holdt.sqlite');
    createPortfolio(held);
    const holder = openSession(held);
    try {
      holder.run((db) => commands.setMeta(db, { title: 'I holderens -wal' }));
      const before = [readFileSync(held), readFileSync(`${held}-wal`)];
      expect(() => sendCopy(session.db, session.path, held, '9.9.9')).toThrow(
        '«Holdt.sqlite» er åben et andet sted (i Puljeplan på denne eller en anden computer) og kan ikke erstattes.',
      );
      expect([readFileSync(held), readFileSync(`${held}-wal`)]).toEqual(before);
    } finally {
      holder.close();
    }
  });

  it('at a name with a stale -wal: the copy is ours, the -wal moved aside and reported', () => {
    const sent = join(dir, 'Sendt.sqlite');
    writeFileSync(`${sent}-wal`, 'en gammel -wal');
    const made = sendCopy(session.db, session.path, sent, '9.9.9');
    expect(readFile(sent, (db) => db.pragma('quick_check', { simple: true }))).toBe('ok');
    expect(made.movedAside).toHaveLength(1);
    expect(basename(made.movedAside[0]!)).toMatch(/^Sendt\.sqlite-wal\./);
    expect(readFileSync(made.movedAside[0]!, 'utf8')).toBe('en gammel -wal');
    expect(existsSync(`${sent}-wal`)).toBe(false);
  });
});
