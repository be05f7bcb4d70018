/**
 * The grid's optional project columns (docs/grid.md «Project columns»): which are shown (the
 * toolbar's «Kolonner ▾», remembered per portfolio), their values (project-fields.ts) and an
 * entry typed into one, saved as the card's change (`projects.set`, one undo step).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { PROJECT_COLS, projectCol, projectEntry } from '../../../shared/grid/project-cols';
import type { GridRow } from '../../../shared/grid/row-model';
import type { Api } from '../api/client';
import type { Actions } from '../actions';
import { ProjectFieldStore } from '../project/project-fields';
import type { PortfolioStore } from '../store/portfolio-store';
import type { Ui } from '../ui';
import { keepProjectCols, readProjectCols } from './column-widths';
import { isProjectRow } from './columns';

export function useProjectColumns(api: Api, store: PortfolioStore, version: number, actions: Actions, ui: Ui) {
  const fields = useMemo(() => new ProjectFieldStore(api), [api]);
  const fieldsVersion = useSyncExternalStore(fields.subscribe, fields.getVersion);
  const portfolioId = store.meta?.id;
  const [shown, setShown] = useState<string[]>(() => readProjectCols(portfolioId));
  useEffect(() => setShown(readProjectCols(portfolioId)), [portfolioId]);

  const showing = shown.length > 0;
  const read = useCallback(
    (touched: readonly string[] | 'all') =>
      fields.refresh(store.revision, touched).catch((err: Error) => ui.notify('error', err.message)),
    [fields, store, ui],
  );
  // While shown, what each change touched; on being shown (again), every project, as edits may have
  // been made while hidden. One effect, so the first show after a load reads every project once.
  const current = useRef(false);
  useEffect(() => {
    if (!showing) {
      current.current = false;
      return;
    }
    void read(current.current ? store.cardsTouched : 'all');
    current.current = true;
  }, [showing, read, store, version]);

  const toggle = useCallback(
    (colId: string) => {
      const next = PROJECT_COLS.map((c) => c.colId).filter((id) => (id === colId) !== shown.includes(id));
      keepProjectCols(portfolioId, next);
      setShown(next);
    },
    [portfolioId, shown],
  );

  /** A value typed into a project column: saved when it differs from the card's. */
  const edit = useCallback(
    async (row: GridRow, colId: string, text: string | null) => {
      const col = projectCol(colId);
      if (!col || !isProjectRow(row)) return;
      const parsed = projectEntry(col.field, text ?? '');
      if (!parsed.ok) return ui.notify('error', `${parsed.message} (${row.name}, ${col.header}). Intet blev ændret.`);
      const now = fields.fieldsOf(row.id);
      if (now ? parsed.value[col.field] === now[col.field] : !parsed.value[col.field]) return;
      await actions.change('projects.set', { lineId: row.id, changes: parsed.value });
    },
    [actions, fields, ui],
  );

  return { shown, toggle, edit, fieldsOf: fields.fieldsOf, fieldsVersion };
}

export type ProjectColumns = ReturnType<typeof useProjectColumns>;
