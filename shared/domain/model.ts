/** The portfolio as every layer sees it. Money is whole kroner (money.ts). */
import type { Kroner } from './money';

export const REGIONS = [
  { code: 'RH', name: 'Region Hovedstaden' },
  { code: 'RSJ', name: 'Region Sjælland' },
  { code: 'RSD', name: 'Region Syddanmark' },
  { code: 'RM', name: 'Region Midtjylland' },
  { code: 'RN', name: 'Region Nordjylland' },
] as const;
export type RegionCode = (typeof REGIONS)[number]['code'];
export const REGION_CODES = REGIONS.map((r) => r.code) as [RegionCode, ...RegionCode[]];

export function regionName(code: RegionCode): string {
  return REGIONS.find((r) => r.code === code)?.name ?? code;
}

export interface PortfolioMeta {
  id: string;
  title: string;
  region: RegionCode;
  createdAt: string;
}

export interface Pool {
  id: string;
  name: string;
  position: number;
  description: string;
}

/** Amounts by budget year (as a string key, for JSON). A missing year is an empty cell. */
export type Amounts = Record<string, Kroner>;

export interface Line {
  id: string;
  poolId: string;
  /** Set on a sub-line. A line with sub-lines has no amounts of its own. */
  parentId: string | null;
  name: string;
  position: number;
  description: string;
  /** A short note shown as a marker in the grid (absent when empty). */
  comment?: string;
  amounts: Amounts;
}

/** Which region made a line, and which region changed it last and when (ISO; null: never changed). */
export interface LineInfo {
  createdBy: RegionCode;
  changedBy: RegionCode | null;
  changedAt: string | null;
}

/**
 * The whole portfolio as plain values: the one shape of it. A Snapshot is one with what a client
 * shows beside it; the Excel import matches against one (without meta, db/excel/import-match.ts);
 * a merge and a restore look its pools and lines up by id (db/share/state.ts PortfolioById).
 */
export interface Portfolio {
  meta: PortfolioMeta;
  years: number[];
  pools: Pool[];
  lines: Line[];
}

export interface Snapshot extends Portfolio {
  /** By line id (db/share/provenance.ts). */
  lineInfo?: Record<string, LineInfo>;
  history: HistoryState;
  revision: number;
}

export interface HistoryState {
  canUndo: boolean;
  undoLabel: string | null;
  canRedo: boolean;
  redoLabel: string | null;
}

/** What one change did, so a client can update its copy without reloading the portfolio. */
export interface Change {
  meta?: PortfolioMeta;
  years?: number[];
  upsertPools?: Pool[];
  deletePoolIds?: string[];
  upsertLines?: Line[];
  deleteLineIds?: string[];
  /** The id of a line or pool the change created, so the UI can focus it. */
  createdId?: string;
  /** Who made each upserted line and who changed it last (db/share/provenance.ts). */
  lineInfo?: Record<string, LineInfo>;
  /** Projects (top-level lines) whose card or status changed, so a status view or card reloads them. */
  projectIds?: string[];
  history: HistoryState;
  revision: number;
}

/** Re-exported for the many readers of the model; the limits live in limits.ts. */
export { TEXT_LIMITS } from './limits';
