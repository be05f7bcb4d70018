/**
 * Child process for the atomic-write kill -9 test (atomic-crash.test.ts): one write through the
 * atomic writer (db/core/atomic-file.ts), announced with `try` and acknowledged with `ack` once
 * it returned; then it waits to be killed. Usage:
 *   node --import tsx tests/db/core/atomic-crash-child.ts <mode> <source.sqlite> <target>
 * Modes: copy (Gem som), send (over an older copy), backup (into the source's backup folder),
 * export (an .xlsx over an older one, as `export --overwrite`), new (a new example portfolio).
 * Each mode imports only its own module (db/index.ts would take seconds per run to load).
 * Lines are written with writeSync, so each is in the pipe before the next step starts.
 */
import { writeSync } from 'node:fs';

const [mode, source, target] = process.argv.slice(2);
if (!mode || !source || !target) throw new Error('usage: atomic-crash-child.ts <mode> <source> <target>');

const say = (text: string) => writeSync(1, `${text}\n`);

if (mode === 'new') {
  const { createPortfolio } = await import('../../../db/core/create');
  say('try');
  createPortfolio(target, { example: true, title: 'Ny' });
} else {
  const { openPortfolio } = await import('../../../db/core/open');
  const db = openPortfolio(source, { readonly: mode === 'export' });
  if (mode === 'export') {
    const { Session } = await import('../../../db/core/session');
    const { exportAnnex } = await import('../../../db/excel/export');
    const { writeFileAtomicAsync } = await import('../../../db/core/atomic-file');
    const snapshot = new Session(db, source).snapshot();
    say('try');
    // As the CLI's `export --overwrite` writes (db/cli/excel.ts, exportToFile).
    await writeFileAtomicAsync(target, (tmp) => exportAnnex(snapshot, { perPool: false, descriptions: true }, tmp), {
      neverOverSqlite: true,
    });
  } else if (mode === 'copy') {
    const { saveCopyAs } = await import('../../../db/core/copy');
    say('try');
    saveCopyAs(db, source, target);
  } else if (mode === 'send') {
    const { sendCopy } = await import('../../../db/share/send');
    say('try');
    sendCopy(db, source, target, 'kill-test');
  } else if (mode === 'backup') {
    const { backupCopy } = await import('../../../db/core/backup');
    say('try');
    backupCopy(db, source, 'kill-test');
  } else throw new Error(`unknown mode ${mode}`);
}
say('ack');
setInterval(() => {}, 1000);
