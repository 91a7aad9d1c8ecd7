// The fixture site: pages that model the real OpenAI pages, served under their real host names
// over HTTPS, and fake versions of the endpoints those pages call.
//
// Adding a page: put it at test/fixtures/site/<host>/<path>.html (or <path>/index.html).
// Any other GET for HTML on a host falls back to that host's index.html, as a single-page app does.
// Adding an endpoint: one entry in test/fixtures/endpoints.mjs.
//
// Every request is logged; GET /__fixtures/requests on any host returns the log and
// POST /__fixtures/reset clears it, so tests can see what a page (or the extension) sent.
import { createServer } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENDPOINTS } from '../fixtures/endpoints';
import { makeCertificate } from './certificate';
import { ALL_HOSTS } from './hosts';
import { FIXTURE_IP } from './harness/paths';
import { MissingRequirement } from './harness/requirements';

const SITE = resolve(fileURLToPath(new URL('../fixtures/site', import.meta.url)));
/**
 * Pages every host serves under /__shared/, at any depth (the benchmark workload, under the route
 * whose rules it should wake: /settings/__shared/workload.html).
 */
const SHARED = resolve(fileURLToPath(new URL('../fixtures/shared', import.meta.url)));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };
const MAX_BODY = 1024 * 1024;

function staticFile(host: string, pathname: string): string | null {
  const shared = pathname.indexOf('/__shared/');
  if (shared >= 0) return fileIn(SHARED, pathname.slice(shared + '/__shared'.length));
  return fileIn(join(SITE, host), pathname);
}

function fileIn(root: string, pathname: string): string | null {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [join(root, clean), join(root, `${clean}.html`), join(root, clean, 'index.html')];
  for (const file of candidates) {
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface LoggedRequest {
  method: string;
  host: string;
  path: string;
  at: number;
  /** Who asked: the Origin header (a page's origin, or an extension's if the extension fetched). */
  origin?: string;
  referer?: string;
}

export interface FixtureServer {
  port: number;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

/**
 * Listens on 443 by default: Firefox can map host names to an address (network.dns.forceResolve)
 * but not to another port, and the pages must keep their real https:// origins.
 */
export async function startFixtureServer({ port = 443, host = FIXTURE_IP } = {}): Promise<FixtureServer> {
  const { key, cert } = makeCertificate(ALL_HOSTS);
  const requests: LoggedRequest[] = [];
  const server = createServer({ key, cert }, async (req, res) => {
    const hostname = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${hostname}`);
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    if (url.pathname === '/__fixtures/requests') return send(200, requests);
    if (url.pathname === '/__fixtures/reset' && req.method === 'POST') {
      requests.length = 0;
      return send(200, { ok: true });
    }
    let body = '';
    try {
      body = await readBody(req);
    } catch {
      return send(413, { error: 'too large' });
    }
    requests.push({
      method: req.method ?? 'GET',
      host: hostname,
      path: url.pathname,
      at: Date.now(),
      origin: req.headers.origin,
      referer: req.headers.referer,
    });
    const endpoint = ENDPOINTS.find(
      (e) => e.method === req.method && e.hosts.includes(hostname) && (typeof e.path === 'string' ? e.path === url.pathname : e.path.test(url.pathname)),
    );
    if (endpoint) {
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        return send(400, { error: 'invalid json' });
      }
      const { status = 200, body: out = {} } = endpoint.respond({ url, json }) ?? {};
      return send(status, out);
    }
    if (req.method !== 'GET') return send(404, { error: 'no such endpoint' });
    const file = staticFile(hostname, url.pathname) ?? ((req.headers.accept ?? '').includes('text/html') ? staticFile(hostname, '/index.html') : null);
    if (!file) return send(404, 'not found', 'text/plain');
    return send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  });
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EACCES' ? new MissingRequirement(`Port ${port} on ${host} needs root, or: sudo sysctl net.ipv4.ip_unprivileged_port_start=${port}`) : error),
    );
    server.listen(port, host);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
