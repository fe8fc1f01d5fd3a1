// A static file server for tests: serves `dir` under the URL path `prefix`, on 127.0.0.1 only.
// With `{ ranges: false }` it ignores `Range` and always answers the whole file (as
// `python3 -m http.server` does); `server.requests` lists the paths and ranges asked.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json',
  '.css': 'text/css', '.wasm': 'application/wasm', '.xml': 'application/xml' };

export function serve(dir, prefix, { ranges = true } = {}) {
  const requests = [];
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    requests.push({ path: pathname, range: req.headers.range });
    if (!pathname.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    let file = path.resolve(root, '.' + path.posix.normalize('/' + pathname.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end(); return; }
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      // One byte range (`Range: bytes=a-b`), as the search reads its index files.
      const range = ranges && /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || '');
      if (range) {
        const from = Number(range[1]);
        const to = Math.min(range[2] === '' ? data.length - 1 : Number(range[2]), data.length - 1);
        if (from > to) { res.writeHead(416, { 'content-range': `bytes */${data.length}` }); res.end(); return; }
        res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${from}-${to}/${data.length}` });
        res.end(data.subarray(from, to + 1));
        return;
      }
      res.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes' });
      res.end(data);
    });
  });
  server.requests = requests;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// playwright gives each launch a new temporary profile (--user-data-dir) itself.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
