/**
 * The Status view's columns (docs/grid.md «The Status view»): the card (Nr., Projekt, Fase,
 * Slutdato, Ansvarlig) read-only, the four lights and Samlet as a coloured dot with its word
 * (never colour alone), the month before's overall status beside them, and Bemærkninger.
 */
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { formatMonth } from '../../../shared/danish/month';
import { LIGHT_FIELD_NAMES, LIGHTS, type LightText } from '../../../shared/domain/project';
import { lightWord, type StatusField, type StatusRow } from './status-rows';

/** The words of the list a light is picked from (Enter or F2). */
export const LIGHT_CHOICES = [...LIGHTS, 'ikke vurderet'] as const;

export function LightDot({ light }: { light: LightText }) {
  const word = lightWord(light);
  return (
    <span className={`pp-light pp-light-${light === '-' ? 'none' : light}`} title={word}>
      <span className="pp-dot" aria-hidden="true" />
      {light === '-' ? '–' : light}
    </span>
  );
}

const lightCol = (field: StatusField, headerName: string): ColDef<StatusRow> => ({
  colId: field,
  headerName,
  width: 100,
  valueGetter: (p) => p.data?.status[field] ?? '-',
  cellRenderer: (p: ICellRendererParams<StatusRow, LightText>) => <LightDot light={p.value ?? '-'} />,
  editable: true,
  cellEditor: 'agSelectCellEditor',
  cellEditorParams: { values: LIGHT_CHOICES },
  cellClass: field === 'overall' ? 'pp-status-overall' : undefined,
});

function previousTooltip(row: StatusRow | undefined): string | undefined {
  const p = row?.previous;
  if (!p) return 'Ingen status i måneden før.';
  return (['deliveries', 'time', 'money', 'resources'] as const)
    .map((f) => `${LIGHT_FIELD_NAMES[f]}: ${lightWord(p[f])}`)
    .join(' · ');
}

export function statusColumns(): ColDef<StatusRow>[] {
  return [
    { colId: 'number', headerName: 'Nr.', width: 76, valueGetter: (p) => p.data?.number ?? '', pinned: 'left' },
    {
      colId: 'name',
      headerName: 'Projekt',
      width: 270,
      pinned: 'left',
      valueGetter: (p) => p.data?.name,
      tooltipValueGetter: (p) => (p.data ? `${p.data.name} (${p.data.pool})` : undefined),
    },
    { colId: 'phase', headerName: 'Fase', width: 116, valueGetter: (p) => p.data?.phase ?? '' },
    { colId: 'end', headerName: 'Slutdato', width: 100, valueGetter: (p) => formatMonth(p.data?.end ?? null) },
    { colId: 'responsible', headerName: 'Ansvarlig', width: 86, valueGetter: (p) => p.data?.responsible },
    lightCol('deliveries', LIGHT_FIELD_NAMES.deliveries),
    lightCol('time', LIGHT_FIELD_NAMES.time),
    lightCol('money', LIGHT_FIELD_NAMES.money),
    lightCol('resources', LIGHT_FIELD_NAMES.resources),
    lightCol('overall', 'Samlet'),
    {
      colId: 'previous',
      headerName: 'Forrige status',
      headerTooltip: 'Samlet status i måneden før',
      width: 120,
      valueGetter: (p) => p.data?.previous?.overall ?? null,
      cellRenderer: (p: ICellRendererParams<StatusRow, LightText | null>) =>
        p.value ? <LightDot light={p.value} /> : <span className="pp-muted">ingen</span>,
      tooltipValueGetter: (p) => previousTooltip(p.data),
      cellClass: 'pp-status-previous',
    },
    {
      colId: 'remark',
      headerName: 'Bemærkninger',
      flex: 1,
      minWidth: 200,
      valueGetter: (p) => p.data?.remark,
      tooltipValueGetter: (p) => p.data?.remark || undefined,
      editable: true,
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 20_000, rows: 6, cols: 60 },
    },
  ];
}
