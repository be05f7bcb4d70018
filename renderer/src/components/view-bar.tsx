/**
 * Above the grid: show one pool or all, show or hide years, and find (Ctrl+F) in line names
 * and descriptions with next/previous. The name column stays frozen while the grid scrolls.
 */
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { GridRow } from '../../../shared/grid/row-model';
import type { PortfolioStore } from '../store/portfolio-store';

export interface ViewBarHandle {
  focusFind(): void;
  findNext(step: 1 | -1): void;
}

interface Props {
  store: PortfolioStore;
  rows: GridRow[];
  /** Shows a found row (scrolls to it and marks its name cell); `keepFocus` leaves the keyboard in the find field. */
  show: (row: GridRow, keepFocus: boolean) => void;
  /** «Skal risikovurderes»: how many projects the it-råd flag marks, and whether only they are shown. */
  riskFilter?: { count: number; on: boolean; toggle: () => void };
}

const lower = (s: string) => s.toLocaleLowerCase('da');

export const ViewBar = forwardRef<ViewBarHandle, Props>(function ViewBar({ store, rows, show, riskFilter }, ref) {
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(-1);
  const input = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => {
    const q = lower(query.trim());
    if (!q) return [];
    // Folded pools and lines are searched too (`rows` only tells when to search again).
    void rows;
    return store.searchRows().filter((r) => {
      if (r.kind === 'line') return lower(r.name).includes(q) || lower(r.line.description).includes(q);
      if (r.kind === 'pool')
        return lower(r.name).includes(q) || lower(store.pools.get(r.poolId)?.description ?? '').includes(q);
      return false;
    });
  }, [query, rows, store]);

  const go = (step: 1 | -1, keepFocus = true) => {
    if (!matches.length) return;
    const next = (Math.max(at, step === 1 ? -1 : 0) + step + matches.length) % matches.length;
    setAt(next);
    show(matches[next]!, keepFocus);
  };

  useImperativeHandle(ref, () => ({
    focusFind: () => {
      input.current?.focus();
      input.current?.select();
    },
    findNext: (step) => go(step, false),
  }));

  const pools = store.poolList();
  const filter = store.poolFilter && store.pools.has(store.poolFilter) ? store.poolFilter : '';
  return (
    <div className="pp-viewbar" role="search">
      <label className="pp-inline">
        Pulje
        <select data-testid="pool-filter" value={filter} onChange={(e) => store.setPoolFilter(e.target.value || null)}>
          <option value="">Alle puljer</option>
          {pools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="pp-inline pp-year-toggles" aria-label="Vis år">
        <span>År</span>
        {store.years.map((y) => (
          <label key={y}>
            <input
              type="checkbox"
              data-testid={`show-year-${y}`}
              checked={!store.hiddenYears.has(y)}
              onChange={() => store.toggleYear(y)}
            />
            {y}
          </label>
        ))}
      </fieldset>
      {riskFilter && (
        <label
          className="pp-inline"
          title="Vis kun projekter, som skal risikovurderes af it-rådet og ikke er det endnu"
        >
          <input type="checkbox" data-testid="risk-filter" checked={riskFilter.on} onChange={riskFilter.toggle} />
          Skal risikovurderes ({riskFilter.count})
        </label>
      )}
      <div className="pp-find">
        <input
          ref={input}
          type="search"
          placeholder="Søg i navne og beskrivelser (Ctrl+F)"
          aria-label="Søg i linjenavne og beskrivelser"
          data-testid="find-input"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setAt(-1);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'F3') {
              e.preventDefault();
              go(e.shiftKey ? -1 : 1);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              const hit = matches[at];
              if (hit) show(hit, false);
              else setQuery('');
            }
          }}
        />
        <span className="pp-find-count" data-testid="find-count">
          {query.trim() ? (matches.length ? `${at >= 0 ? at + 1 : 0} af ${matches.length}` : 'Ingen fund') : ''}
        </span>
        <button
          type="button"
          title="Forrige (Shift+Enter)"
          aria-label="Forrige fund"
          onClick={() => go(-1)}
          disabled={!matches.length}
        >
          ▲
        </button>
        <button
          type="button"
          title="Næste (Enter)"
          aria-label="Næste fund"
          onClick={() => go(1)}
          disabled={!matches.length}
        >
          ▼
        </button>
      </div>
    </div>
  );
});
