/** The Status view's filters and sorting: kun røde/gule, fase, ansvarlig; by the portfolio, end month or phase. */
import { PHASES } from '../../../shared/domain/project';
import type { StatusFilter, StatusRow, StatusSort } from './status-rows';

interface Props {
  projects: readonly StatusRow[];
  filter: StatusFilter;
  onFilter: (f: StatusFilter) => void;
  sort: StatusSort;
  onSort: (s: StatusSort) => void;
  shown: number;
}

export function StatusFilters({ projects, filter, onFilter, sort, onSort, shown }: Props) {
  const responsible = [...new Set(projects.map((p) => p.responsible).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, 'da'),
  );
  return (
    <>
      <label className="pp-inline">
        <input
          type="checkbox"
          checked={filter.redYellow}
          onChange={(e) => onFilter({ ...filter, redYellow: e.target.checked })}
        />
        Kun røde/gule
      </label>
      <label className="pp-inline">
        Fase
        <select value={filter.phase} onChange={(e) => onFilter({ ...filter, phase: e.target.value })}>
          <option value="">Alle</option>
          {PHASES.map((p) => (
            <option key={p}>{p}</option>
          ))}
          <option value="-">Ingen fase</option>
        </select>
      </label>
      <label className="pp-inline">
        Ansvarlig
        <select value={filter.responsible} onChange={(e) => onFilter({ ...filter, responsible: e.target.value })}>
          <option value="">Alle</option>
          {responsible.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label className="pp-inline">
        Sortér
        <select value={sort} onChange={(e) => onSort(e.target.value as StatusSort)}>
          <option value="order">Som i porteføljen</option>
          <option value="end">Slutdato</option>
          <option value="phase">Fase</option>
        </select>
      </label>
      <span className="pp-inline" data-testid="status-count">
        {shown === projects.length ? `${shown} projekter` : `${shown} af ${projects.length} projekter`}
      </span>
    </>
  );
}
