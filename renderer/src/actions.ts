/**
 * Everything a user can do, in one place for the toolbar, the keyboard, the grid and the
 * native menu. Each action asks the backend, and the store shows the answer; failures are
 * reported in Danish and change nothing.
 */
import type { MenuCommand } from '../../shared/contract/channels';
import type { Channel } from '../../shared/contract/channels';
import type { Args, Result } from '../../shared/contract/contract';
import { parseEntry } from '../../shared/danish/formula';
import { formatAmount } from '../../shared/danish/number';
import { count } from '../../shared/danish/text';
import type { Change, RegionCode } from '../../shared/domain/model';
import { hasSubLinesMessage } from '../../shared/domain/names';
import { sameAmount } from '../../shared/domain/money';
import { implausibleAmount, otherYears } from '../../shared/domain/plausibility';
import type { GridRow } from '../../shared/grid/row-model';
import { ApiFailure, type Api } from './api/client';
import { NAME_COL, yearOfCol } from './grid/columns';
import type { PortfolioStore } from './store/portfolio-store';
import type { ImportPreview } from '../../shared/contract/annex';
import { downloadBase64, pickWorkbook, readAsBase64 } from './files';
import { importedText, lossDetails, reviewed, type ImportOptions } from './import-review';
import { PersonActions } from './person-actions';
import { ShareActions } from './share-actions';
import { importStatusWorkbook } from './status/status-import';
import type { Ui } from './ui';

type ChangeChannel = Exclude<
  Channel,
  | 'app.info'
  | 'portfolio.load'
  | 'person.region'
  | 'person.setRegion'
  | 'excel.preview'
  | 'excel.export'
  | 'file.check'
  | 'file.send'
  | 'file.import'
  | 'file.open'
  | 'merge.preview'
  | 'backups.list'
>;

export class Actions {
  /** Files between the regions: send, open, merge, restore (share-actions.ts). */
  readonly share: ShareActions;
  /** Who is writing: the person's region (person-actions.ts). */
  readonly person: PersonActions;

  constructor(
    private readonly api: Api,
    private readonly store: PortfolioStore,
    private readonly ui: Ui,
  ) {
    this.share = new ShareActions(api, store, ui);
    this.person = new PersonActions(api, ui);
  }

  async load(): Promise<void> {
    this.store.load(await this.api.call('portfolio.load', {}));
  }

  /** Sends one change; the store shows it once the backend has committed it. The reply is returned whole (status.set's rows). */
  async change<C extends ChangeChannel>(channel: C, args: Args<C>): Promise<(Result<C> & Change) | null> {
    try {
      const reply = (await this.api.call(channel, args)) as Result<C> & Change;
      this.store.apply(reply);
      return reply;
    } catch (err) {
      this.ui.notify('error', err instanceof ApiFailure ? err.message : `Uventet fejl: ${(err as Error).message}`);
      return null;
    }
  }

  undo = async () => {
    if (!this.store.history.canUndo) return this.ui.notify('info', 'Der er intet at fortryde.');
    const label = this.store.history.undoLabel;
    if (await this.change('history.undo', {})) this.ui.notify('info', `Fortrudt: ${label}`);
  };

  redo = async () => {
    if (!this.store.history.canRedo) return this.ui.notify('info', 'Der er intet at annullere fortryd for.');
    const label = this.store.history.redoLabel;
    if (await this.change('history.redo', {})) this.ui.notify('info', `Gentaget: ${label}`);
  };

  /**
   * A value typed into a cell (or null when cleared): a name, an amount or a formula (`=1.500*2`,
   * computed now and stored as its value). The grid keeps an entry that cannot be saved in its
   * editor (grid/cell-error.tsx); an amount that looks like a slip is asked about first.
   */
  editCell = async (row: GridRow, colId: string, text: string | null) => {
    if (colId === NAME_COL) return this.rename(row, text ?? '');
    const year = yearOfCol(colId);
    if (year === null || row.kind !== 'line') return;
    if (row.hasChildren) {
      return this.ui.notify('error', hasSubLinesMessage(row.name));
    }
    const parsed = parseEntry(text);
    if (!parsed.ok) return this.ui.notify('error', `${parsed.message} (${row.name}, ${year}). Intet blev ændret.`);
    if (sameAmount(row.line.amounts[year], parsed.value)) return;
    const doubt = implausibleAmount(parsed.value, otherYears(row.line.amounts, year));
    if (doubt) {
      const ok = await this.ui.confirm(
        'Er beløbet rigtigt?',
        `${doubt} Vil du gemme det i «${row.name}», ${year}?`,
        'Gem beløbet',
      );
      this.ui.focus(row.id, colId);
      if (!ok) return this.ui.notify('info', `Beløbet blev ikke gemt (${row.name}, ${year}).`);
    }
    if (!(await this.change('amounts.set', { cells: [{ lineId: row.id, year, value: parsed.value }] }))) return;
    if (parsed.rounded && text)
      this.ui.notify('info', `${text.trim()} er afrundet til hele kroner: ${formatAmount(parsed.value)}.`);
  };

  private async rename(row: GridRow, text: string) {
    const name = text.trim();
    if (row.kind !== 'line' && row.kind !== 'pool') return;
    if (!name) return this.ui.notify('error', 'Navnet må ikke være tomt. Intet blev ændret.');
    if (name === row.name) return;
    if (row.kind === 'line') await this.change('lines.rename', { lineId: row.id, name });
    else await this.change('pools.rename', { poolId: row.poolId, name });
  }

  /** The pool and line the user is on, for actions that work "here". */
  private context() {
    const row = this.ui.selected();
    const pools = this.store.poolList();
    if (!row || row.kind === 'grandTotal') return { poolId: pools[pools.length - 1]?.id ?? null, line: null };
    if (row.kind === 'line') return { poolId: row.poolId, line: row.line };
    return { poolId: row.poolId, line: null };
  }

  /** Ctrl+Enter: a new line under the one here; on a sub-line, a new sub-line of the same line. */
  addLine = async () => {
    const { poolId, line } = this.context();
    if (!poolId) return this.ui.notify('error', 'Opret først en pulje.');
    const sub = !!line?.parentId;
    const change = await this.change('lines.add', {
      poolId,
      parentId: line?.parentId ?? null,
      afterLineId: line ? (sub ? line.id : (line.parentId ?? line.id)) : null,
      name: this.store.freeLineName(poolId, sub ? 'Ny underlinje' : 'Ny linje'),
    });
    if (change?.createdId) this.ui.focus(change.createdId, NAME_COL, true);
  };

  /** Context menu: a new line just above the line here (a sub-line above a sub-line). */
  addLineAbove = async () => {
    const { poolId, line } = this.context();
    if (!poolId) return this.ui.notify('error', 'Opret først en pulje.');
    const sub = !!line?.parentId;
    const change = await this.change('lines.add', {
      poolId,
      parentId: line?.parentId ?? null,
      afterLineId: null,
      beforeLineId: line?.id,
      name: this.store.freeLineName(poolId, sub ? 'Ny underlinje' : 'Ny linje'),
    });
    if (change?.createdId) this.ui.focus(change.createdId, NAME_COL, true);
  };

  addSubLine = async () => {
    const { poolId, line } = this.context();
    if (!poolId || !line) return this.ui.notify('error', 'Vælg den linje, der skal have en underlinje.');
    const parentId = line.parentId ?? line.id;
    const siblings = this.store.children(parentId).sort((a, b) => a.position - b.position);
    const after = line.parentId ? line.id : (siblings[siblings.length - 1]?.id ?? null);
    if (this.store.collapsed.has(parentId)) this.store.toggleCollapsed(parentId);
    const change = await this.change('lines.add', {
      poolId,
      parentId,
      afterLineId: after,
      name: this.store.freeLineName(poolId, 'Ny underlinje'),
    });
    if (change?.createdId) this.ui.focus(change.createdId, NAME_COL, true);
  };

  addPool = async () => {
    const row = this.ui.selected();
    const afterPoolId = row && row.kind !== 'grandTotal' ? row.poolId : null;
    const change = await this.change('pools.add', { name: this.store.freePoolName('Ny pulje'), afterPoolId });
    if (change?.createdId) this.ui.focus(`pool:${change.createdId}`, NAME_COL, true);
  };

  deleteSelected = async () => {
    const row = this.ui.selected();
    if (!row || (row.kind !== 'line' && row.kind !== 'pool')) {
      return this.ui.notify('info', 'Vælg den linje eller pulje, der skal slettes.');
    }
    const pool = this.store.pools.get(row.poolId);
    if (row.kind === 'line') {
      const holds = this.holdsAmounts([row.id, ...this.store.children(row.id).map((c) => c.id)]);
      const what = row.hasChildren ? 'linjen og dens underlinjer' : 'linjen';
      if (
        holds &&
        !(await this.ui.confirm(
          'Slet linje',
          `«${row.name}» har beløb (i alt ${formatAmount(row.total)}). Vil du slette ${what}? Du kan fortryde med Ctrl+Z.`,
          'Slet',
        ))
      )
        return;
      await this.change('lines.delete', { lineId: row.id });
    } else if (pool) {
      const ids = [...this.store.lines.values()].filter((l) => l.poolId === pool.id).map((l) => l.id);
      const total = this.store.rowModel.rows.find((r) => r.kind === 'poolTotal' && r.poolId === pool.id)?.total ?? 0;
      if (
        this.holdsAmounts(ids) &&
        !(await this.ui.confirm(
          'Slet pulje',
          `Puljen «${pool.name}» har ${count(ids.length, 'linje', 'linjer')} med beløb (i alt ${formatAmount(total)}). Vil du slette puljen og alle dens linjer? Du kan fortryde med Ctrl+Z.`,
          'Slet pulje',
        ))
      )
        return;
      await this.change('pools.delete', { poolId: pool.id });
    }
  };

  private holdsAmounts(lineIds: string[]): boolean {
    return lineIds.some((id) => Object.values(this.store.lines.get(id)?.amounts ?? {}).some((v) => v !== 0));
  }

  move = async (direction: 'up' | 'down') => {
    const row = this.ui.selected();
    if (row?.kind === 'line') {
      if (await this.change('lines.move', { lineId: row.id, direction })) this.ui.focus(row.id);
    } else if (row?.kind === 'pool') {
      if (await this.change('pools.move', { poolId: row.poolId, direction })) this.ui.focus(row.id);
    } else this.ui.notify('info', 'Vælg den linje eller pulje, der skal flyttes.');
  };

  moveToPool = async () => {
    const row = this.ui.selected();
    if (row?.kind !== 'line') return this.ui.notify('info', 'Vælg den linje, der skal flyttes til en anden pulje.');
    const options = this.store
      .poolList()
      .filter((p) => p.id !== row.poolId || row.line.parentId)
      .map((p) => ({ value: p.id, label: p.name }));
    if (!options.length) return this.ui.notify('info', 'Der er ingen anden pulje at flytte til.');
    const poolId = await this.ui.choose(`Flyt «${row.name}»`, 'Til puljen', options, 'Flyt');
    if (poolId && (await this.change('lines.moveToPool', { lineId: row.id, poolId }))) this.ui.focus(row.id);
  };

  addYear = async () => {
    const next = this.store.years.length
      ? this.store.years[this.store.years.length - 1]! + 1
      : new Date().getFullYear();
    if (await this.change('years.add', {})) this.ui.notify('info', `År ${next} er tilføjet.`);
  };

  removeYear = async () => {
    const options = [...this.store.years].reverse().map((y) => ({ value: String(y), label: String(y) }));
    const year = await this.ui.choose('Fjern år', 'År (kun et år uden beløb kan fjernes)', options, 'Fjern');
    if (year && (await this.change('years.remove', { year: Number(year) })))
      this.ui.notify('info', `År ${year} er fjernet.`);
  };

  setTitle = (title: string) => this.change('portfolio.setMeta', { title });
  setRegion = (region: RegionCode) => this.change('portfolio.setMeta', { region });
  setLineDescription = (lineId: string, description: string) =>
    this.change('lines.setDescription', { lineId, description });
  setPoolDescription = (poolId: string, description: string) =>
    this.change('pools.setDescription', { poolId, description });
  setLineComment = (lineId: string, comment: string) => this.change('lines.setComment', { lineId, comment });

  /** Context menu: Kommentar… on the line here. */
  editComment = async () => {
    const row = this.ui.selected();
    if (row?.kind !== 'line') return this.ui.notify('info', 'Vælg den linje, der skal have en kommentar.');
    const text = await this.ui.prompt(
      `Kommentar til «${row.name}»`,
      'Kommentar (tom fjerner den)',
      row.line.comment ?? '',
      'Gem',
    );
    if (text !== null) await this.setLineComment(row.id, text);
  };

  /** A row dragged onto another: before or after it, among lines of its level. */
  placeLine = async (lineId: string, targetLineId: string, where: 'before' | 'after') => {
    if (await this.change('lines.place', { lineId, targetLineId, where })) this.ui.focus(lineId);
  };

  /** Filer → Importér fra Excel…, or a workbook dropped on the window. */
  importExcel = async (dropped?: File) => {
    const file = dropped ?? (await pickWorkbook());
    if (!file) return;
    // An error that stops a command is a dialog the user closes, not a status text (docs/grid.md, «Messages»).
    const stopped = (text: string) => this.ui.notice('Importen kan ikke gennemføres', text);
    if (!/\.xlsx$/i.test(file.name))
      return stopped(`«${file.name}» er ikke en Excel-projektmappe (.xlsx). Intet blev ændret.`);
    let preview: ImportPreview;
    this.ui.busy(`Læser «${file.name}» …`);
    try {
      preview = await this.api.call('excel.preview', { fileName: file.name, data: await readAsBase64(file) });
    } catch (err) {
      const message = (err as Error).message;
      return stopped(message.includes('Intet blev ændret') ? message : `${message} Intet blev ændret.`);
    } finally {
      this.ui.busy(null);
    }
    const options = await this.ui.reviewImport(preview);
    if (!options || !(await this.confirmRemovals(preview, options)))
      return this.ui.notify('info', 'Importen er annulleret. Intet blev ændret.');
    this.ui.busy('Importerer …');
    try {
      const change = await this.change('excel.apply', { token: preview.token, ...options });
      if (change) this.ui.notify('info', importedText(preview, options));
    } finally {
      this.ui.busy(null);
    }
  };

  /** «Fjern disse linjer» asks first, naming what goes with the lines (descriptions, comments, project cards). */
  private confirmRemovals = async (preview: ImportPreview, options: ImportOptions): Promise<boolean> => {
    const removed = reviewed(preview, new Set(options.renames)).missing;
    if (!options.removeMissing || !removed.length) return true;
    const losses = lossDetails(removed);
    const what = count(removed.length, 'linje', 'linjer');
    const text = losses.length
      ? `Importen fjerner ${what}, som projektmappen ikke har. Med dem forsvinder det, der står nedenfor. Du kan fortryde med Ctrl+Z.`
      : `Importen fjerner ${what}, som projektmappen ikke har. Du kan fortryde med Ctrl+Z.`;
    return this.ui.confirm('Fjern linjer', text, `Fjern ${what}`, losses);
  };

  /** Filer → Eksportér til Excel…: a ready Bilag 1 workbook as a download (a save dialog in Electron). */
  exportExcel = async () => {
    const options = await this.ui.chooseExport(this.store.years);
    if (!options) return;
    this.ui.busy('Laver projektmappen …');
    let failure: string | null = null;
    try {
      const file = await this.api.call('excel.export', options);
      downloadBase64(file.fileName, file.data);
      this.ui.notify('info', `Bilag 1 er gemt som «${file.fileName}».`);
    } catch (err) {
      failure = (err as Error).message;
    } finally {
      this.ui.busy(null);
    }
    if (failure) await this.ui.notice('Eksporten kan ikke gennemføres', failure);
  };

  /** Filer → Udskriv… / Gem som PDF… (Ctrl+P): the print preview of Bilag 1 (docs/print.md). */
  print = async () => {
    const meta = this.store.meta;
    if (!meta) return;
    const info = await this.api.call('app.info', {}).catch(() => ({ fileName: '' }));
    await this.ui.printPreview({
      title: meta.title,
      region: meta.region,
      fileName: info.fileName,
      years: this.store.years,
      pools: [...this.store.pools.values()],
      lines: [...this.store.lines.values()],
    });
  };

  /** The native menu's commands (Electron), the same ones the toolbar runs. */
  run = (command: MenuCommand): void => {
    const table: Record<MenuCommand, () => unknown> = {
      undo: this.undo,
      redo: this.redo,
      addLine: this.addLine,
      addSubLine: this.addSubLine,
      addPool: this.addPool,
      deleteSelected: this.deleteSelected,
      moveUp: () => this.move('up'),
      moveDown: () => this.move('down'),
      moveToPool: this.moveToPool,
      addYear: this.addYear,
      removeYear: this.removeYear,
      toggleSidePanel: () => this.ui.toggleSidePanel(),
      collapseAll: () => this.store.setAllCollapsed(true),
      expandAll: () => this.store.setAllCollapsed(false),
      importExcel: () => this.importExcel(),
      exportExcel: this.exportExcel,
      showShortcuts: () => this.ui.showShortcuts(),
      sendFile: this.share.sendFile,
      openReceived: this.share.openReceived,
      mergeFile: this.share.mergeFile,
      restoreBackup: this.share.restoreBackup,
      settings: this.person.settings,
      print: this.print,
      savePdf: this.print,
      importStatus: () => importStatusWorkbook(this.api, this, this.ui),
    };
    void table[command]();
  };
}
