/**
 * Where page open goes at 100,000 lines (issue 15's «first rows»): the snapshot's server time and
 * size, then parse + store build + first rows in Chromium, and the main thread's CPU by function. Run: npx tsx build/bench/grid-profile.ts [lines]
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPortfolio } from '../../db/core/create';
import { openPortfolio } from '../../db/core/open';
import { sql } from '../../db/core/queries';
import { startWebServer } from '../../db/web/server';
import { launchChromium } from '../../tests/e2e/browser';

const lines = Number(process.argv[2] ?? 100_000);
const path = process.env.GRID_FILE ?? join(mkdtempSync(join(tmpdir(), 'grid-profile-')), 'p.sqlite');
if (!existsSync(path)) {
  createPortfolio(path, { title: 'Profil', region: 'RM', years: Array.from({ length: 10 }, (_, i) => 2025 + i) });
  const db = openPortfolio(path);
  const s = sql(db);
  db.transaction(() => {
    const pools = Array.from({ length: 5 }, (_, p) => {
      const id = randomUUID();
      s.insertPool.run({ id, name: `Pulje ${p + 1}`, position: (p + 1) * 1024, description: '' });
      return id;
    });
    for (let i = 0; i < lines; i++) {
      const id = randomUUID();
      s.insertLine.run({
        id,
        pool_id: pools[i % 5]!,
        parent_id: null,
        name: `Projekt ${i}`,
        position: i * 1024,
        description: '',
      });
      for (let y = 2025; y < 2035; y++) s.upsertAmount.run(id, y, ((i * 7 + y) % 5000) * 1000);
    }
  })();
  db.close();
}
// CHECK_RESULTS=0: as `npm run web` serves (the contract's result check off, as in the packaged app).
const server = await startWebServer({ file: path, checkResults: process.env.CHECK_RESULTS !== '0' });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' });
const t0 = Date.now();
page.on('response', async (r) => {
  if (r.url().includes('/api/portfolio.load')) {
    const t = Date.now() - t0;
    const size = (await r.request().sizes()).responseBodySize;
    console.log(
      `portfolio.load response at ${t} ms, ${(size / 1e6).toFixed(1)} MB, timing`,
      JSON.stringify(r.request().timing()),
    );
  }
});
await page.addInitScript('window.__name = (f) => f');
// The main thread's CPU until the first row, by function (self time): JSON parse shows as (program).
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.start');
await page.goto(server.url);
await page.waitForSelector('.ag-row[row-index]', { timeout: 120_000 });
const { profile } = await cdp.send('Profiler.stop');
const sampled = new Map<number, number>();
profile.samples?.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
const self = new Map<string, number>();
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}`;
  self.set(key, (self.get(key) ?? 0) + (sampled.get(n.id) ?? 0));
}
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
console.log(`first rows ${Date.now() - t0} ms`);
// In the page's clock: the request, the answer's last byte, then parse + store + grid until the first row.
const page_ = await page.evaluate(() => {
  const load = performance.getEntriesByType('resource').find((e) => e.name.includes('portfolio.load')) as
    PerformanceResourceTiming | undefined;
  return {
    requestStart: load?.requestStart ?? -1,
    responseStart: load?.responseStart ?? -1,
    responseEnd: load?.responseEnd ?? -1,
    now: performance.now(),
  };
});
console.log(
  `in page: request ${page_.requestStart.toFixed(0)} ms, first byte ${page_.responseStart.toFixed(0)} ms (server read + JSON), last byte ${page_.responseEnd.toFixed(0)} ms, first row seen by ${page_.now.toFixed(0)} ms (parse + store + grid ${(page_.now - page_.responseEnd).toFixed(0)} ms)`,
);
await browser.close();
await server.close();
