// The static server (scripts/server.mjs) under odd and hostile requests: broken percent escapes,
// NUL bytes, `..` in every encoding, very long paths, bytes that are not UTF-8, odd methods.
// No browser and no wasm build needed: the server serves a small temp folder with a secret file
// planted beside it, which must never come back.
//   node --test tests/browser/server-fuzz.test.mjs        (FUZZ_SEED=… repeats a run)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CSP, startServer } from '../../scripts/server.mjs';

const COUNT = 12_000; // requests in the fuzz loop (count bound)
const TIME_LIMIT_MS = 50_000; // stop sending after this (time bound)
const IN_FLIGHT = 16;
const REQUEST_TIMEOUT_MS = 10_000;
const ALLOWED = new Set([200, 400, 403, 404, 405]);
const SEED = Number(process.env.FUZZ_SEED ?? 0x25_2025) >>> 0;

const TOKEN = `geheim-${randomBytes(16).toString('hex')}`;
const FILES = {
  'index.html': '<!doctype html><title>fuzz</title><h1>index van de fuzz-test</h1>\n',
  'app.js': 'export const x = 1;\n',
  'sub/index.html': '<!doctype html><title>sub</title>\n',
  'sub/data.json': '{"a":1}\n',
};
const BODIES = new Set(Object.values(FILES));
const LENGTHS = new Set(Object.values(FILES).map((s) => Buffer.byteLength(s)));

let tmp;
let server;
let host;
let port;
let agent;

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'regiewijzer-server-fuzz-'));
  await mkdir(join(tmp, 'dist', 'sub'), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) await writeFile(join(tmp, 'dist', name), text);
  // Secrets beside dist/: a plain file, a sibling folder whose name starts with "dist" (catches a
  // prefix check without the separator) and an index.html one level up.
  await writeFile(join(tmp, 'secret.txt'), `${TOKEN}\n`);
  await writeFile(join(tmp, 'index.html'), `<p>${TOKEN}</p>\n`);
  await mkdir(join(tmp, 'distx'));
  await writeFile(join(tmp, 'distx', 'secret.txt'), `${TOKEN}\n`);
  server = await startServer({ root: join(tmp, 'dist'), base: '/', port: 0, host: '127.0.0.1' });
  ({ hostname: host, port } = new URL(server.url));
  agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
});

after(async () => {
  agent?.destroy();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** One request through node:http (keep-alive agent): { status, headers, body } or { error }. */
function request(method, path, body) {
  return new Promise((ok) => {
    let req;
    try {
      req = http.request({ host, port, method, path, agent, headers: body ? { 'Content-Length': body.length } : {} });
    } catch (e) {
      ok({ error: `refused by http.request: ${e.code ?? e.message}` });
      return;
    }
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => ok({ error: e.code ?? e.message }));
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', (e) => ok({ error: e.code ?? e.message }));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.end(body);
  });
}

/** One request over a plain socket, for bytes http.request refuses (NUL, spaces, non-Latin-1). */
function rawRequest(method, pathBytes) {
  return new Promise((ok) => {
    const socket = net.connect(port, host);
    const chunks = [];
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      socket.destroy();
      ok(result);
    };
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => finish({ error: 'timeout' }));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e) => finish({ error: e.code ?? e.message }));
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (!m || split < 0) return finish({ error: `no response (${JSON.stringify(text.slice(0, 80))})` });
      const headers = {};
      for (const line of text.slice(0, split).split('\r\n').slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      finish({ status: Number(m[1]), headers, body: text.slice(split + 4) });
    });
    socket.write(
      Buffer.concat([
        Buffer.from(`${method} `),
        pathBytes,
        Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
      ]),
    );
  });
}

/** Problems with one response, [] when it is fine. */
function check(method, result) {
  if (result.error) return [`no answer: ${result.error}`];
  const { status, headers, body } = result;
  const problems = [];
  if (!ALLOWED.has(status)) problems.push(`status ${status}`);
  if (body.includes(TOKEN)) problems.push('SECRET IN BODY');
  if (headers['content-security-policy'] !== CSP) problems.push('no CSP header');
  if (headers['x-content-type-options'] !== 'nosniff') problems.push('no nosniff header');
  if (headers['cache-control'] !== 'no-store') problems.push('no no-store header');
  if (status === 405 && headers.allow !== 'GET, HEAD') problems.push(`405 with Allow ${headers.allow}`);
  if (method === 'HEAD' && body.length > 0) problems.push('HEAD with a body');
  if (status === 200 && method === 'GET' && !BODIES.has(body)) problems.push('200 with a body that is no file in dist/');
  if (status === 200 && method === 'HEAD' && !LENGTHS.has(Number(headers['content-length']))) {
    problems.push(`HEAD 200 with Content-Length ${headers['content-length']}`);
  }
  return problems;
}

// --- Named cases -------------------------------------------------------------------------------

test('a path that cannot be decoded gets 400 with the security headers, and the server goes on', async () => {
  const bad = await request('GET', '/%E0%A4%A');
  assert.equal(bad.status, 400);
  assert.deepEqual(check('GET', bad), []);
  for (const path of ['/%', '/%zz', '/%ff', '/%ed%a0%80', '/%c0%ae%c0%ae/secret.txt']) {
    assert.equal((await request('GET', path)).status, 400, path);
  }
  const next = await request('GET', '/');
  assert.equal(next.status, 200);
  assert.equal(next.body, FILES['index.html']);
});

test('HEAD answers like GET without a body', async () => {
  for (const path of ['/', '/app.js', '/sub/', '/missing', '/..%2fsecret.txt']) {
    const get = await request('GET', path);
    const head = await request('HEAD', path);
    assert.equal(head.status, get.status, path);
    assert.equal(head.body, '', path);
    assert.equal(head.headers['content-length'], get.headers['content-length'], path);
    assert.equal(head.headers['content-length'], String(Buffer.byteLength(get.body)), path);
    assert.equal(head.headers['content-type'], get.headers['content-type'], path);
    assert.deepEqual(check('HEAD', head), [], path);
  }
  assert.equal((await request('HEAD', '/')).status, 200);
});

test('methods other than GET and HEAD get 405 with Allow: GET, HEAD', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PURGE']) {
    const res = await request(method, '/', method === 'POST' ? 'a=1' : undefined);
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.allow, 'GET, HEAD', method);
    assert.deepEqual(check(method, res), [], method);
  }
  // A method Node's parser does not know never reaches the handler: 400 from the parser guard.
  assert.equal((await rawRequest('FROB', Buffer.from('/'))).status, 400);
});

test('no way out of the root: traversal never answers 200 or shows the secret', async () => {
  const paths = [
    '/../../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/..%2f..%2fsecret.txt',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/../distx/secret.txt',
    '/..%2fdistx%2fsecret.txt',
    '/../index.html',
    '/sub/../../secret.txt',
    '//../secret.txt',
  ];
  for (const path of paths) {
    for (const res of [await request('GET', path), await rawRequest('GET', Buffer.from(path))]) {
      assert.ok([400, 403, 404].includes(res.status), `${path}: ${res.status ?? res.error}`);
      assert.deepEqual(check('GET', res), [], path);
    }
  }
});

test('a NUL byte in the path gets 400', async () => {
  assert.equal((await request('GET', '/index.html%00')).status, 400);
  assert.equal((await request('GET', '/%00/../secret.txt')).status, 400);
  assert.equal((await rawRequest('GET', Buffer.from('/index.html\0.js'))).status, 400);
});

test('an exception in the handler is answered with 400, logged once, and the server goes on', async () => {
  const push = server.requests.push;
  const error = console.error;
  const logged = [];
  server.requests.push = () => {
    throw new Error('test: exception inside the handler');
  };
  console.error = (...args) => logged.push(args.join(' '));
  try {
    for (let i = 0; i < 3; i++) {
      const res = await request('GET', '/');
      assert.equal(res.status, 400);
      assert.deepEqual(check('GET', res), []);
    }
  } finally {
    server.requests.push = push;
    console.error = error;
  }
  assert.equal(logged.length, 1, 'the first error is logged, the others not');
  assert.match(logged[0], /exception inside the handler/);
  assert.equal((await request('GET', '/')).status, 200);
});

// --- Fuzz loop ---------------------------------------------------------------------------------

/** mulberry32: small seeded PRNG, repeatable runs. */
function prng(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = {
  plain: ['', 'index.html', 'app.js', 'sub', 'sub/', 'sub/data.json', 'missing', 'secret.txt', 'distx', 'dist', 'index', 'INDEX.HTML', '.', '~', ';', 'a;b', 'file%20name'],
  dots: [
    '..', '...', '....', '.%2e', '%2e.', '%2e%2e', '%2E%2E', '%252e%252e', '%252e', '%25%32%65', '..%2f', '..%2F', '..%5c', '..%5C',
    '..\\', '%2e%2e%2f', '%2e%2e%5c', '%c0%ae%c0%ae', '%c0%ae', '%c0%af', '%c1%9c', '%e0%80%ae', '%ef%bc%8e%ef%bc%8e', '..%00', '..;', '%%32%65%%32%65',
    '%u002e%u002e', '..%252f', '.%00.', '%2e%2e%252f',
  ],
  broken: ['%', '%a', '%zz', '%E0%A4%A', '%%', '%25', '%2', '%ff', '%fe%ff', '%80', '%c3', '%ed%a0%80', '%f4%90%80%80', '%00', '%0a', '%0d%0a', '%2500', '%%00'],
  odd: ['//', '/', '\\', '\\\\', '%20', 'é', '\u00ff\u00fe', '\u007f', '@', ':', 'http:', '*'],
};
const SEPARATORS = ['/', '/', '/', '//', '\\', '%2f', '%5c', '%2F', '/./', '%252f'];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'GET', 'HEAD', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'PURGE', 'FROB'];
const HEX = '0123456789abcdefABCDEF';

function generator(rand) {
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => list[int(list.length)];
  const segment = () => {
    const r = rand();
    return pick(r < 0.45 ? SEGMENTS.plain : r < 0.8 ? SEGMENTS.dots : r < 0.9 ? SEGMENTS.broken : SEGMENTS.odd);
  };
  const junkChar = () => {
    const r = rand();
    if (r < 0.3) return `%${pick(HEX)}${pick(HEX)}`;
    if (r < 0.4) return `%${pick(HEX)}`;
    if (r < 0.8) return String.fromCharCode(0x21 + int(0x5e)); // printable ASCII
    return String.fromCharCode(0x80 + int(0x80)); // a byte that is not UTF-8 on its own
  };
  return () => {
    const method = pick(METHODS);
    let path = '';
    const kind = rand();
    if (kind < 0.7) {
      const n = 1 + int(6);
      for (let i = 0; i < n; i++) path += pick(SEPARATORS) + segment();
      if (path[0] !== '/' && rand() < 0.9) path = `/${path}`;
    } else if (kind < 0.85) {
      path = '/';
      const n = 1 + int(40);
      for (let i = 0; i < n; i++) path += junkChar();
    } else if (kind < 0.93) {
      // Long: up to ~20,000 characters (beyond Node's 16 KB header limit: 400 from the parser).
      const target = rand() < 0.5 ? 20_000 : 500 + int(15_000);
      const unit = rand() < 0.5 ? `${pick(SEGMENTS.dots)}/` : `${segment()}${pick(SEPARATORS)}`;
      path = '/';
      while (path.length < target) path += unit || 'a';
      if (rand() < 0.5) path += 'secret.txt';
    } else {
      // Mutations of a good path: a character changed, inserted or removed.
      path = `/${pick(['index.html', 'app.js', 'sub/data.json', 'sub/', ''])}`;
      const n = 1 + int(3);
      for (let i = 0; i < n; i++) {
        const at = int(path.length + 1);
        const r = rand();
        if (r < 0.4) path = path.slice(0, at) + junkChar() + path.slice(at);
        else if (r < 0.7) path = path.slice(0, at) + path.slice(at + 1);
        else path = path.slice(0, at) + pick(SEGMENTS.broken) + path.slice(at);
      }
    }
    if (rand() < 0.15) path += `?${pick(['', 'a=1', '../../secret.txt', '%zz', '%00', 'x=%E0%A4%A&y=..%2f'])}`;
    if (rand() < 0.08) path += `#${pick(['', 'top', '../secret.txt', '%zz'])}`;
    // Raw socket: for bytes http.request refuses (NUL, space, control characters, beyond Latin-1)
    // and a share of ordinary ones, sent as UTF-8 or as single bytes.
    let raw = null;
    if (rand() < 0.06) {
      const insert = pick(['\0', ' ', '\t', '\x01', '\x1b', '€', '\u{1f600}', '\ud800', '\r', '\n']);
      const at = 1 + int(path.length);
      path = path.slice(0, at) + insert + path.slice(at);
    }
    if (/[^\u0021-\u00ff]/.test(path) || rand() < 0.05) raw = Buffer.from(path, rand() < 0.5 ? 'utf8' : 'latin1');
    const body = ['POST', 'PUT', 'PATCH'].includes(method) && rand() < 0.5 ? 'x'.repeat(int(2000)) : undefined;
    return { method, path, raw, body };
  };
}

test('fuzz: thousands of random and hostile requests, never a secret, never a crash', async () => {
  const next = generator(prng(SEED));
  const counts = new Map();
  const failures = [];
  let sent = 0;
  let rawSent = 0;
  let stoppedByTime = false;
  const start = Date.now();
  const deadline = start + TIME_LIMIT_MS;

  const worker = async () => {
    while (sent < COUNT) {
      if (Date.now() >= deadline) {
        stoppedByTime = true;
        return;
      }
      sent++;
      const { method, path, raw, body } = next();
      const result = raw ? await rawRequest(method, raw) : await request(method, path, body);
      if (raw) rawSent++;
      const key = result.error ? 'error' : result.status;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const problems = check(method, result);
      if (problems.length > 0 && failures.length < 20) {
        failures.push(`${method} ${JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}…(${path.length})` : path)}: ${problems.join(', ')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = ((Date.now() - start) / 1000).toFixed(1);

  const summary = [...counts].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([k, v]) => `${k}: ${v}`);
  console.log(
    `server fuzz: ${sent} requests (${rawSent} over raw sockets) in ${seconds} s, seed ${SEED}` +
      `${stoppedByTime ? ' (stopped by the time bound)' : ''}; status ${summary.join(', ')}`,
  );
  assert.deepEqual(failures, [], `failures (seed ${SEED})`);
  assert.ok(stoppedByTime || sent >= COUNT);
  assert.ok(sent >= 1000, `only ${sent} requests in ${seconds} s`);

  const after = await request('GET', '/');
  assert.equal(after.status, 200);
  assert.equal(after.body, FILES['index.html']);
});
