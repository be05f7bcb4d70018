/** Opening a portfolio as a working session: the entry point for the app, the web harness and the CLI. */
import { openPortfolio, type OpenOptions } from './open';
import { Session } from './session';

export function openSession(path: string, options: OpenOptions = {}): Session {
  return new Session(openPortfolio(path, options), path);
}
