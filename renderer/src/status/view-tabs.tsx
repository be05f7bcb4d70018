/** Switches the window between «Bilag 1» (the grid) and «Status» (docs/grid.md «The Status view»). */
export type MainView = 'grid' | 'status';

export function ViewTabs({ view, onChange }: { view: MainView; onChange: (v: MainView) => void }) {
  const tab = (v: MainView, label: string) => (
    <button type="button" role="tab" aria-selected={view === v} onClick={() => onChange(v)}>
      {label}
    </button>
  );
  return (
    <div className="pp-tabs" role="tablist" aria-label="Visning">
      {tab('grid', 'Bilag 1')}
      {tab('status', 'Status')}
    </div>
  );
}
