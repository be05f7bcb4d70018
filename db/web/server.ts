/**
 * The browser harness: serves the built renderer and `POST /api/<channel>` through the same
 * dispatcher as Electron's ipcMain, on 127.0.0.1 only. Used by `npm run web` and the e2e tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { inDataFolder } from './data-folder';
import { runRoute, webFileRoutes } from './file-routes';
import {
  createDispatcher,
  createPortfolio,
  keepPersonSettings,
  openSession,
  PortfolioHost,
  settingsFile,
  stopImportWorker,
  warmImportWorker,
  type Session,
} from '../index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DIST = join(ROOT, 'dist', 'renderer');
const MAX_BODY = 256 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServer {
  url: string;
  port: number;
  session: Session;
  close: () => Promise<void>;
}

export interface WebServerOptions {
  file: string;
  port?: number;
  distDir?: string;
  /** Create the file from the built-in example when it does not exist. */
  createExample?: boolean;
  appVersion?: string;
  /**
   * The folder whose settings.json keeps the person's region (Indstillinger) while the server
   * runs; without one, the app's own settings folder (db/share/person.ts), as the CLI reads it.
   */
  settingsDir?: string;
  /**
   * Check every answer against the contract before it is sent (db/dispatcher.ts). On in tests and
   * by default; `npm run web` turns it off as the packaged app does (electron/app-lifecycle.ts):
   * at 100,000 lines the check of portfolio.load alone costs about a second of the page's open.
   */
  checkResults?: boolean;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('for stor forespørgsel'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const distDir = options.distDir ?? DEFAULT_DIST;
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(`Brugerfladen er ikke bygget (${distDir}). Kør: npm run build:renderer`);
  if (!existsSync(options.file)) {
    if (!options.createExample) throw new Error(`Filen ${options.file} findes ikke.`);
    mkdirSync(dirname(options.file), { recursive: true });
    createPortfolio(options.file, { example: true });
  }
  // As in the app: a new file is opened (and checked) first; the old one closes only then.
  const folder = dirname(resolve(options.file));
  const host = new PortfolioHost({ openSession: (path) => openSession(inDataFolder(folder, path)) });
  host.open(options.file);
  const dispatch = createDispatcher(host.backend(options.appVersion ?? '0.0.0', 'web'), {
    onError: (err) => console.error(err),
    checkResults: options.checkResults ?? true,
  });
  // The browser's Filer items over the data folder: /web/files, /web/open, /web/new, /web/saveAs.
  const fileRoutes = webFileRoutes(folder, host);
  let port = 0;
  // Only this machine, and only pages this server served: a page elsewhere cannot call the API
  // (Host check against DNS rebinding; JSON content type so no plain form can post).
  const allowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  const server = createServer(async (req, res) => {
    try {
      if (!allowedHost(req.headers.host)) return send(res, 403, 'text/plain', 'Forbudt');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      // The browser's file dialog: the data folder's portfolio files by name (docs/architecture.md).
      const fileRoute = fileRoutes[url.pathname];
      if (fileRoute || url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Kun POST');
        if (!req.headers['content-type']?.startsWith('application/json'))
          return send(res, 415, 'text/plain', 'Kun JSON');
        const origin = req.headers.origin;
        if (origin && !allowedHost(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'text/plain', 'Forbudt');
        let args: unknown;
        try {
          const body = await readBody(req);
          args = body ? JSON.parse(body) : {};
        } catch {
          return send(
            res,
            400,
            'application/json',
            JSON.stringify({ ok: false, error: { code: 'invalid-args', message: 'Forespørgslen kunne ikke læses.' } }),
          );
        }
        if (fileRoute)
          return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(runRoute(fileRoute, args)));
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(await dispatch(channel, args)));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Kun GET');
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
      const file = resolve(distDir, rel);
      if (!file.startsWith(resolve(distDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
        return send(res, 404, 'text/plain', 'Findes ikke');
      }
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    } catch (err) {
      console.error(err);
      if (!res.headersSent) send(res, 500, 'text/plain', 'Intern fejl');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const forgetSettings = options.settingsDir ? keepPersonSettings(settingsFile(options.settingsDir)) : () => {};
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get session() {
      return host.session!;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          host.close();
          forgetSettings();
          ok();
        });
      }),
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { file: { type: 'string' }, port: { type: 'string' } } });
  const file = resolve(values.file ?? process.env.PULJEPLAN_FILE ?? join(ROOT, '.puljeplan-web', 'Bilag 1.sqlite'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const web = await startWebServer({
    file,
    port: Number(values.port ?? process.env.PORT ?? 5719),
    createExample: true,
    appVersion: pkg.version,
    settingsDir: join(ROOT, '.puljeplan-web'),
    // As the packaged app: the contract's result check is for tests and development.
    checkResults: process.env.PULJEPLAN_CHECK_RESULTS === '1',
  });
  console.log(`Puljeplan kører på ${web.url}  (portefølje: ${file})`);
  // The Excel reader's worker, warmed once the server is idle (db/excel/import-worker-pool.ts).
  setTimeout(() => void warmImportWorker(), 2000).unref();
  const stop = () =>
    void web.close().then(() => {
      stopImportWorker();
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
