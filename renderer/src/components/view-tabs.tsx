/**
 * Which view the window shows: the grid («Bilag 1»), the monthly status («Status», docs/grid.md
 * «The Status view») or the charts («Diagrammer»). More views add an entry.
 */
export type ViewName = 'grid' | 'status' | 'charts';

const VIEWS: { name: ViewName; label: string }[] = [
  { name: 'grid', label: 'Bilag 1' },
  { name: 'status', label: 'Status' },
  { name: 'charts', label: 'Diagrammer' },
];

export function ViewTabs({ view, onChange }: { view: ViewName; onChange: (view: ViewName) => void }) {
  return (
    <div className="pp-view-tabs" role="tablist" aria-label="Visning">
      {VIEWS.map((v) => (
        <button
          key={v.name}
          type="button"
          role="tab"
          aria-selected={view === v.name}
          data-testid={`view-${v.name}`}
          onClick={() => onChange(v.name)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
