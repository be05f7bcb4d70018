/**
 * Received files (docs/files.md): each crafted foreign file is refused with its
 * Danish message, stays byte-identical, gets no sidecar, and the user's portfolio is unchanged.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createPortfolio } from '../../../db/core/create';
import { UserError } from '../../../db/core/errors';
import { SCHEMA_VERSION, runMigrations } from '../../../db/core/migrations/index';
import { APPLICATION_ID } from '../../../db/core/open';
import { applyMerge } from '../../../db/share/apply';
import { receiveFile } from '../../../db/share/receive';
import { seededRandom } from '../../seeded-random';
import { cli, contents, expectRefused, useInbox, withSession } from './helpers';

const f = useInbox();

/** A genuine sent copy of an example portfolio, to be altered. */
function alter(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(sql);
  db.close();
}

/** Refused by check, by merge and by the CLI (exit 1, one line); my portfolio is untouched. */
function refusedEverywhere(path: string, message: string | RegExp): void {
  const portfolio = contents(f.mine);
  expectRefused(path, () => receiveFile(path), message);
  expectRefused(path, () => withSession(f.mine, (s) => applyMerge(s, receiveFile(path), { take: 'theirs' })), message);
  const run = cli('check', path);
  expect(run.code).toBe(1);
  expect(run.err.split('\n')).toHaveLength(1);
  expect(contents(f.mine), 'my portfolio is unchanged').toBe(portfolio);
}

describe('received files that are refused', () => {
  it('an AFTER UPDATE trigger that deletes rows', () => {
    const path = f.sent();
    alter(path, 'CREATE TRIGGER wipe AFTER UPDATE ON amount BEGIN DELETE FROM line; END;');
    refusedEverywhere(path, /afvises: filen indeholder en trigger «wipe», som Puljeplan ikke selv laver/);
  });

  it('a view', () => {
    const path = f.sent();
    alter(path, 'CREATE VIEW v AS SELECT * FROM line');
    refusedEverywhere(path, /filen indeholder et view «v»/);
  });

  it('an extra index', () => {
    const path = f.sent();
    alter(path, 'CREATE INDEX amount_by_year ON amount (year)');
    refusedEverywhere(path, /filen indeholder et indeks «amount_by_year»/);
  });

  it('a virtual table', () => {
    const path = f.sent();
    alter(path, 'CREATE VIRTUAL TABLE search USING fts5 (name)');
    refusedEverywhere(path, /filen indeholder en tabel «search»/);
  });

  it('a user_version from the future', () => {
    const path = f.sent();
    alter(path, `PRAGMA user_version = ${SCHEMA_VERSION + 10}`);
    refusedEverywhere(path, /er lavet med en nyere version af Puljeplan/);
  });

  it('a foreign application_id', () => {
    const path = join(f.inbox, 'andet.sqlite');
    alter(path, 'PRAGMA application_id = 1234; CREATE TABLE t (a TEXT);');
    refusedEverywhere(path, '«andet.sqlite» er en SQLite-database, men ikke en Puljeplan-portefølje.');
  });

  it('a truncated file', () => {
    const full = f.sent();
    const path = join(f.inbox, 'afkortet.sqlite');
    writeFileSync(path, readFileSync(full).subarray(0, 8192));
    refusedEverywhere(path, /^«afkortet\.sqlite» er beskadiget/);
  });

  it('a zero-byte file', () => {
    const path = join(f.inbox, 'tom.sqlite');
    writeFileSync(path, '');
    refusedEverywhere(path, '«tom.sqlite» er tom (0 byte) og er ikke en Puljeplan-portefølje.');
  });

  it('a zip renamed .sqlite', async () => {
    const zip = new JSZip();
    zip.file('Bilag 1.sqlite', 'not really');
    const path = join(f.inbox, 'pakket.sqlite');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    refusedEverywhere(path, '«pakket.sqlite» er ikke en Puljeplan-portefølje (filen er ikke en SQLite-database).');
  });

  it('a stale -wal beside the file', () => {
    const path = f.sent();
    writeFileSync(`${path}-wal`, Buffer.alloc(4096, 7));
    refusedEverywhere(
      path,
      /Ved siden af «Puljeplan RSD 2026-11-22\.sqlite» ligger «Puljeplan RSD 2026-11-22\.sqlite-wal»/,
    );
  });

  it('a WAL-mode file that was never checkpointed (sent while open)', () => {
    const live = join(f.dir, 'aaben.sqlite');
    createPortfolio(live, { example: true, region: 'RN' });
    const db = new Database(live);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec("UPDATE pool SET name = name || ' (ny)'");
    const path = join(f.inbox, 'aaben.sqlite');
    copyFileSync(live, path); // the attachment: the main file without its -wal
    db.close();
    refusedEverywhere(path, /blev ikke lukket rigtigt af Puljeplan \(den er stadig i WAL-tilstand\)/);
  });

  it('a value of the wrong kind or out of range, in any table: refused, naming the table, column and row', () => {
    const cases: [string, RegExp][] = [
      [
        'UPDATE amount SET kroner = 100000000001 WHERE (line_id, year) = (SELECT line_id, year FROM amount LIMIT 1)',
        /afvises: amount\.kroner i række 1 har en ugyldig værdi/,
      ],
      [
        "PRAGMA foreign_keys = OFF; UPDATE line SET id = 'ikke-et-uuid' WHERE rowid = 3",
        /afvises: line\.id i række 3 har en ugyldig værdi/,
      ],
      [
        `UPDATE line SET name = '${'x'.repeat(301)}' WHERE rowid = 2`,
        /afvises: line\.name i række 2 har en ugyldig værdi/,
      ],
      [
        `UPDATE line SET name = '${'😀'.repeat(151)}' WHERE rowid = 2`,
        /afvises: line\.name i række 2 har en ugyldig værdi/,
      ],
      // A well-formed id that names no line passes its own check and is refused as a dangling reference.
      [
        'PRAGMA foreign_keys = OFF; UPDATE amount SET line_id = upper(line_id) WHERE (line_id, year) = (SELECT line_id, year FROM amount LIMIT 1)',
        /afvises: en linje eller et beløb henviser til noget, der ikke findes/,
      ],
      [
        "PRAGMA foreign_keys = OFF; UPDATE amount SET line_id = 'x' WHERE (line_id, year) = (SELECT line_id, year FROM amount LIMIT 1)",
        /afvises: amount\.line_id i række \d+ har en ugyldig værdi/,
      ],
      [
        'PRAGMA foreign_keys = OFF; UPDATE amount SET year = 2099 WHERE (line_id, year) = (SELECT line_id, year FROM amount LIMIT 1)',
        /afvises: en linje eller et beløb henviser til noget, der ikke findes/,
      ],
      [
        "PRAGMA foreign_keys = OFF; UPDATE line SET pool_id = '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' WHERE rowid = 2",
        /afvises: en linje eller et beløb henviser til noget, der ikke findes/,
      ],
      [
        "PRAGMA foreign_keys = OFF; UPDATE line SET parent_id = '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' WHERE rowid = 2",
        /afvises: en linje eller et beløb henviser til noget, der ikke findes/,
      ],
      [
        "INSERT INTO share_seen (replica, counter, region) VALUES ('0123456789abcdef0123456789abcdef', 3, 'XX')",
        /afvises: share_seen\.region i række 1 har en ugyldig værdi/,
      ],
      [
        "INSERT INTO share_seen (replica, counter, region) VALUES ('0123456789ABCDEF0123456789ABCDEF', 3, 'RM')",
        /afvises: share_seen\.replica i række 1 har en ugyldig værdi/,
      ],
      [
        "INSERT INTO share_dot VALUES ('line', 'x', '', '0123456789abcdef0123456789abcdef', -1, 'nu', 1)",
        /afvises: share_dot\.counter i række 1 har en ugyldig værdi/,
      ],
      [
        `INSERT INTO audit (at, change_no, action, entity, entity_id) VALUES ('nu', 1, 'Ret', 'line', '${'y'.repeat(101)}')`,
        /afvises: audit\.entity_id i række 1 har en ugyldig værdi/,
      ],
    ];
    const good = readFileSync(f.sent());
    cases.forEach(([sql, message], i) => {
      const path = join(f.inbox, `værdi-${i}.sqlite`);
      writeFileSync(path, good);
      alter(path, sql);
      refusedEverywhere(path, message);
    });
  });

  it('a value at its limit is accepted, counted as the app counts it (UTF-16 units, not bytes)', () => {
    const path = f.sent();
    // 300 units: 300 letters of two bytes each, and 150 emoji of four bytes (two units) each.
    alter(
      path,
      `UPDATE line SET name = '${'æ'.repeat(300)}' WHERE rowid = 2; UPDATE line SET name = '${'😀'.repeat(150)}' WHERE rowid = 3;`,
    );
    const received = receiveFile(path);
    try {
      const names = received.db
        .prepare('SELECT name FROM line WHERE rowid IN (2, 3) ORDER BY rowid')
        .pluck()
        .all() as string[];
      expect(names.map((n) => n.length)).toEqual([300, 300]);
    } finally {
      received.close();
    }
  });

  it('600 copies with random byte flips: each is refused or read, never a crash', () => {
    const path = f.sent();
    const good = readFileSync(path);
    const random = seededRandom(4);
    const outcomes = { refused: 0, read: 0 };
    for (let i = 0; i < 600; i++) {
      const bytes = Buffer.from(good);
      const flips = 1 + Math.floor(random() * 8);
      for (let f = 0; f < flips; f++) {
        // Half the flips hit the first pages (header, schema), where damage matters most.
        const at = Math.floor(random() * (random() < 0.5 ? 8192 : bytes.length));
        bytes[at] = bytes[at]! ^ (1 << Math.floor(random() * 8));
      }
      const damaged = join(f.inbox, `flip-${i}.sqlite`);
      writeFileSync(damaged, bytes);
      try {
        receiveFile(damaged).close();
        outcomes.read++;
      } catch (err) {
        expect(err, `flip ${i}: ${(err as Error).message}`).toBeInstanceOf(UserError);
        outcomes.refused++;
      }
      expect(readFileSync(damaged).equals(bytes)).toBe(true);
    }
    expect(outcomes.refused).toBeGreaterThan(100);
    expect(readdirSync(f.inbox).filter((f) => /-(wal|shm|journal)$/.test(f))).toEqual([]);
  }, 120_000);
});

describe('received files that are accepted', () => {
  it('a sent copy: the check names the region, time, app and schema version', () => {
    const path = f.sent();
    const run = cli('check', path);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^«Puljeplan RSD 2026-11-22\.sqlite» er i orden: «Bilag 1\. .*», 3 puljer, 13 linjer, år 2022–2023; sendt fra Region Syddanmark \d+\. \w+\.? \d{4} kl\. \d\d\.\d\d \(Puljeplan 0\.1\.0, skemaversion \d+\)\.$/,
    );
    expect(run.out.split('\n')).toHaveLength(1);
  });

  it('a file from an older schema version is migrated in a private copy; the file stays as it came', () => {
    const path = join(f.inbox, 'gammel.sqlite');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    runMigrations(db, 20);
    db.exec(`INSERT INTO portfolio (id, title, region, created_at) VALUES ('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', 'Gammel', 'RN', '2024-01-02T03:04:05.000Z');
      INSERT INTO budget_year (year) VALUES (2024);`);
    db.close();
    const before = readFileSync(path);
    const received = receiveFile(path);
    try {
      expect(received.info).toMatchObject({ title: 'Gammel', region: 'RN', fileSchemaVersion: 20, years: [2024] });
      expect(received.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      received.close();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
