/**
 * The print section of the benchmark (docs/print.md): Bilag 1 to PDF for the example and for a
 * 2,000-line annex, from command to file (the CLI as its own process, as `npm run cli` runs it:
 * build/cli.mjs and the prebuilt bundle) and inside one process (document, Chromium, file).
 * Goals: the example < 1 s, 2,000 lines < 3 s.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { annexPrintDocument, openSession } from '../../db/index';
import { footerFor } from '../../db/cli/print';
import { findPdfBrowser } from '../../db/cli/pdf-browser';
import { renderPdf } from '../../db/cli/pdf';

interface Context {
  dir: string;
  /** A 2,000-line portfolio (bench.ts's generator). */
  large: string;
  table: (header: string[], rows: (string | number)[][]) => void;
  ms: (v: number) => string;
  median: (samples: number[]) => number;
}

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = 3;

function cli(...argv: string[]): void {
  const run = spawnSync(process.execPath, [join(ROOT, 'build', 'cli.mjs'), ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`cli ${argv[0]}: ${run.stderr}`);
}

async function inProcess(file: string, out: string): Promise<void> {
  const session = openSession(file, { readonly: true });
  const snap = session.snapshot();
  session.db.close();
  const doc = annexPrintDocument(snap, { descriptions: false }, footerFor(file, snap.meta.region));
  writeFileSync(out, (await renderPdf(doc, findPdfBrowser())).pdf);
}

export async function printBench({ dir, large, table, ms, median }: Context): Promise<void> {
  const example = join(dir, 'print-example.sqlite');
  cli('new', example, '--example');
  const rows: (string | number)[][] = [];
  for (const [name, file] of [
    ['example', example],
    ['2,000 lines', large],
  ] as const) {
    const out = join(dir, `${basename(file)}.pdf`);
    const command: number[] = [];
    const inside: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      rmSync(out, { force: true });
      let t = performance.now();
      cli('print', file, '--out', out);
      command.push(performance.now() - t);
      t = performance.now();
      await inProcess(file, out);
      inside.push(performance.now() - t);
    }
    rows.push([name, ms(median(command)), ms(median(inside)), `${(statSync(out).size / 1024).toFixed(0)} KB`]);
  }
  table(['annex', 'cli print (command to file), ms', 'in process, ms', 'PDF'], rows);
}
