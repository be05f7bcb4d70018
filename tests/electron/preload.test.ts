/**
 * What the page gets as window.puljeplan: one function per contract channel and the menu's
 * commands — no ipcRenderer, no way to name another channel.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MENU_IPC, ipcName } from '../../shared/contract/channels';
import type { PuljeplanBridge } from '../../shared/contract/bridge';
import { createBridge } from '../../electron/preload-bridge';
import { ipcRenderer, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

describe('the preload', () => {
  it('exposes the bridge as window.puljeplan', async () => {
    // A fresh module graph, so the preload runs now; read the fake from that same graph.
    vi.resetModules();
    await import('../../electron/preload');
    const fake = await import('./fake-electron');
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['puljeplan']);
    const bridge = fake.contextBridge.exposed.get('puljeplan') as PuljeplanBridge;
    expect(Object.keys(bridge).sort()).toEqual(['channels', 'onMenuCommand', 'printToPdf']);
    expect(Object.keys(bridge.channels).sort()).toEqual([...CHANNELS].sort());
  });

  it('has no Node or Electron objects in it', () => {
    const bridge = createBridge(ipcRenderer) as unknown as Record<string, unknown>;
    for (const key of ['require', 'process', 'ipcRenderer', 'invoke', 'send']) expect(bridge[key]).toBeUndefined();
  });

  it.each([...CHANNELS])('%s calls ipcRenderer.invoke with its own IPC name and the arguments', async (channel) => {
    const bridge = createBridge(ipcRenderer);
    const envelope = { ok: true, value: { channel } };
    ipcRenderer.invoke.mockResolvedValueOnce(envelope);
    const args = { probe: channel };
    const call = bridge.channels[channel] as (a: unknown) => Promise<unknown>;
    await expect(call(args)).resolves.toBe(envelope);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcName(channel), args);
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });
});

describe('menu commands', () => {
  it('passes known commands to the page, and only the command', () => {
    const bridge = createBridge(ipcRenderer);
    const callback = vi.fn();
    bridge.onMenuCommand(callback);
    ipcRenderer.emit(MENU_IPC, { sender: ipcRenderer }, 'undo');
    ipcRenderer.emit(MENU_IPC, { sender: ipcRenderer }, 'addLine');
    expect(callback.mock.calls).toEqual([['undo'], ['addLine']]);
  });

  it('drops anything that is not a menu command', () => {
    const bridge = createBridge(ipcRenderer);
    const callback = vi.fn();
    bridge.onMenuCommand(callback);
    for (const junk of ['reload', 'constructor', '', 42, null, { command: 'undo' }, ['undo']]) {
      ipcRenderer.emit(MENU_IPC, {}, junk);
    }
    expect(callback).not.toHaveBeenCalled();
  });

  it('stops calling back after unsubscribing', () => {
    const bridge = createBridge(ipcRenderer);
    const callback = vi.fn();
    const unsubscribe = bridge.onMenuCommand(callback);
    expect(ipcRenderer.listenerCount(MENU_IPC)).toBe(1);
    unsubscribe();
    expect(ipcRenderer.listenerCount(MENU_IPC)).toBe(0);
    ipcRenderer.emit(MENU_IPC, {}, 'undo');
    expect(callback).not.toHaveBeenCalled();
  });
});
