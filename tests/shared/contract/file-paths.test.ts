/**
 * Issue 12, case 8: the page must not name a path on disk. `file.send`, `file.import` and
 * `file.open` take no `path` from the page (the backend decides where, or the user picks in a
 * native dialog); a `path` in their args is refused or stripped by the contract's schema.
 *
 * The page names such a file by a token (file.import's result); see docs/architecture.md, «Stier».
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/contract';

/** True when the schema refuses the args, or accepts them without a `path` anywhere in the result. */
function noPathFromPage(channel: 'file.send' | 'file.import' | 'file.open', args: unknown): boolean {
  const parsed = contract[channel].args.safeParse(args);
  return !parsed.success || !JSON.stringify(parsed.data).includes('/etc/x');
}

const SOURCE = { fileName: 'modtaget.sqlite', data: Buffer.from('SQLite format 3\0').toString('base64') };

describe('the page cannot name a path on disk', () => {
  it('file.send: { path: "/etc/x" } is refused or the path stripped', () => {
    expect(noPathFromPage('file.send', { path: '/etc/x' })).toBe(true);
  });

  it('file.import: a target path is refused or stripped', () => {
    expect(noPathFromPage('file.import', { source: SOURCE, path: '/etc/x' })).toBe(true);
  });

  it('file.import: a source given as a path is refused or stripped', () => {
    expect(noPathFromPage('file.import', { source: { path: '/etc/x' } })).toBe(true);
  });

  it('file.open: { path: "/etc/x" } is refused or the path stripped', () => {
    expect(noPathFromPage('file.open', { path: '/etc/x' })).toBe(true);
  });
});
