/**
 * What Electron's preload exposes to the page as `window.puljeplan`: one function per
 * contract channel, and a subscription to the native menu's commands. In the browser
 * harness the renderer speaks HTTP to the same dispatcher instead.
 */
import type { Channel, MenuCommand } from './channels';
import type { Args, Envelope, Result } from './contract';
import type { PdfSaveRequest, PdfSaveResult } from '../print/document';

export type ChannelFunctions = { [C in Channel]: (args: Args<C>) => Promise<Envelope<Result<C>>> };

export interface PuljeplanBridge {
  channels: ChannelFunctions;
  /** Calls back with each command the native menu sends; returns a function that unsubscribes. */
  onMenuCommand: (callback: (command: MenuCommand) => void) => () => void;
  /** «Gem som PDF…»: main prints the page (its print view) with printToPDF to a file the user picks. */
  printToPdf: (request: PdfSaveRequest) => Promise<PdfSaveResult>;
}
