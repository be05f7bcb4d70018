/**
 * The shape of a pool's lines: indent / outdent (Alt+Shift+→ / ←, the context menu) and sorting a
 * pool (the context menu's «Sortér puljen…»). Each is one backend command and one undo step;
 * amounts follow as with «+ Ny underlinje» (docs/grid.md, «Lines and sub-lines»).
 */
import type { Args } from '../../shared/contract/contract';
import type { Actions } from './actions';
import type { PortfolioStore } from './store/portfolio-store';
import type { Ui } from './ui';

type SortBy = Args<'lines.sort'>['by'];

export class LineActions {
  constructor(
    private readonly actions: Actions,
    private readonly store: PortfolioStore,
    private readonly ui: Ui,
  ) {}

  indent = async () => {
    const row = this.ui.selected();
    if (row?.kind !== 'line') return this.ui.notify('info', 'Vælg den linje, der skal rykkes ind.');
    if (await this.actions.change('lines.indent', { lineId: row.id })) this.ui.focus(row.id);
  };

  outdent = async () => {
    const row = this.ui.selected();
    if (row?.kind !== 'line') return this.ui.notify('info', 'Vælg den underlinje, der skal rykkes ud.');
    if (await this.actions.change('lines.outdent', { lineId: row.id })) this.ui.focus(row.id);
  };

  /** «Sortér puljen…»: by name or by an amount column, for the pool of the row here. */
  sortPool = async () => {
    const row = this.ui.selected();
    const pool = row && row.kind !== 'grandTotal' ? this.store.pools.get(row.poolId) : undefined;
    if (!pool) return this.ui.notify('info', 'Vælg en linje i den pulje, der skal sorteres.');
    const options = [
      { value: 'name', label: 'Navn (A–Å)' },
      { value: 'name-desc', label: 'Navn (Å–A)' },
      { value: 'total', label: 'I alt (størst først)' },
      { value: 'total-asc', label: 'I alt (mindst først)' },
      ...this.store.years.map((y) => ({ value: String(y), label: `${y} (størst først)` })),
    ];
    const choice = await this.ui.choose(`Sortér «${pool.name}»`, 'Sortér linjerne efter', options, 'Sortér');
    if (!choice) return;
    const [key, order] = choice.split('-');
    const by: SortBy = key === 'name' || key === 'total' ? key : Number(key);
    const descending = key === 'name' ? order === 'desc' : order !== 'asc';
    const change = await this.actions.change('lines.sort', { poolId: pool.id, by, descending });
    if (!change) return;
    if (!change.upsertLines?.length) this.ui.notify('info', `«${pool.name}» er allerede sorteret sådan.`);
    else this.ui.notify('info', `«${pool.name}» er sorteret. Ctrl+Z fortryder.`);
    if (row) this.ui.focus(row.id);
  };
}
