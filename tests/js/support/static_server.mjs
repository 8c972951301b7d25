// A minimal static file server on 127.0.0.1 for the browser suite: serves the npm package's
// dist/ and the test page with the MIME types browsers require (.mjs as JavaScript, .wasm as
// application/wasm for streaming compilation).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };
// What a checkout page with a strict policy sends: scripts from its own origin, wasm compilation,
// and nothing that evaluates strings ('unsafe-eval').
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const ROUTES = { '/dist/': path.join(repoRoot, 'npm/dist'), '/': path.join(repoRoot, 'tests/browser') };

/** `routes`: URL prefix → directory, longest first (default: /dist/ → npm/dist, / → tests/browser). */
export async function startStaticServer(routes = ROUTES) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const prefix = Object.keys(routes).find((p) => url.pathname.startsWith(p));
    const root = routes[prefix];
    const file = path.normalize(path.join(root, url.pathname.slice(prefix.length) || 'page.html'));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
      if (path.basename(file) === 'strict-csp.html') headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
