/**
 * Changing the shape of a pool's lines: indent / outdent (a line becomes a sub-line of the line
 * above, a sub-line a line again) and sorting a pool. Each is one plan of invertible ops, so one
 * undo step; amounts follow the rule of «+ Ny underlinje» (docs/grid.md «Lines and sub-lines»):
 * no total changes and nothing is lost.
 */
import { randomUUID } from 'node:crypto';
import type { Args } from '../../shared/contract/contract';
import { nameKey } from '../../shared/domain/names';
import { GAP, siblings, type Plan } from './commands';
import { UserError } from './errors';
import { mustLine, mustPool, type Op } from './ops';
import type { DB } from './open';
import { readLine, sql, type LineRecord } from './queries';

/** The name for the sub-line that keeps a parent's own amounts when it gets its first sub-line. */
function freeName(db: DB, poolId: string, base: string): string {
  const taken = new Set(
    sql(db)
      .poolLineNames.all(poolId)
      .map((l) => nameKey(l.name)),
  );
  if (!taken.has(nameKey(base))) return base;
  for (let i = 2; ; i++) if (!taken.has(nameKey(`${base} ${i}`))) return `${base} ${i}`;
}

/** Whether a line carries project data (docs/domain.md «Projects and monthly status»): only a line can. */
function isProject(db: DB, lineId: string): boolean {
  return !!db
    .prepare(
      `SELECT 1 FROM project WHERE line_id = ? UNION ALL SELECT 1 FROM project_status WHERE line_id = ?
       UNION ALL SELECT 1 FROM milestone WHERE line_id = ? UNION ALL SELECT 1 FROM risk_activity WHERE line_id = ? LIMIT 1`,
    )
    .get(lineId, lineId, lineId, lineId);
}

const hasMoney = (amounts: Record<string, number>) => Object.values(amounts).some((v) => v !== 0);

/** Alt+Shift+→: the line becomes the last sub-line of the line above it. */
export function indentLine(db: DB, args: Args<'lines.indent'>): Plan {
  const l = mustLine(db, args.lineId);
  if (l.parent_id) throw new UserError(`«${l.name}» er allerede en underlinje; der er kun ét niveau.`);
  if (isProject(db, l.id))
    throw new UserError(
      `«${l.name}» har projektoplysninger (projektkort, status, milepæle eller risikovurdering) og kan ikke blive en underlinje.`,
    );
  if (sql(db).children.all(l.id).length)
    throw new UserError(`«${l.name}» har selv underlinjer og kan ikke rykkes ind. Ryk først dens underlinjer ud.`);
  const list = siblings(db, l.pool_id, null);
  const parent = list[list.findIndex((x) => x.id === l.id) - 1];
  if (!parent) throw new UserError(`Der er ingen linje over «${l.name}», som den kan blive underlinje til.`);
  const children = sql(db).children.all(parent.id);
  const ops: Op[] = [];
  let position = (children[children.length - 1]?.position ?? 0) + GAP;
  const own = children.length ? {} : readLine(db, parent.id)!.amounts;
  if (hasMoney(own)) {
    // The parent's own amounts would stop counting once it has sub-lines: a first sub-line keeps
    // them (as «+ Ny underlinje» does), emptied from the parent first so the undo runs in order.
    for (const year of Object.keys(own))
      ops.push({ op: 'setAmount', lineId: parent.id, year: Number(year), value: null });
    const id = randomUUID();
    const name = freeName(db, l.pool_id, 'Øvrigt');
    ops.push({
      op: 'insertLine',
      line: { id, pool_id: l.pool_id, parent_id: parent.id, name, position, description: '' },
      amounts: { ...own },
    });
    position += GAP;
  } else {
    for (const year of Object.keys(own))
      ops.push({ op: 'setAmount', lineId: parent.id, year: Number(year), value: null });
  }
  ops.push({ op: 'placeLine', lineId: l.id, poolId: l.pool_id, parentId: parent.id, position });
  return { label: `Ryk «${l.name}» ind under «${parent.name}»`, ops };
}

/** Alt+Shift+←: a sub-line becomes a line just below its parent; the parent keeps the others. */
export function outdentLine(db: DB, args: Args<'lines.outdent'>): Plan {
  const l = mustLine(db, args.lineId);
  if (!l.parent_id) throw new UserError(`«${l.name}» er ikke en underlinje.`);
  const parent = mustLine(db, l.parent_id);
  const list = siblings(db, l.pool_id, null);
  const i = list.findIndex((x) => x.id === parent.id);
  const next = list[i + 1];
  const ops: Op[] = [];
  let position: number;
  if (!next) position = parent.position + GAP;
  else if (next.position - parent.position > 1) position = Math.floor((parent.position + next.position) / 2);
  else {
    list.forEach((x, k) => {
      if (x.position !== (k + 1) * GAP * 2)
        ops.push({ op: 'placeLine', lineId: x.id, poolId: x.pool_id, parentId: null, position: (k + 1) * GAP * 2 });
    });
    position = (i + 1) * GAP * 2 + GAP;
  }
  ops.push({ op: 'placeLine', lineId: l.id, poolId: l.pool_id, parentId: null, position });
  return { label: `Ryk «${l.name}» ud`, ops };
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** A pool's lines in the order asked, each level on its own: lines among lines, sub-lines under their line. */
export function sortPool(db: DB, args: Args<'lines.sort'>): Plan {
  const pool = mustPool(db, args.poolId);
  const s = sql(db);
  const sum = (amounts: Record<string, number>) =>
    args.by === 'total'
      ? Object.values(amounts).reduce((a, b) => a + b, 0)
      : typeof args.by === 'number'
        ? (amounts[args.by] ?? 0)
        : 0;
  const values = new Map<string, number>();
  const value = (r: LineRecord): number => {
    let v = values.get(r.id);
    if (v === undefined) {
      const children = s.children.all(r.id);
      const lines = children.length ? children.map((c) => readLine(db, c.id)!) : [readLine(db, r.id)!];
      values.set(r.id, (v = lines.reduce((total, line) => total + sum(line.amounts), 0)));
    }
    return v;
  };
  // Names A→Å (Danish order, numbers as numbers); amounts largest first; `descending` turns either.
  const compare = (a: LineRecord, b: LineRecord) =>
    args.by === 'name'
      ? collator.compare(a.name, b.name) * (args.descending ? -1 : 1)
      : (value(b) - value(a)) * (args.descending === false ? -1 : 1);
  const ops: Op[] = [];
  const place = (list: LineRecord[]) => {
    const sorted = [...list].sort((a, b) => compare(a, b) || a.position - b.position);
    if (sorted.every((x, k) => x.id === list[k]!.id)) return;
    sorted.forEach((x, k) => {
      const position = (k + 1) * GAP;
      if (x.position !== position)
        ops.push({ op: 'placeLine', lineId: x.id, poolId: x.pool_id, parentId: x.parent_id, position });
    });
  };
  const top = siblings(db, pool.id, null);
  place(top);
  for (const t of top) place(s.children.all(t.id));
  const what = args.by === 'name' ? 'navn' : args.by === 'total' ? 'I alt' : String(args.by);
  return { label: `Sortér «${pool.name}» efter ${what}`, ops };
}
