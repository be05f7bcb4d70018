/**
 * The annex in columns, as it crosses from the import worker to the main thread. AnnexLine keeps
 * amounts in an object keyed by year, which V8 stores as a dictionary: building 100,000 of them
 * took 0.35 s and cloning them across threads 0.6 s. So the reader lays lines out in typed
 * arrays (moved between threads without copying), and the objects are built once, at the end.
 */
import type { AnnexLine, AnnexRead, Mismatch } from '../../../shared/contract/annex';
import type { Kroner } from '../../../shared/domain/money';

/** A line as a table reads it: its values follow the table's years; a parent's are all null. */
export interface LineRead {
  name: string;
  depth: 0 | 1;
  row: number;
  values: (Kroner | null)[];
}

export interface TableLines {
  name: string;
  sheet: string;
  headerRow: number;
  years: number[];
  lines: LineRead[];
}

export interface PackedAnnex {
  title?: string;
  years: number[];
  mismatches: Mismatch[];
  notes: string[];
  pools: { name: string; sheet: string; headerRow: number; lineCount: number }[];
  names: string[];
  depths: Uint8Array;
  rows: Uint32Array;
  /** Line by line, one value per entry of `years`: whole kroner, NaN where the line has none. */
  amounts: Float64Array;
}

export function packTables(
  tables: TableLines[],
  years: number[],
  mismatches: Mismatch[],
  notes: string[],
  title?: string,
): PackedAnnex {
  const count = tables.reduce((n, t) => n + t.lines.length, 0);
  const width = years.length;
  const packed: PackedAnnex = {
    ...(title === undefined ? {} : { title }),
    years,
    mismatches,
    notes,
    pools: tables.map((t) => ({ name: t.name, sheet: t.sheet, headerRow: t.headerRow, lineCount: t.lines.length })),
    names: new Array<string>(count),
    depths: new Uint8Array(count),
    rows: new Uint32Array(count),
    amounts: new Float64Array(count * width).fill(Number.NaN),
  };
  let i = 0;
  for (const table of tables) {
    const slots = table.years.map((y) => years.indexOf(y));
    for (const line of table.lines) {
      packed.names[i] = line.name;
      packed.depths[i] = line.depth;
      packed.rows[i] = line.row;
      line.values.forEach((v, k) => {
        if (v !== null) packed.amounts[i * width + (slots[k] ?? 0)] = v;
      });
      i++;
    }
  }
  return packed;
}

/** The transferable buffers of a packed annex (for postMessage's transfer list). */
export function transferables(packed: PackedAnnex): ArrayBuffer[] {
  return [packed.depths.buffer, packed.rows.buffer, packed.amounts.buffer] as ArrayBuffer[];
}

export function unpackAnnex(packed: PackedAnnex): AnnexRead {
  const width = packed.years.length;
  const keys = packed.years.map(String);
  let i = 0;
  const pools = packed.pools.map((pool) => {
    const lines: AnnexLine[] = new Array<AnnexLine>(pool.lineCount);
    for (let k = 0; k < pool.lineCount; k++, i++) {
      const amounts: Record<string, Kroner> = {};
      for (let y = 0; y < width; y++) {
        const v = packed.amounts[i * width + y];
        if (v !== undefined && !Number.isNaN(v)) amounts[keys[y] ?? ''] = v;
      }
      const depth = packed.depths[i] === 1 ? 1 : 0;
      lines[k] = { name: packed.names[i] ?? '', depth, amounts, sheet: pool.sheet, row: packed.rows[i] ?? 0 };
    }
    return { name: pool.name, lines, sheet: pool.sheet, headerRow: pool.headerRow };
  });
  const read: AnnexRead = { years: packed.years, pools, mismatches: packed.mismatches, notes: packed.notes };
  return packed.title === undefined ? read : { title: packed.title, ...read };
}
