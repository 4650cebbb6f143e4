// Static server for dist/ with the strict Content-Security-Policy the widget must work under.
// Used by scripts/serve.sh (prints the URL) and by the browser tests (sub-folder base, request log).
//   node scripts/server.mjs [--port 8080] [--base /] [--root dist]
// GET and HEAD only (405 with `Allow` otherwise); a path it cannot decode, with a NUL byte or a
// malformed request line gets 400; nothing outside the root is served (403/404). Every response,
// errors included, carries the CSP, nosniff and no-store headers. No request can stop the process:
// an exception in the handler is logged once to stderr and answered with 400.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Starts the server; resolves to { url, requests, close() }. `base` is a sub-folder like '/a/b/'. */
export function startServer({ root = 'dist', base = '/', port = 0, host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root);
  const requests = [];
  let logged = false;
  const server = createServer(async (req, res) => {
    try {
      await handle(req, res, rootDir, base, requests);
    } catch (err) {
      if (!logged) {
        logged = true;
        const url = JSON.stringify(req.url.length > 200 ? `${req.url.slice(0, 200)}…` : req.url);
        console.error(`server.mjs: ${req.method} ${url}: ${err?.stack ?? err} (further errors not logged)`);
      }
      try {
        if (res.headersSent) res.destroy();
        else send(req, res, 400, 'text/plain', 'ongeldig verzoek');
      } catch {
        res.destroy();
      }
    }
  });
  // Requests Node's parser refuses (bad request line, unknown method, bytes not allowed, headers
  // over the size limit): 400 with the same headers, unless a response is already under way. No
  // body: the method is not known here, and a HEAD client would read one as the next response.
  server.on('clientError', (err, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const head = { ...SECURITY_HEADERS, 'Content-Length': 0, Connection: 'close' };
    const lines = Object.entries(head).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 400 Bad Request\r\n${lines}\r\n`);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const url = `http://${host}:${server.address().port}${base}`;
      ok({ url, requests, close: () => new Promise((c) => server.close(c)) });
    });
  });
}

async function handle(req, res, rootDir, base, requests) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(req, res, 405, 'text/plain', 'methode niet toegestaan', { Allow: 'GET, HEAD' });
  }
  // The path as sent, without query or fragment; not through `new URL`, which would read `//a/b`
  // as host `a` and throws on some inputs.
  const raw = req.url.split(/[?#]/, 1)[0];
  let path;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return send(req, res, 400, 'text/plain', 'ongeldig verzoek');
  }
  requests.push(path);
  if (!raw.startsWith('/') || path.includes('\0')) return send(req, res, 400, 'text/plain', 'ongeldig verzoek');
  if (!path.startsWith(base)) return send(req, res, 404, 'text/plain', 'niet gevonden');
  let rel = path.slice(base.length) || 'index.html';
  if (rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(rootDir, rel));
  if (!file.startsWith(rootDir + sep)) return send(req, res, 403, 'text/plain', 'verboden');
  let body;
  try {
    body = await readFile(file);
  } catch {
    return send(req, res, 404, 'text/plain', 'niet gevonden');
  }
  send(req, res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
}

/** Status, type and the security headers; Content-Length always, the body only when not HEAD. */
function send(req, res, status, type, body, extra = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...SECURITY_HEADERS,
    ...extra,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const { url } = await startServer({
    root: arg('--root', 'dist'),
    base: arg('--base', '/'),
    port: Number(arg('--port', '8080')),
  });
  console.log(`Regiewijzer draait op ${url}  (Ctrl+C om te stoppen)`);
}
