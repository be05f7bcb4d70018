/**
 * Version 70: projects (docs/domain.md «Projects and monthly status»). A top-level line is a
 * project; `project` holds its card, `risk_activity` the it-råd's risikovurderinger and
 * sparringsmøder, `project_status` one row per project and month (four lights, an overall set by
 * hand, remarks; NULL is «ikke vurderet»), `milestone` one row per project and half-year, and
 * `pool_kind` the kind of a pool that is national or fællesregional (no row: other). Existing
 * pools get a kind from their name («Nationale …», «Fællesregionale …», as the annex names them;
 * SQLite's LIKE ignores case in ASCII only, hence the upper-case Æ spelled out).
 * The audit log is rebuilt so that its entity check allows the new entities (SQLite cannot alter
 * a CHECK); its rows are kept as they were. Frozen: never change a shipped migration.
 */
import type { Database } from 'better-sqlite3';

export const version = 70;
export const name = 'projects';

const month = (c: string) => `${c} GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(${c}, 6) BETWEEN '01' AND '12'`;
const LIGHT = "IN ('grøn', 'gul', 'rød')";

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE audit_70 (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      change_no INTEGER NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL CHECK (entity IN ('portfolio', 'year', 'pool', 'line', 'amount', 'pool_kind', 'project', 'risk_activity', 'project_status', 'milestone')),
      entity_id TEXT,
      field TEXT,
      old_value TEXT,
      new_value TEXT
    ) STRICT;
    INSERT INTO audit_70 (seq, at, change_no, action, entity, entity_id, field, old_value, new_value)
      SELECT seq, at, change_no, action, entity, entity_id, field, old_value, new_value FROM audit;
    DROP TABLE audit;
    ALTER TABLE audit_70 RENAME TO audit;
    CREATE INDEX audit_by_change ON audit (change_no);

    CREATE TABLE pool_kind (
      pool_id TEXT PRIMARY KEY NOT NULL REFERENCES pool (id),
      kind TEXT NOT NULL CHECK (kind IN ('national', 'fællesregional'))
    ) STRICT, WITHOUT ROWID;
    INSERT INTO pool_kind (pool_id, kind)
      SELECT id, CASE WHEN name LIKE 'national%' THEN 'national' ELSE 'fællesregional' END FROM pool
      WHERE name LIKE 'national%' OR name LIKE 'fællesregional%' OR name LIKE 'FÆLLESREGIONAL%';

    CREATE TABLE project (
      line_id TEXT PRIMARY KEY NOT NULL REFERENCES line (id),
      number TEXT UNIQUE,
      purpose TEXT NOT NULL DEFAULT '',
      responsible TEXT NOT NULL DEFAULT '',
      phase TEXT CHECK (phase IN ('Idé', 'Analyse', 'Gennemførelse', 'Afsluttet', 'Pauseret')),
      start_month TEXT CHECK (${month('start_month')}),
      end_month TEXT CHECK (${month('end_month')}),
      case_ref TEXT NOT NULL DEFAULT '',
      risk_profile TEXT CHECK (risk_profile IN ('A', 'B', 'C'))
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE risk_activity (
      id TEXT PRIMARY KEY NOT NULL,
      line_id TEXT NOT NULL REFERENCES line (id),
      kind TEXT NOT NULL CHECK (kind IN ('risikovurdering', 'sparringsmøde')),
      month TEXT NOT NULL CHECK (${month('month')}),
      note TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX risk_activity_by_line ON risk_activity (line_id);

    CREATE TABLE project_status (
      line_id TEXT NOT NULL REFERENCES line (id),
      month TEXT NOT NULL CHECK (${month('month')}),
      deliveries TEXT CHECK (deliveries ${LIGHT}),
      time TEXT CHECK (time ${LIGHT}),
      money TEXT CHECK (money ${LIGHT}),
      resources TEXT CHECK (resources ${LIGHT}),
      overall TEXT CHECK (overall ${LIGHT}),
      remark TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (line_id, month)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX project_status_by_month ON project_status (month);

    CREATE TABLE milestone (
      line_id TEXT NOT NULL REFERENCES line (id),
      half TEXT NOT NULL CHECK (half GLOB '[12][0-9][0-9][0-9]-H[12]'),
      text TEXT NOT NULL DEFAULT '',
      state TEXT CHECK (state IN ('på sporet', 'risiko', 'forsinket', 'sat i bero', 'nået')),
      PRIMARY KEY (line_id, half)
    ) STRICT, WITHOUT ROWID;
  `);
}
