/**
 * The name column: indentation for sub-lines, a fold button on pools and parent lines, the pool's
 * colour on its heading (the charts' colour), a comment marker.
 */
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridRow } from '../../../shared/grid/row-model';
import { poolColour } from '../charts/palette';

interface Props extends CustomCellRendererProps<GridRow> {
  onToggle: (id: string) => void;
  poolIndex: (poolId: string) => number;
  /** Why a project must be risk-assessed by the it-råd, or null (renderer/src/project/risk-flags.ts). */
  riskFlag?: (lineId: string) => string | null;
}

export function NameCell({ data, onToggle, poolIndex, riskFlag }: Props) {
  if (!data) return null;
  const foldId = data.kind === 'pool' ? data.poolId : data.kind === 'line' && data.hasChildren ? data.id : null;
  const collapsed = (data.kind === 'pool' || data.kind === 'line') && data.collapsed;
  const depth = data.kind === 'line' ? data.depth : 0;
  const comment = data.kind === 'line' ? data.line.comment : undefined;
  const flag = data.kind === 'line' && data.depth === 0 ? (riskFlag?.(data.id) ?? null) : null;
  return (
    <span className={`pp-name pp-depth-${depth}`}>
      {foldId ? (
        <button
          type="button"
          className="pp-fold"
          aria-label={collapsed ? `Fold «${data.name}» ud` : `Fold «${data.name}» ind`}
          aria-expanded={!collapsed}
          tabIndex={-1}
          onMouseDown={(e) => e.preventDefault()}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(foldId);
          }}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="pp-fold-space" />
      )}
      {data.kind === 'pool' && (
        <span
          className="pp-pool-swatch"
          data-testid="pool-swatch"
          aria-hidden="true"
          style={{ background: poolColour(Math.max(0, poolIndex(data.poolId))) }}
        />
      )}
      <span className="pp-name-text">{data.name}</span>
      {flag && (
        <span className="pp-risk-flag" data-testid="risk-flag" title={flag} aria-label={`Skal risikovurderes: ${flag}`}>
          ⚑
        </span>
      )}
      {comment && (
        <span
          className="pp-comment-marker"
          data-testid="comment-marker"
          title={comment}
          aria-label={`Kommentar: ${comment}`}
        />
      )}
    </span>
  );
}
