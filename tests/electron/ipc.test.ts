/**
 * The contract on ipcMain, against a real portfolio and the real dispatcher: our own page
 * reaches the backend; any other frame is refused before the portfolio is touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcName } from '../../shared/contract/channels';
import { createPortfolio } from '../../db/core/create';
import { createDispatcher, type Dispatch } from '../../db/dispatcher';
import { openSession } from '../../db/index';
import type { Session } from '../../db/core/session';
import { REFUSED, registerIpcHandlers } from '../../electron/ipc';
import { ipcMain, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const ownPage = 'app://puljeplan/index.html';
const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

let dir: string;
let session: Session;
let dispatch: ReturnType<typeof vi.fn<Dispatch>>;
let unregister: () => void;

async function call(channel: string, event: unknown, args: unknown = {}) {
  const handler = ipcMain.handlers.get(ipcName(channel as (typeof CHANNELS)[number]));
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await (handler as (e: unknown, a: unknown) => Promise<unknown>)(event, args)) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
}

function poolCount(): number {
  return session.snapshot().pools.length;
}

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-ipc-'));
  const file = join(dir, 'Bilag 1.sqlite');
  createPortfolio(file, { example: true });
  session = openSession(file);
  const real = createDispatcher({ session: () => session, shell: 'electron', appVersion: '0.1.0' });
  dispatch = vi.fn<Dispatch>(real);
  unregister = registerIpcHandlers(ipcMain, dispatch, ownPage);
});

afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('IPC handlers', () => {
  it('are registered for exactly the contract channels', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map(ipcName).sort());
  });

  it('can be removed again (so a restart of the wiring does not throw)', async () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it("answer our own page with the dispatcher's envelope", async () => {
    const info = await call('app.info', topFrame(ownPage));
    expect(info).toEqual({
      ok: true,
      value: expect.objectContaining({ fileName: 'Bilag 1.sqlite', shell: 'electron' }),
    });
    const before = poolCount();
    const added = await call('pools.add', topFrame(`${ownPage}#/`), { name: 'Ny pulje', afterPoolId: null });
    expect(added.ok).toBe(true);
    expect(poolCount()).toBe(before + 1);
    expect(dispatch).toHaveBeenCalledWith('pools.add', { name: 'Ny pulje', afterPoolId: null });
  });

  it('pass bad arguments on to the dispatcher, which refuses them in Danish', async () => {
    const result = await call('pools.add', topFrame(ownPage), { name: '', afterPoolId: null });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('invalid-args');
  });

  const foreign: Array<[string, unknown]> = [
    ['a remote page', topFrame('https://evil.example/')],
    ['a local file that is not our page', topFrame('file:///tmp/evil.html')],
    [
      'our page loaded over file:// instead of app://',
      topFrame(pathToFileURL(resolve('/opt/puljeplan/app/dist/renderer/index.html')).href),
    ],
    ['another page of our origin', topFrame('app://puljeplan/evil.html')],
    ['another app:// host', topFrame('app://evil/index.html')],
    ['our page inside a frame', { senderFrame: { url: ownPage, parent: { url: 'https://evil.example/' } } }],
    ['a frame that is gone', { senderFrame: null }],
    ['an event without a frame', {}],
    [
      'a frame disposed meanwhile',
      {
        get senderFrame() {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ],
  ];

  it.each(foreign)('refuse %s without dispatching', async (_what, event) => {
    const before = poolCount();
    const result = await call('pools.add', event, { name: 'Indtrængende pulje', afterPoolId: null });
    expect(result).toEqual(REFUSED);
    expect(result.error?.message).toBe('Afvist: forespørgslen kom ikke fra Puljeplans eget vindue.');
    expect(dispatch).not.toHaveBeenCalled();
    expect(poolCount()).toBe(before);
  });
});
