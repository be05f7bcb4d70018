/**
 * Puljeplan's benchmark (npm run bench). Not a test: it measures and prints, never asserts.
 *   npx tsx build/bench/bench.ts [--only <section>]... [--sizes 1000,10000,100000] [--edits 1000] [--keep]
 *     [--share-sizes 20000,100000] [--excel-lines 2000,100000] [--old <work tree of older code>]
 * With --old, the share section also runs that tree's build/bench/share-bench.ts on the same
 * portfolios, right after the current code's, and the excel section that tree's import read on
 * the same workbook, so old and new figures come from the same run.
 * Sections run in the order below; a later one (Excel import/export, merge) is one more entry in
 * SECTIONS. Portfolios are generated once per size in a temp dir and shared by the sections.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { contract } from '../../shared/contract/contract';
import { buildRowModel } from '../../shared/grid/row-model';
import * as commands from '../../db/core/commands';
import { createDispatcher } from '../../db/dispatcher';
import { createPortfolio } from '../../db/core/create';
import { openSession } from '../../db/index';
import { openPortfolio } from '../../db/core/open';
import { sql } from '../../db/core/queries';
import { seededRandom } from '../../tests/seeded-random';
import { gridBench } from './grid-bench';
import { shareBench } from './share-bench';
import { printBench } from './print-bench';
import { statusBench } from './status-bench';
import { cliStartBench } from './cli-start-bench';

const { values: opts } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    sizes: { type: 'string', default: '1000,10000,100000' },
    edits: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
    'share-sizes': { type: 'string', default: '20000,100000' },
    'excel-lines': { type: 'string', default: '2000,100000' },
    old: { type: 'string' },
  },
});
const SIZES = opts.sizes.split(',').map(Number);
const EDITS = Number(opts.edits);
const YEARS = Array.from({ length: 10 }, (_, i) => 2025 + i);
const dir = mkdtempSync(join(tmpdir(), 'puljeplan-bench-'));

// ---------- helpers ----------

const now = () => performance.now();
function time<T>(body: () => T): [T, number] {
  const t = now();
  const value = body();
  return [value, now() - t];
}
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1]! };
}
const median = (samples: number[]) => stats(samples).median;
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const int = (v: number) => v.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A full garbage collection, so that one measurement does not pay for the garbage of the one
 * before (three 100,000-line snapshots are hundreds of MB). Node hides gc() without
 * --expose-gc; setting the flag at run time exposes it in a fresh context.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Prints rows as a right-aligned table under a header. */
function table(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  for (const r of cells) console.log('  ' + r.map((c, i) => c.padStart(widths[i]!)).join('  '));
}

// Seeded: every run generates the same portfolios.
const prng = seededRandom;

// ---------- portfolio generation ----------

interface Generated {
  path: string;
  seconds: number;
  leaves: string[];
}
const generated = new Map<string, Generated>();

/**
 * A portfolio of `lines` lines x 10 years: 5 pools, about 10% of lines are sub-lines (2-3 under
 * every 25th top line), one line in ten has a description, 90% of leaf cells hold an amount in
 * whole thousands of kroner (as in the annex), log-uniform between 100.000 kr and 50 mio. kr.
 * Written with the app's own schema and prepared statements in one transaction, not through
 * commands (so no audit rows, as after an import).
 */
function portfolio(lines: number, years: number[] = YEARS): Generated {
  const key = `${lines}x${years.length}`;
  const known = generated.get(key);
  if (known) return known;
  const path = join(dir, `${key}.sqlite`);
  const random = prng(lines);
  const leaves: string[] = [];
  const t = now();
  createPortfolio(path, { title: `Benchmark ${int(lines)}`, region: 'RM', years });
  const db = openPortfolio(path);
  const s = sql(db);
  const prose = 'Projektet understøtter den fælles digitale infrastruktur i regionen. '.repeat(5);
  db.transaction(() => {
    const poolIds = Array.from({ length: 5 }, (_, p) => {
      const id = randomUUID();
      s.insertPool.run({ id, name: `Pulje ${p + 1}`, position: (p + 1) * 1024, description: '' });
      return id;
    });
    let made = 0;
    const line = (poolId: string, parentId: string | null, position: number, leaf: boolean) => {
      const id = randomUUID();
      made++;
      const description = made % 10 === 0 ? prose : '';
      s.insertLine.run({ id, pool_id: poolId, parent_id: parentId, name: `Projekt ${made}`, position, description });
      if (!leaf) return id;
      leaves.push(id);
      for (const y of years)
        if (random() < 0.9) s.upsertAmount.run(id, y, Math.round(10 ** (2 + random() * 2.7)) * 1000);
      return id;
    };
    for (let i = 0; made < lines; i++) {
      const poolId = poolIds[i % poolIds.length]!;
      const position = (Math.floor(i / poolIds.length) + 1) * 1024;
      const subs = i % 25 === 0 ? Math.min(2 + (i % 2), lines - made - 1) : 0;
      const id = line(poolId, null, position, subs === 0);
      for (let j = 0; j < subs; j++) line(poolId, id, (j + 1) * 1024, true);
    }
  })();
  db.close(); // the last connection checkpoints the WAL into the file
  const result = { path, seconds: (now() - t) / 1000, leaves };
  generated.set(key, result);
  return result;
}

// ---------- sections ----------

/** A side file in the temp dir: each call writes 4 KiB into it and times the fsync alone. */
function fsyncProbe(name: string) {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096, 1);
  return {
    sample(): number {
      writeSync(fd, block, 0, block.length, 0);
      return time(() => fsyncSync(fd))[1];
    },
    close(): void {
      closeSync(fd);
      rmSync(path, { force: true });
    },
  };
}

/** Raw fsync latency of the temp dir's disk: a floor under any durable commit. */
function disk(): void {
  const probe = fsyncProbe('fsync.bin');
  const samples = Array.from({ length: 200 }, () => probe.sample());
  probe.close();
  const s = stats(samples);
  console.log(
    `  fsync after a 4 KiB write, 200 times: median ${ms(s.median)} ms, p99 ${ms(s.p99)} ms, max ${ms(s.max)} ms`,
  );
}

/**
 * Opening to the grid: openSession (header, identity, pragmas, quick_check, migrations check),
 * session.snapshot(), buildRowModel; and, separately, the zod check the dispatcher gives the
 * snapshot on portfolio.load. Median of 3 opens of the same file (OS cache warm); "1st" is the
 * first of them, with less warmed-up JIT, closer to what a user sees once per start.
 */
function open(): void {
  const rows: (string | number)[][] = [];
  for (const lines of SIZES) {
    const g = portfolio(lines);
    const runs: { open: number; snap: number; model: number; validate: number }[] = [];
    let rowCount = 0;
    for (let i = 0; i < 3; i++) {
      collectGarbage();
      const [session, tOpen] = time(() => openSession(g.path));
      const [snapshot, tSnap] = time(() => session.snapshot());
      const [model, tModel] = time(() => buildRowModel(snapshot));
      const [, tValidate] = time(() => contract['portfolio.load'].result.parse(snapshot));
      rowCount = model.rows.length;
      runs.push({ open: tOpen, snap: tSnap, model: tModel, validate: tValidate });
      session.close();
    }
    const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
    const total = median(runs.map((r) => r.open + r.snap + r.model));
    const first = runs[0]!.open + runs[0]!.snap + runs[0]!.model;
    rows.push([
      int(lines),
      int(rowCount),
      mb(statSync(g.path).size),
      g.seconds.toFixed(1),
      ms(m('open')),
      ms(m('snap')),
      ms(m('model')),
      ms(total),
      ms(first),
      ms(m('validate')),
    ]);
  }
  table(['lines', 'grid rows', 'file', 'gen s', 'open', 'snapshot', 'rows', 'total', '1st total', 'zod'], rows);
}

/**
 * Per-edit persistence: EDITS single-cell amounts.set calls through the dispatcher (contract
 * checks, plan, one IMMEDIATE transaction with its audit row, COMMIT with the WAL fsynced,
 * the Change read back and checked), each timed on its own; then the same through session.run
 * without the dispatcher, to show what the zod checks add. After every edit (outside its timing)
 * a raw fsync is timed too: the disk's latency in the same seconds, since a shared disk's
 * latency drifts and every commit waits for one fsync of the WAL (and a checkpoint, every few
 * hundred commits, for one of the database file).
 */
async function edit(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const lines of SIZES) {
    const g = portfolio(lines);
    const random = prng(7);
    const session = openSession(g.path);
    const dispatch = createDispatcher({ session: () => session, shell: 'cli', appVersion: 'bench' });
    let counter = 1_000;
    const cell = () => ({
      lineId: g.leaves[Math.floor(random() * g.leaves.length)]!,
      year: YEARS[Math.floor(random() * YEARS.length)]!,
      value: counter++ * 1000,
    });
    const viaDispatch: number[] = [];
    const viaSession: number[] = [];
    const fsyncs: number[] = [];
    const probe = fsyncProbe('probe.bin');
    collectGarbage();
    try {
      for (let i = 0; i < 50; i++) await dispatch('amounts.set', { cells: [cell()] }); // warm-up: JIT and statement cache
      for (let i = 0; i < EDITS; i++) {
        const args = { cells: [cell()] };
        const t0 = performance.now();
        const res = await dispatch('amounts.set', args);
        const t = performance.now() - t0;
        if (!res.ok) throw new Error(res.error.message);
        viaDispatch.push(t);
        fsyncs.push(probe.sample());
      }
      for (let i = 0; i < EDITS; i++) {
        const cells = [cell()];
        const [, t] = time(() => session.run((db) => commands.setAmounts(db, { cells })));
        viaSession.push(t);
        fsyncs.push(probe.sample());
      }
    } finally {
      probe.close();
      session.close();
    }
    const d = stats(viaDispatch);
    const s = stats(viaSession);
    const f = stats(fsyncs);
    rows.push([
      int(lines),
      ms(d.median),
      ms(d.p99),
      ms(d.max),
      ms(s.median),
      ms(s.p99),
      ms(s.max),
      ms(f.median),
      ms(f.p99),
      ms(f.max),
    ]);
  }
  table(['lines', 'dispatch med', 'p99', 'max', 'session.run med', 'p99', 'max', 'raw fsync med', 'p99', 'max'], rows);
}

/**
 * Excel import and export at 2,000 and 100,000 lines x 12 years, each step in a fresh process
 * (build/bench/excel-child.ts) so its peak RSS is its own, next to exceljs alone doing the same
 * in the same run. 2,000 lines: median of 5 runs; 100,000: one run. The import is read with the
 * worker warm, as the app has it (db/excel/import-worker-pool.ts), and on first need.
 */
function excel(): void {
  const years = Array.from({ length: 12 }, (_, i) => 2025 + i);
  const child = (tree: string, ...args: string[]) => {
    const script = join(tree, 'build', 'bench', 'excel-child.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', cwd: tree });
    if (run.status !== 0) throw new Error(`excel-child ${args[0]}: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssMb: number };
  };
  const here = join(import.meta.dirname, '..', '..');
  const rows: (string | number)[][] = [];
  for (const lines of opts['excel-lines'].split(',').map(Number)) {
    const { path } = portfolio(lines, years);
    const xlsx = join(dir, `${lines}.xlsx`);
    const runs = lines <= 10_000 ? 5 : 1;
    const measure = (label: string, args: string[], tree = here) => {
      const results = Array.from({ length: runs }, () => child(tree, ...args));
      const msMedian = median(results.map((r) => r.ms));
      const rss = Math.max(...results.map((r) => r.maxRssMb));
      rows.push([int(lines), label, ms(msMedian), `${rss.toFixed(0)} MB`]);
      return msMedian;
    };
    measure('export (ours, streaming)', ['export', path, xlsx]);
    measure('exceljs alone: in-memory write', ['exceljs-write', path, join(dir, `${lines}-exceljs.xlsx`)]);
    // The reads compared are run in turns (ours, first need, old code, exceljs; again), so a busy
    // machine weighs on each alike.
    const reads: [string, string[], string][] = [
      ['import read (ours: zip check + warm worker)', ['import', xlsx], here],
      ['import read on first need (worker started by it)', ['import-cold', xlsx], here],
      ...(opts.old
        ? [[`import read, old code (${opts.old})`, ['import', xlsx], opts.old] as [string, string[], string]]
        : []),
      ['exceljs alone: xlsx.load + eachRow', ['exceljs-load', xlsx], here],
    ];
    const results = reads.map(() => [] as { ms: number; maxRssMb: number }[]);
    for (let i = 0; i < runs; i++) reads.forEach(([, args, tree], j) => results[j]!.push(child(tree, ...args)));
    const [ours, cold, ...rest] = reads.map(([label], j) => {
      const msMedian = median(results[j]!.map((r) => r.ms));
      rows.push([int(lines), label, ms(msMedian), `${Math.max(...results[j]!.map((r) => r.maxRssMb)).toFixed(0)} MB`]);
      return msMedian;
    });
    const theirs = rest.at(-1)!;
    const ratio = (label: string, x: number) => rows.push([int(lines), label, `${(x / theirs).toFixed(2)}x`, '']);
    ratio('  import / exceljs load (goal ≤ 1.2x)', ours!);
    ratio('  first-need import / exceljs load', cold!);
    if (rest.length > 1) ratio('  old code import / exceljs load', rest[0]!);
    measure('import read + apply into a new file (CLI)', ['apply', xlsx, join(dir, `${lines}-imported.sqlite`)]);
    rows.push([int(lines), '  workbook size', mb(statSync(xlsx).size), '']);
  }
  table(['lines', 'step', 'ms', 'peak RSS'], rows);
}

// ---------- main ----------

const SECTIONS: Record<string, { title: string; run: () => void | Promise<void> }> = {
  disk: { title: 'Disk: raw fsync latency (reference for the commit cost)', run: disk },
  open: {
    title:
      'Open to grid: openSession / snapshot / row model (goal: total < 2 s at 100,000 lines), ms; zod = the portfolio.load result check',
    run: open,
  },
  edit: {
    title: `Per-edit persistence: ${int(EDITS)} single-cell amounts.set, each committed (WAL, synchronous=FULL), ms (goal: p99 < 1 ms)`,
    run: edit,
  },
  excel: {
    title:
      'Excel: import and export of Bilag 1 at 2,000 and 100,000 lines x 12 years (goals: import <= 1.2x exceljs load; 100,000 lines < 8 s and < 500 MB each)',
    run: excel,
  },
  grid: {
    title:
      'Grid in Chromium against the web server: 1,000 × 12 paste (goal < 1 s); one edit to repainted totals at the largest size, 200 edits (goal p99 < 50 ms)',
    run: () => {
      const lines = Math.max(...SIZES);
      return gridBench({ dir, largePortfolio: portfolio(lines).path, largeLines: lines, edits: 200, stats, ms });
    },
  },
  status: {
    title:
      'Status view in Chromium: 2,000 projects × 36 months opens (goal < 0.5 s); one light typed to repainted (goal < 50 ms)',
    run: () => statusBench({ dir, stats, ms }),
  },
  cli: {
    title: 'CLI start: check and summary of the example as processes, median of 5 (goal: bundle < 0.5 s)',
    run: () => cliStartBench({ dir, table, ms, median }),
  },
  share: {
    title:
      'Sharing between regions: send, check and merge of two portfolios, 10 % of cells changed on each side (goals: CLI merge < 1 s at 20,000 lines; preview and merge < 3 s each at 100,000)',
    run: async () => {
      const old = opts.old
        ? ((await import(join(opts.old, 'build/bench/share-bench.ts'))) as { shareBench: typeof shareBench })
        : undefined;
      for (const size of opts['share-sizes'].split(',').map(Number)) {
        // Each run in a directory of its own: the section's files have fixed names.
        const context = (run: string) => ({
          dir: mkdtempSync(join(dir, `share-${size}-${run}-`)),
          portfolio: portfolio(size),
          years: YEARS,
          table,
          ms,
        });
        console.log(`  this code (${int(size)} lines):`);
        collectGarbage();
        shareBench(context('new'));
        if (!old) continue;
        console.log(`  old code in ${opts.old} (${int(size)} lines):`);
        collectGarbage();
        old.shareBench(context('old'));
      }
    },
  },
  print: {
    title: 'Print: Bilag 1 to PDF through Chromium, median of 3 (goals: the example < 1 s, 2,000 lines < 3 s)',
    run: () => printBench({ dir, large: portfolio(2_000).path, table, ms, median }),
  },
};

const only = opts.only ?? Object.keys(SECTIONS);
const unknown = only.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`Unknown section(s): ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(2);
}
console.log(
  `Puljeplan benchmark: node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}`,
);
console.log(`Temp dir ${dir}; sizes ${SIZES.map(int).join(', ')} lines x ${YEARS.length} years`);
try {
  for (const name of Object.keys(SECTIONS).filter((n) => only.includes(n))) {
    collectGarbage();
    console.log(`\n[${name}] ${SECTIONS[name]!.title}`);
    await SECTIONS[name]!.run();
  }
} finally {
  if (opts.keep) console.log(`\nKept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
