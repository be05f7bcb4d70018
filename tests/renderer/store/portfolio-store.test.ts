/**
 * The renderer's store applies an edit of amounts by replacing only the edited rows and the
 * totals above them (what the grid then updates); the result must equal rebuilding the whole
 * row model, to the krone, and anything structural must still rebuild.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as commands from '../../../db/core/commands';
import { setProject } from '../../../db/core/project-commands';
import { createPortfolio } from '../../../db/core/create';
import { openSession } from '../../../db/index';
import type { Session } from '../../../db/core/session';
import { buildRowModel } from '../../../shared/grid/row-model';
import { PortfolioStore } from '../../../renderer/src/store/portfolio-store';
import { seededRandom } from '../../seeded-random';

let dir: string;
let session: Session;
let store: PortfolioStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-store-'));
  const file = join(dir, 'bilag.sqlite');
  createPortfolio(file, { example: true });
  session = openSession(file);
  store = new PortfolioStore();
  store.load(session.snapshot());
});
afterEach(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

const lineId = (name: string) => session.snapshot().lines.find((l) => l.name === name)!.id;
const set = (name: string, year: number, value: number | null) =>
  store.apply(session.run((db) => commands.setAmounts(db, { cells: [{ lineId: lineId(name), year, value }] })));
/** The model as a rebuild from the backend's own snapshot gives it. */
function rebuilt() {
  const s = session.snapshot();
  return buildRowModel({ years: s.years, pools: s.pools, lines: s.lines }, store.collapsed);
}
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('an edit of amounts', () => {
  it('replaces the line, its pool total and the grand total in the same row array', () => {
    const rows = store.rowModel.rows;
    set('LPR3 ID3 - Landspatientregister', 2023, 3_000_000);
    expect(store.rowModel.rows).toBe(rows);
    expect(store.takePatch().map((r) => r.name)).toEqual([
      'LPR3 ID3 - Landspatientregister',
      'Nationale projekter i alt',
    ]);
    expect(store.takePatch()).toEqual([]);
    expect(store.rowModel.grandTotal.amounts[2023]).toBe(11_800_000);
    expect(plain(store.rowModel)).toEqual(plain(rebuilt()));
  });

  it('of a sub-line moves its parent too', () => {
    void store.rowModel; // as the grid has read it
    set('MUSE EKG fase 1', 2022, 2_000_000);
    expect(
      store
        .takePatch()
        .map((r) => r.name)
        .sort(),
    ).toEqual(['MUSE EKG', 'MUSE EKG fase 1', 'Vestdansk It Samarbejde i alt']);
    expect(plain(store.rowModel)).toEqual(plain(rebuilt()));
  });

  it('equals a rebuild after 300 random edits, undos and redos, to the krone', () => {
    const random = seededRandom(7);
    const leaves = session.snapshot().lines.filter((l) => !session.snapshot().lines.some((c) => c.parentId === l.id));
    let patched = 0;
    for (let i = 0; i < 300; i++) {
      const rows = store.rowModel.rows; // as the grid reads it after every change
      const r = random();
      if (r < 0.1 && session.history().canUndo) store.apply(session.undo());
      else if (r < 0.15 && session.history().canRedo) store.apply(session.redo());
      else {
        const line = leaves[Math.floor(random() * leaves.length)]!;
        const value = random() < 0.1 ? null : Math.round((random() - 0.3) * 1e10);
        store.apply(
          session.run((db) =>
            commands.setAmounts(db, { cells: [{ lineId: line.id, year: random() < 0.5 ? 2022 : 2023, value }] }),
          ),
        );
      }
      if (store.rowModel.rows === rows) patched++;
      store.takePatch();
    }
    expect(patched).toBeGreaterThan(250);
    expect(plain(store.rowModel)).toEqual(plain(rebuilt()));
  });

  it('a structural change (a new line) rebuilds the rows instead', () => {
    const rows = store.rowModel.rows;
    const pool = session.snapshot().pools[0]!;
    store.apply(
      session.run((db) =>
        commands.addLine(db, { poolId: pool.id, parentId: null, afterLineId: null, name: 'Ny linje' }),
      ),
    );
    expect(store.rowModel.rows).not.toBe(rows);
    expect(store.takePatch()).toEqual([]);
    expect(plain(store.rowModel)).toEqual(plain(rebuilt()));
  });

  it('a line hidden in a collapsed pool still moves the totals, by a rebuild', () => {
    store.toggleCollapsed(session.snapshot().pools[0]!.id);
    void store.rowModel;
    set('LPR3 ID3 - Landspatientregister', 2023, 3_000_000);
    expect(store.rowModel.grandTotal.amounts[2023]).toBe(11_800_000);
    expect(plain(store.rowModel)).toEqual(plain(rebuilt()));
  });
});

describe('the projects a change touched, for the grid’s project columns', () => {
  it('are none after an edit of amounts in place, the card’s project after its change, and all after new lines', () => {
    void store.rowModel; // as the grid has read it
    set('LPR3 ID3 - Landspatientregister', 2023, 3_000_000);
    expect(store.cardsTouched).toEqual([]);
    // The Status view still reads every project: its totals moved.
    expect(store.projectsTouched).toBe('all');

    const kiit = lineId('Klinisk immunologisk IT (KIIT) (Blodbank)');
    store.apply(session.run((db) => setProject(db, { lineId: kiit, changes: { end_month: '2027-12' } })));
    expect(store.cardsTouched).toEqual([kiit]);

    const pool = session.snapshot().pools[0]!.id;
    store.apply(
      session.run((db) => commands.addLine(db, { poolId: pool, parentId: null, afterLineId: null, name: 'Ny' })),
    );
    expect(store.cardsTouched).toBe('all');
  });
});

describe('a reply that carries more than the change', () => {
  it('status.set’s rows for its view do not make the store rebuild the grid’s rows', () => {
    const model = store.rowModel;
    const kiit = lineId('Klinisk immunologisk IT (KIIT) (Blodbank)');
    const change = session.run((db) => setProject(db, { lineId: kiit, changes: { phase: 'Analyse' } }));
    store.apply({ ...change, projects: [{ lineId: kiit }] } as typeof change);
    expect(store.rowModel).toBe(model);
    expect(store.projectsTouched).toEqual([kiit]);
  });
});
