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
  // The project card (shared/contract/project-card.ts); projects.get/set as the Status view's contract has them.
  'projects.get',
  'projects.set',
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
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_IPC = 'puljeplan:menu';

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
  ],
  [{ command: 'settings', label: 'Indstillinger…' }],
];
