/**
 * The contract's channels on ipcMain. Each handler first checks who is calling: only the top
 * frame of our own page may reach the dispatcher (Electron security checklist item 17,
 * "Validate the sender of all IPC messages"); an iframe or a page that somehow got loaded
 * elsewhere is refused without touching the portfolio.
 */
import { CHANNELS, ipcName } from '../shared/contract/channels';
import type { Envelope } from '../shared/contract/contract';
import type { Dispatch } from '../db/index';
import { isAppPage } from './security';

export const REFUSED: Envelope<never> = {
  ok: false,
  error: { code: 'refused', message: 'Afvist: forespørgslen kom ikke fra Puljeplans eget vindue.' },
};

/** The parts of an IPC event the check looks at, so tests can pass plain objects. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}
export interface InvokeEvent {
  senderFrame: SenderFrame | null;
}

export function isTrustedSender(event: InvokeEvent, appUrl: string): boolean {
  try {
    const frame = event.senderFrame;
    // senderFrame is null when the frame has navigated away or was destroyed since it sent.
    if (!frame) return false;
    if (frame.parent !== null) return false;
    return isAppPage(frame.url, appUrl);
  } catch {
    // Electron throws from a WebFrameMain whose frame was disposed meanwhile: not our page any more.
    return false;
  }
}

/** One handler for one channel: check the sender, then dispatch (which checks the arguments). */
export function channelHandler(channel: string, dispatch: Dispatch, appUrl: string) {
  return async (event: InvokeEvent, args: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event, appUrl)) return REFUSED;
    return dispatch(channel, args);
  };
}

/** What registration needs of ipcMain (a structural subset, so tests can pass a fake). */
export interface HandleRegistry {
  handle(channel: string, listener: (event: InvokeEvent, args: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

/** Registers one handler per contract channel; returns a function that removes them again. */
export function registerIpcHandlers(ipc: HandleRegistry, dispatch: Dispatch, appUrl: string): () => void {
  for (const channel of CHANNELS) {
    const handler = channelHandler(channel, dispatch, appUrl);
    ipc.handle(ipcName(channel), handler);
  }
  return () => {
    for (const channel of CHANNELS) ipc.removeHandler(ipcName(channel));
  };
}
