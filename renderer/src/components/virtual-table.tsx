/**
 * A table that renders only the rows in view (plus a margin), so a merge review of tens of
 * thousands of cells opens and scrolls at once. Rows have one fixed height; the columns are a
 * CSS grid shared by the header and every row.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface Column {
  label: string;
  /** A CSS grid track: `120px`, `2fr`, `minmax(160px, 1fr)`. */
  width: string;
  numeric?: boolean;
  title?: string;
}

interface Props<T> {
  columns: readonly Column[];
  rows: readonly T[];
  rowHeight: number;
  rowKey: (row: T, index: number) => string;
  cells: (row: T, index: number) => ReactNode[];
  rowClass?: (row: T) => string;
  empty: string;
  label: string;
  testId?: string;
}

const MARGIN = 12;

export function VirtualTable<T>({ columns, rows, rowHeight, rowKey, cells, rowClass, empty, label, testId }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // A new list (another tab, a filter) starts at its top.
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setView((v) => ({ ...v, top: 0 }));
  }, [rows]);

  const template = { gridTemplateColumns: columns.map((c) => c.width).join(' ') };
  const first = Math.max(0, Math.floor(view.top / rowHeight) - MARGIN);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / rowHeight) + MARGIN);
  const shown: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = rows[i]!;
    shown.push(
      <div
        key={rowKey(row, i)}
        role="row"
        aria-rowindex={i + 2}
        className={`pp-vrow ${rowClass?.(row) ?? ''}`}
        style={{ ...template, top: i * rowHeight, height: rowHeight }}
      >
        {cells(row, i).map((content, c) => (
          <div key={c} role="cell" className={columns[c]?.numeric ? 'pp-vcell pp-num' : 'pp-vcell'}>
            {content}
          </div>
        ))}
      </div>,
    );
  }
  return (
    <div className="pp-vtable" role="table" aria-label={label} aria-rowcount={rows.length + 1} data-testid={testId}>
      <div role="row" aria-rowindex={1} className="pp-vhead" style={template}>
        {columns.map((c) => (
          <div key={c.label} role="columnheader" className={c.numeric ? 'pp-vcell pp-num' : 'pp-vcell'} title={c.title}>
            {c.label}
          </div>
        ))}
      </div>
      <div
        className="pp-vscroll"
        ref={scroller}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        {rows.length ? (
          <div role="rowgroup" style={{ height: rows.length * rowHeight, position: 'relative' }}>
            {shown}
          </div>
        ) : (
          <p className="pp-vempty">{empty}</p>
        )}
      </div>
    </div>
  );
}
