/**
 * Received files and the project tables (docs/files.md, docs/domain.md «Projects and monthly
 * status»): a value the app cannot hold, or a project row of a line that does not exist, refuses
 * the file everywhere, as for the portfolio's other tables; a good file's projects come across.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiveFile } from '../../../db/share/receive';
import { cli, contents, expectRefused, useInbox } from './helpers';

const f = useInbox();

/** RSD's sent copy, with a project card on Labrek. */
const sent = () =>
  f.sent(undefined, (src) =>
    expect(cli('project', src, '--line', 'Labrek (Laboratorie)', '--number', '19-2', '--risk', 'B').code).toBe(0),
  );

function alter(path: string, sql: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

describe('received files with projects', () => {
  it('a good file’s project card comes across', () => {
    const received = receiveFile(sent());
    try {
      expect(received.db.prepare('SELECT number, risk_profile FROM project').all()).toContainEqual({
        number: '19-2',
        risk_profile: 'B',
      });
    } finally {
      received.close();
    }
  });

  it('values the app cannot hold, and rows of a line that does not exist, are refused', () => {
    const ghost = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
    const cases: [string, RegExp][] = [
      [
        `UPDATE project SET purpose = '${'x'.repeat(20_001)}'`,
        /afvises: project\.purpose i række \d+ har en ugyldig værdi/,
      ],
      [
        `UPDATE project SET number = '${'1'.repeat(31)}' WHERE number = '19-2'`,
        /afvises: project\.number i række \d+ har en ugyldig værdi/,
      ],
      [
        `INSERT INTO project_status (line_id, month, remark) SELECT line_id, '2023-10', '${'y'.repeat(20_001)}' FROM project WHERE number = '19-2'`,
        /afvises: project_status\.remark i række \d+ har en ugyldig værdi/,
      ],
      [
        'CREATE TRIGGER wipe AFTER UPDATE ON project_status BEGIN DELETE FROM project; END;',
        /afvises: filen indeholder en trigger «wipe», som Puljeplan ikke selv laver/,
      ],
      ['CREATE INDEX by_phase ON project (phase)', /afvises: filen indeholder et indeks «by_phase»/],
      [
        `INSERT INTO risk_activity (id, line_id, kind, month) VALUES ('${ghost}', '${ghost}', 'risikovurdering', '2023-05')`,
        /henviser til noget, der ikke findes/,
      ],
      [
        `INSERT INTO audit (at, change_no, action, entity, entity_id) VALUES ('nu', 1, 'Ret', 'project', '${'y'.repeat(101)}')`,
        /afvises: audit\.entity_id i række \d+ har en ugyldig værdi/,
      ],
    ];
    const good = readFileSync(sent());
    cases.forEach(([sql, message], i) => {
      const path = join(f.inbox, `projekt-${i}.sqlite`);
      writeFileSync(path, good);
      alter(path, sql);
      const portfolio = contents(f.mine);
      expectRefused(path, () => receiveFile(path), message);
      const run = cli('check', path);
      expect(run.code).toBe(1);
      expect(run.err.split('\n')).toHaveLength(1);
      expect(contents(f.mine)).toBe(portfolio);
    });
  });
});
