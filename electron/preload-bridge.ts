/**
 * The object the preload exposes as `window.puljeplan`, built from an ipcRenderer so tests can
 * pass a fake. It forwards the contract's channels and the menu's commands, and nothing else:
 * the page never sees ipcRenderer itself, an IPC event, or a channel name it could choose.
 * Imports only shared/channels (no zod): the sandboxed preload is bundled on its own.
 */
import {
  CHANNELS,
  MENU_COMMANDS,
  MENU_IPC,
  PRINT_PDF_IPC,
  ipcName,
  type MenuCommand,
} from '../shared/contract/channels';
import type { ChannelFunctions, PuljeplanBridge } from '../shared/contract/bridge';

type MenuListener = (event: unknown, command: unknown) => void;

/** What the bridge needs of ipcRenderer (a structural subset, so tests can pass a fake). */
export interface BridgeIpc {
  invoke(channel: string, args: unknown): Promise<unknown>;
  on(channel: string, listener: MenuListener): unknown;
  removeListener(channel: string, listener: MenuListener): unknown;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

export function createBridge(ipc: BridgeIpc): PuljeplanBridge {
  const channels: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNELS) {
    const name = ipcName(channel);
    channels[channel] = (args: unknown) => ipc.invoke(name, args);
  }
  return {
    // Each entry returns the dispatcher's envelope; the main process checks the arguments.
    channels: Object.freeze(channels) as unknown as ChannelFunctions,
    onMenuCommand(callback) {
      // Only the command goes to the page, never the event (it carries the sender object).
      const listener: MenuListener = (_event, command) => {
        if (isMenuCommand(command)) callback(command);
      };
      ipc.on(MENU_IPC, listener);
      return () => {
        ipc.removeListener(MENU_IPC, listener);
      };
    },
    // Main checks the request and asks the user where to save (electron/print-pdf.ts).
    printToPdf: (request) => ipc.invoke(PRINT_PDF_IPC, request) as ReturnType<PuljeplanBridge['printToPdf']>,
  };
}
