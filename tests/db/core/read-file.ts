/** Reading a closed portfolio file as it is on disk, read-only, for tests that check what was written. */
import Database from 'better-sqlite3';

export function readFile<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
