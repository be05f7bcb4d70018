/**
 * `cli print` and `cli report --out x.pdf` as real processes (docs/print.md): the PDF is read back
 * with Debian's poppler-utils (pdftotext -layout, pdfinfo) for what a reader sees: the example's
 * figures and totals, `Side 1 af N`, A4 portrait or landscape, a 2,000-line annex whose pool
 * headings are never left alone at the bottom of a page, and a Danish message where no Chromium is.
 * Page 1 of each PDF is saved as a PNG under artifacts/print/ to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDate } from '../../../shared/print/document';
import { ensureRendererBuilt } from '../../e2e/harness';
import { makePortfolio } from '../share/generate';
import { ROOT } from '../cli-process';

const CHROMIUM = '/usr/bin/chromium';
const hasTools = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftotext');
const ARTIFACTS = join(ROOT, 'artifacts', 'print');

function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'db', 'cli', 'main.ts'), ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, PULJEPLAN_CHROMIUM: CHROMIUM, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const text = (pdf: string, page?: number) =>
  execFileSync('pdftotext', ['-layout', ...(page ? ['-f', `${page}`, '-l', `${page}`] : []), pdf, '-'], {
    encoding: 'utf8',
  });

function info(pdf: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), width: Math.round(+size[1]!), height: Math.round(+size[2]!) };
}

function savePng(pdf: string, name: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, name)]);
}

/** A line of text with its runs of spaces made one, as pdftotext -layout spreads the columns. */
const squeezed = (s: string) => s.replace(/[ \t]+/g, ' ').trim();
const lines = (s: string) => s.split('\n').map(squeezed).filter(Boolean);

let dir: string;
let file: string;
beforeAll(() => {
  ensureRendererBuilt();
  dir = mkdtempSync(join(tmpdir(), 'puljeplan-print-'));
  file = join(dir, 'bilag1.sqlite');
  expect(cli(['new', file, '--example']).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each CLI run starts Node, tsx and Chromium: on two busy cores one can take many seconds.
describe.skipIf(!hasTools)('cli print and report to PDF', { timeout: 240_000 }, () => {
  it('prints the example annex on A4 portrait with its figures, totals and the footer', () => {
    const out = join(dir, 'bilag1.pdf');
    const r = cli(['print', file, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Skrev Bilag 1 fra bilag1.sqlite til bilag1.pdf.');
    expect(info(out)).toEqual({ pages: 1, width: 595, height: 842 });
    const seen = lines(text(out));
    expect(seen[0]).toBe('Bilag 1. Udmøntning af midler til nationale og tværregionale projekter');
    expect(seen).toContain('Beløb i 1.000 kr 2022 2023 I alt');
    expect(seen).toContain('LPR3 ID3 - Landspatientregister 1.500 2.800 4.300');
    expect(seen).toContain('-MUSE EKG fase 2 0 2.300 2.300');
    expect(seen).toContain('Nationale projekter i alt 3.600 2.800 6.400');
    expect(seen).toContain('Fællesregionale projekter i alt 10.650 6.500 17.150');
    expect(seen).toContain('Total 28.050 11.600 39.650');
    expect(seen.at(-1)).toBe(`Region RM · bilag1.sqlite Udskrevet ${printDate(new Date())} Side 1 af 1`);
    savePng(out, 'bilag1');
  });

  it('prints the chosen pools and years, with the descriptions as a second section', () => {
    const out = join(dir, 'nationale.pdf');
    const r = cli(['print', file, '--out', out, '--pools', 'nationale projekter', '--years', '2023', '--descriptions']);
    expect(r.stderr).toBe('');
    const seen = lines(text(out));
    expect(seen).toContain('Beløb i 1.000 kr 2023 I alt');
    expect(seen).toContain('Nationale projekter i alt 2.800 2.800');
    expect(seen).toContain('Total 2.800 2.800');
    expect(seen.join('\n')).not.toContain('Fællesregionale projekter');
    expect(seen).toContain('Beskrivelser');
    expect(seen).toContain('Pulje Projekt Beskrivelse');
  });

  it('refuses an unknown pool, an existing file without --overwrite, and the portfolio itself', () => {
    const unknown = cli(['print', file, '--out', join(dir, 'x.pdf'), '--pools', 'Ingen']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Puljen «Ingen» findes ikke');
    const out = join(dir, 'findes.pdf');
    writeFileSync(out, 'mit eget');
    const exists = cli(['print', file, '--out', out]);
    expect(exists.status).toBe(1);
    expect(exists.stderr.trim()).toBe(
      '«findes.pdf» findes allerede. Vælg et andet navn, eller brug --overwrite for at erstatte den.',
    );
    expect(readFileSync(out, 'utf8')).toBe('mit eget');
    expect(cli(['print', file, '--out', out, '--overwrite']).status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const portfolio = join(dir, 'kopi.pdf');
    writeFileSync(portfolio, readFileSync(file));
    const overPortfolio = cli(['print', file, '--out', portfolio, '--overwrite']);
    expect(overPortfolio.status).toBe(1);
    expect(readFileSync(portfolio).equals(readFileSync(file))).toBe(true);
  });

  it('--charts puts the Diagrammer charts before the tables, as images with their titles', () => {
    const out = join(dir, 'diagrammer.pdf');
    const r = cli(['print', file, '--out', out, '--charts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const t = text(out);
    for (const title of ['Beløb pr. pulje og år', 'I alt pr. år', 'De største projekter']) expect(t).toContain(title);
    expect(t.indexOf('De største projekter')).toBeLessThan(t.lastIndexOf('Total'));
    // Each chart is a PNG of 1600 × 900 pixels in the PDF (pdfimages -list: page, num, type, width, height …).
    const images = execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => /\bimage\s+1600\s+900\b/.test(l));
    expect(images.length).toBe(3);
  });

  it('prints the status report on A4 landscape with lights as words, remarks and the previous month', () => {
    const set = (...argv: string[]) => expect(cli(argv).status).toBe(0);
    set('status', file, '--line', 'MUSE EKG', '--month', '2023-10', '--deliveries', 'gul');
    set('status', file, '--line', 'MUSE EKG', '--month', '2023-11', '--deliveries', 'grøn', '--time', 'rød');
    const out = join(dir, 'status.pdf');
    const r = cli(['report', file, '--month', '2023-11', '--previous', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Skrev statusrapporten for nov. 2023 til status.pdf.');
    const { pages, width, height } = info(out);
    expect({ width, height }).toEqual({ width: 842, height: 595 });
    const all = text(out);
    const seen = lines(all);
    expect(seen[0]).toBe('Statusrapport nov. 2023');
    expect(seen[1]).toBe('Nr. Projekt Slutdato Fase Leverancer Tid Penge Ressourcer Bemærkninger Formål');
    expect(seen.find((l) => l.startsWith('MUSE EKG'))).toContain('● grøn ● rød ○ ikke');
    expect(seen.some((l) => l.includes('før: gul'))).toBe(true);
    // The seeded KIIT card: red on deliveries, time and money, and its remark wrapped over lines.
    expect(seen.find((l) => l.includes('Klinisk immunologisk IT'))).toContain('● rød ● rød ● rød');
    expect(all).toContain(`Side 1 af ${pages}`);
    savePng(out, 'status');
    // Excel as before, by the extension.
    expect(cli(['report', file, '--month', '2023-11', '--out', join(dir, 'status.xlsx')]).status).toBe(0);
  });

  it('breaks a 2,000-line annex over pages with the column row on each and no pool heading left alone', () => {
    const big = join(dir, 'stor.sqlite');
    makePortfolio(big, 2_000, 14, 80);
    const out = join(dir, 'stor.pdf');
    const r = cli(['print', big, '--out', out]);
    expect(r.stderr).toBe('');
    const { pages } = info(out);
    expect(pages).toBeGreaterThan(20);
    let headingsAtBottom = 0;
    for (let page = 1; page <= pages; page++) {
      const seen = lines(text(out, page));
      const footer = seen.pop()!;
      expect(footer).toMatch(new RegExp(`Side ${page} af ${pages}$`));
      expect(seen).toContain('Beløb i 1.000 kr 2025 2026 2027 2028 2029 2030 2031 2032 2033 2034 I alt');
      const last = seen.at(-1)!;
      if (/^Pulje \d+$/.test(last) || last.startsWith('Beløb i 1.000 kr')) headingsAtBottom++;
      // Every page that starts a new pool's lines has the pool's heading right above its column row.
      seen.forEach((l, i) => {
        if (l.startsWith('Beløb i 1.000 kr')) expect(seen[i - 1]).toMatch(/^Pulje \d+$/);
      });
    }
    expect(headingsAtBottom).toBe(0);
    expect(lines(text(out, pages))).toContainEqual(expect.stringMatching(/^Total( [\d.]+){11}$/));
    savePng(out, 'bilag1-2000');
  });

  it('says in Danish what to install when there is no Chromium', () => {
    const out = join(dir, 'ingen.pdf');
    const given = cli(['print', file, '--out', out], { PULJEPLAN_CHROMIUM: '/nonexistent' });
    expect(given.status).toBe(1);
    expect(given.stderr.trim()).toBe(
      'PULJEPLAN_CHROMIUM peger på «/nonexistent», som ikke er et program. Ret stien til Chromium eller Chrome, eller fjern variablen.',
    );
    const none = cli(['print', file, '--out', out], { PULJEPLAN_CHROMIUM: '', PATH: dir });
    expect(none.status).toBe(1);
    expect(none.stderr.trim()).toBe(
      'PDF kræver Chromium, og der er hverken Puljeplans Electron eller en Chromium på maskinen. Installér chromium (fx apt install chromium), eller sæt PULJEPLAN_CHROMIUM til stien til Chromium eller Chrome.',
    );
    expect(existsSync(out)).toBe(false);
  });
});
