/**
 * Every channel name of the contract, with no runtime dependencies, so the sandboxed
 * preload can be bundled from it alone. `contract.ts` gives each one its schemas.
 */
export const CHANNELS = [
  'app.info',
  'portfolio.load',
  'portfolio.setMeta',
  'person.region',
  'person.setRegion',
  'amounts.set',
  'amounts.paste',
  'lines.add',
  'lines.rename',
  'lines.setDescription',
  'lines.setComment',
  'lines.place',
  'lines.delete',
  'lines.move',
  'lines.moveToPool',
  'lines.indent',
  'lines.outdent',
  'lines.sort',
  'pools.add',
  'pools.rename',
  'pools.setDescription',
  'pools.delete',
  'pools.move',
  'years.add',
  'years.remove',
  'history.undo',
  'history.redo',
  'excel.preview',
  'excel.apply',
  'excel.export',
  'file.check',
  'file.send',
  'file.import',
  'file.open',
  'merge.preview',
  'merge.apply',
  'backups.list',
  'backups.restore',
  'status.importPreview',
  'status.importApply',
  'projects.get',
  'projects.set',
  'status.report',
  'status.set',
  'status.setRemark',
  'status.newMonth',
  // The project card (shared/contract/project-card.ts).
  'projectCard.details',
  'projectCard.riskFlags',
  'milestones.set',
  'riskActivities.add',
  'riskActivities.remove',
  'pools.setKind',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

/** The IPC channel name Electron uses for a contract channel. */
export function ipcName(channel: Channel): string {
  return `puljeplan:${channel}`;
}

/** Commands the native menu sends to the page (Electron) — the page's toolbar runs the same ones. */
export const MENU_COMMANDS = [
  'undo',
  'redo',
  'addLine',
  'addSubLine',
  'addPool',
  'deleteSelected',
  'moveUp',
  'moveDown',
  'moveToPool',
  'addYear',
  'removeYear',
  'toggleSidePanel',
  'collapseAll',
  'expandAll',
  'importExcel',
  'exportExcel',
  'showShortcuts',
  'sendFile',
  'openReceived',
  'mergeFile',
  'restoreBackup',
  'settings',
  'print',
  'savePdf',
  'importStatus',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_IPC = 'puljeplan:menu';
/** «Gem som PDF…» in the app: the page asks main to print it with printToPDF (electron/print-pdf.ts). */
export const PRINT_PDF_IPC = 'puljeplan:print-pdf';

/**
 * The Filer commands the page runs, with their Danish labels, in the order of the native Filer
 * menu (electron/menu.ts); the page's «Filer ▾» (renderer/src/components/toolbar.tsx) shows the
 * same. A separator comes between the groups.
 */
export const FILE_COMMANDS: readonly (readonly { command: MenuCommand; label: string }[])[] = [
  [
    { command: 'openReceived', label: 'Åbn fil fra anden region…' },
    { command: 'sendFile', label: 'Send til en anden region…' },
    { command: 'mergeFile', label: 'Flet fil fra anden region…' },
    { command: 'restoreBackup', label: 'Gendan fra sikkerhedskopi…' },
  ],
  [
    { command: 'importExcel', label: 'Importér fra Excel…' },
    { command: 'exportExcel', label: 'Eksportér til Excel…' },
    { command: 'importStatus', label: 'Importér status fra Excel…' },
  ],
  [
    { command: 'print', label: 'Udskriv…' },
    { command: 'savePdf', label: 'Gem som PDF…' },
  ],
  [{ command: 'settings', label: 'Indstillinger…' }],
];
