/**
 * The page's own origin, app://puljeplan/: the built renderer (dist/renderer) is served by a
 * protocol handler instead of loaded over file://. The page so gets a real origin for its
 * Content-Security-Policy, file:// needs no extra privileges (the GrantFileProtocolExtraPrivileges
 * fuse is off, build/electron-builder.yml), and nothing on disk outside the renderer folder can be
 * reached from the page. Electron's security checklist item 18
 * (electronjs.org/docs/latest/tutorial/security).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'puljeplan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The only page that may load, navigate and call the backend (security.ts, ipc.ts). */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent with every response. The same policy as the <meta> in renderer/index.html (tested), plus
 * frame-ancestors, which only a header can set. Styles may be inline: AG Grid injects its theme
 * as <style> elements at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** What registration needs of Electron's protocol module (a structural subset, so tests can pass a fake). */
export interface SchemeRegistry {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
}
export interface ProtocolHandlers {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/**
 * Before the app is ready (Electron ignores it later): a standard scheme resolves the page's
 * relative URLs and has an origin ('self'); a secure one counts as a secure context. Not
 * corsEnabled: no other origin may read the app's files.
 */
export function registerAppScheme(protocol: SchemeRegistry): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file inside `rendererDir` that `url` names, or null: another scheme or host, a path that
 * cannot be decoded or leads outside the folder (.., encoded slashes or backslashes), all are
 * refused. "/" is the page itself.
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password)
    return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return file;
}

function notFound(): Response {
  return new Response('Ikke fundet', {
    status: 404,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The app:// handler: GET (or HEAD) of a file in the renderer folder, each response with the CSP. */
export function appProtocolHandler(rendererDir: string) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, {
        status: 405,
        headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, Allow: 'GET, HEAD' },
      });
    }
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return notFound();
    try {
      if (!(await stat(file)).isFile()) return notFound();
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return notFound();
    }
  };
}

/** Once the app is ready: app:// serves the renderer folder (the default session, which the window uses). */
export function installAppProtocol(protocol: ProtocolHandlers, rendererDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}
