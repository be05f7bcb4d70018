/**
 * Child process for open-elsewhere.test.ts: opens a portfolio as the app does, makes one change
 * (so its -wal holds a committed edit that is not yet in the main file), says `ready` and keeps
 * the file open until it is killed. Usage: node --import tsx tests/db/core/hold-child.ts <file>
 */
import { setMeta } from '../../../db/core/commands';
import { openSession } from '../../../db/index';

const session = openSession(process.argv[2]!);
session.run((db) => setMeta(db, { title: 'Ændret af den, der har filen åben' }));
process.stdout.write('ready\n');
// The timer keeps the process alive and the session referenced: a session nothing refers to any
// more is garbage, and better-sqlite3 closes a collected connection, which would let go of the file.
setInterval(() => session.revision, 1000);
