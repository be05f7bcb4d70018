/**
 * The range commands: copy, paste, fill, clear, and the context menu's clipboard items. Each
 * plans its cells with shared/grid/edit.ts from the rows shown and the range, and sends them as
 * one change (amounts.set, or amounts.paste for a paste): one transaction and one undo step,
 * with the totals recomputed once when the answer arrives.
 */
import type { Args } from '../../shared/contract/contract';
import { copyRows, planClear, planFill, planFillDown, planPaste, type EditPlan } from '../../shared/grid/edit';
import { bounds, type Bounds } from '../../shared/grid/range';
import { parseTsv, toTsv } from '../../shared/grid/tsv';
import { count } from '../../shared/danish/text';
import { amountDoubts } from '../../shared/grid/plausible-cells';
import type { Actions } from './actions';
import type { Ui } from './ui';
import type { GridHandle } from './grid/portfolio-grid';
import type { RangeSelection } from './grid/selection';
import type { PortfolioStore } from './store/portfolio-store';

const cellsWord = (n: number) => count(n, 'celle', 'celler');
/** The status bar's word after a copy, the same in Bilag 1 and the Status view. */
export const copiedMessage = (n: number) => `${cellsWord(n)} kopieret. Sæt ind med Ctrl+V, også i Excel.`;
/** How many doubtful amounts the plausibility question lists by cell. */
const DOUBTS_LISTED = 5;
const skippedNote = (n: number) =>
  n ? ` ${cellsWord(n)} i totaler, puljeoverskrifter og linjer med underlinjer blev sprunget over.` : '';

export class EditActions {
  constructor(
    private readonly actions: Actions,
    private readonly store: PortfolioStore,
    private readonly ui: Ui,
    private readonly grid: () => GridHandle | null,
    private readonly selection: RangeSelection,
  ) {}

  private view() {
    return this.grid()?.view() ?? { rows: [], cols: [] };
  }

  copy = (b: Bounds): string => {
    const text = toTsv(copyRows(this.view(), b));
    this.ui.notify('info', copiedMessage((b.bottom - b.top + 1) * (b.right - b.left + 1)));
    return text;
  };

  paste = async (text: string) => {
    const b = this.selection.bounds();
    if (!b) return this.ui.notify('info', 'Vælg cellen, der skal sættes ind fra.');
    const block = parseTsv(text);
    if (!block.length) return this.ui.notify('info', 'Udklipsholderen er tom. Intet blev sat ind.');
    const plan = planPaste(this.view(), b, block);
    if (!plan.ok) return this.ui.notice('Intet blev sat ind', plan.message.replace(/^Intet blev sat ind: /, ''));
    let add: Args<'amounts.paste'>['add'];
    if (plan.newLines.length) {
      const pool = plan.poolId ? this.store.pools.get(plan.poolId) : undefined;
      if (!pool) return this.ui.notice('Intet blev sat ind', 'Der er ingen pulje at tilføje linjerne til.');
      const n = plan.newLines.length;
      const ok = await this.ui.confirm(
        'Tilføj linjer?',
        `Det indsatte har ${n} ${n === 1 ? 'række' : 'rækker'} mere, end der er linjer tilbage i puljen «${pool.name}». Vil du tilføje ${n === 1 ? 'en ny linje' : `${n} nye linjer`} sidst i puljen? (Annullér sætter intet ind.)`,
        n === 1 ? 'Tilføj 1 linje' : `Tilføj ${n} linjer`,
      );
      if (!ok) return this.ui.notify('info', 'Indsætningen er annulleret. Intet blev ændret.');
      const given = plan.newLines.flatMap((l) => (l.name ? [l.name] : []));
      const free = this.store.freeLineNames(pool.id, 'Ny linje', plan.newLines.length - given.length, given);
      add = {
        poolId: pool.id,
        lines: plan.newLines.map((l) => ({ name: l.name ?? free.shift()!, amounts: l.amounts })),
      };
    }
    if (!plan.cells.length && !plan.renames.length && !add)
      return this.ui.notify('info', `Intet at ændre: cellerne har allerede de værdier.${skippedNote(plan.skipped)}`);
    if (
      !(await this.plausible(
        plan.cells.length + (add ? add.lines.reduce((n, l) => n + Object.keys(l.amounts).length, 0) : 0),
        plan,
      ))
    )
      return this.ui.notify('info', 'Indsætningen er annulleret. Intet blev ændret.');
    const change = await this.actions.change('amounts.paste', { cells: plan.cells, renames: plan.renames, add });
    if (!change) return;
    const rows = block.length;
    const cols = Math.max(...block.map((r) => r.length));
    if (rows > 1 || cols > 1)
      this.selection.set({
        anchor: { row: b.top, col: b.left },
        focus: { row: b.top + rows - 1, col: Math.min(b.left + cols - 1, this.view().cols.length - 1) },
      });
    const added = add ? ` og ${count(add.lines.length, 'ny linje', 'nye linjer')}` : '';
    this.ui.notify(
      'info',
      `Sat ind: ${cellsWord(plan.cells.length + plan.renames.length)}${added}. Ctrl+Z fortryder det hele.${skippedNote(plan.skipped)}`,
    );
  };

  /**
   * The plausibility check over a whole paste or fill (docs/grid.md): asked once, listing how many
   * amounts look like slips and the first few cells; true when there is none or the user saves them.
   */
  private async plausible(cells: number, plan: Parameters<typeof amountDoubts>[1]): Promise<boolean> {
    const doubts = amountDoubts(this.view(), plan);
    if (!doubts.length) return true;
    const n = doubts.length;
    const details: [string, string][] = doubts.slice(0, DOUBTS_LISTED).map((d) => [d.cell, d.reason]);
    if (n > DOUBTS_LISTED) details.push(['…', `og ${count(n - DOUBTS_LISTED, 'beløb', 'beløb')} mere`]);
    if (cells === 1)
      return this.ui.confirm(
        'Er beløbet rigtigt?',
        'Beløbet ser ud som en fejltastning. Vil du gemme det?',
        'Gem beløbet',
        details,
      );
    const listed = n > DOUBTS_LISTED ? ` (de første ${DOUBTS_LISTED} herunder)` : '';
    return this.ui.confirm(
      'Er beløbene rigtige?',
      `${n.toLocaleString('da-DK')} af de ${cells.toLocaleString('da-DK')} beløb ser ud som en fejltastning${listed}. Vil du gemme dem alle? (Annullér gemmer intet.)`,
      'Gem beløbene',
      details,
    );
  }

  private async apply(plan: EditPlan, verb: string) {
    if (!plan.cells.length) return this.ui.notify('info', `Intet at ${verb}.${skippedNote(plan.skipped)}`);
    if (!(await this.plausible(plan.cells.length, plan)))
      return this.ui.notify('info', `Intet blev ændret: beløbene blev ikke gemt.`);
    if (await this.actions.change('amounts.set', { cells: plan.cells })) {
      this.ui.notify('info', `${cellsWord(plan.cells.length)} ændret. Ctrl+Z fortryder.${skippedNote(plan.skipped)}`);
    }
  }

  clear = async () => {
    const b = this.selection.bounds();
    if (b) await this.apply(planClear(this.view(), b), 'tømme');
  };

  fillDown = async () => {
    const b = this.selection.bounds();
    if (b) await this.apply(planFillDown(this.view(), b), 'udfylde');
  };

  fill = async (seed: Bounds, target: Bounds) => this.apply(planFill(this.view(), seed, target), 'udfylde');

  /** Context menu: Kopiér. A copy command fires the copy event, which needs no clipboard permission. */
  copyFromMenu = () => {
    const range = this.selection.range;
    if (!range) return;
    const text = this.copy(bounds(range));
    const onCopy = (e: ClipboardEvent) => {
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    document.addEventListener('copy', onCopy, { capture: true, once: true });
    if (!document.execCommand('copy')) document.removeEventListener('copy', onCopy, { capture: true });
  };

  /** Context menu: Sæt ind. Reading the clipboard needs a permission (Electron denies it): then Ctrl+V is the way. */
  pasteFromMenu = async () => {
    try {
      const text = await navigator.clipboard.readText();
      await this.paste(text);
    } catch {
      this.ui.notify('info', 'Programmet må ikke læse udklipsholderen herfra. Tryk Ctrl+V for at sætte ind.');
    }
  };
}
