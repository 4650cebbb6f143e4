// Static server for dist/ with the strict Content-Security-Policy the widget must work under.
// Used by scripts/serve.sh (prints the URL) and by the browser tests (sub-folder base, request log).
//   node scripts/server.mjs [--port 8080] [--base /] [--root dist]
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

/** Starts the server; resolves to { url, requests, close() }. `base` is a sub-folder like '/a/b/'. */
export function startServer({ root = 'dist', base = '/', port = 0, host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(base)) return send(res, 404, 'text/plain', 'niet gevonden');
    let rel = path.slice(base.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(rootDir, rel));
    if (!file.startsWith(rootDir + sep)) return send(res, 403, 'text/plain', 'verboden');
    try {
      const body = await readFile(file);
      send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(res, 404, 'text/plain', 'niet gevonden');
    }
  });
  return new Promise((ok) => {
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}${base}`;
      ok({ url, requests, close: () => new Promise((c) => server.close(c)) });
    });
  });
}

function send(res, status, type, body) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
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
