// The compressed bytes a first query downloads on a built portal: drives the real search page
// in headless Chromium (cold cache, one context per query), sums what it fetched of the
// search (script, meta.json, directory, postings and texts) as a server sends it: the .bin
// files (or the byte ranges read of them) as stored (already gzip), the script and meta.json
// gzip-compressed as their .gz copies.
// Usage: node scripts/search-bytes.mjs <output dir> <url prefix> [query…]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const { serve, CHROMIUM_ARGS } = await import('../tests/browser/serve.mjs');

const [dir, prefix, ...asked] = process.argv.slice(2);
const queries = asked.length ? asked : ['thông tin', 'chuyen doi so', 'hệ thống camera giám sát', 'dak nong',
  'so tt&tt', 'dak nong camera', 'ke hoach 2025'];
const server = await serve(dir, prefix);
const base = `http://127.0.0.1:${server.address().port}${prefix}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const wire = (url, body) => {
  if (url.endsWith('.bin')) return body.length;
  const gz = path.join(dir, decodeURIComponent(new URL(url).pathname.slice(prefix.length)) + '.gz');
  return fs.existsSync(gz) ? fs.statSync(gz).size : zlib.gzipSync(body, { level: 6 }).length;
};
let failed = false;
try {
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = [];
    page.on('response', (r) => {
      const u = r.url();
      if (u.includes('/tim-kiem/chi-muc/') || /\/assets\/tim-kiem\.[^/]*js$/.test(u)) {
        fetched.push(r.body().then((b) => ({ u, n: wire(u, b) })).catch(() => ({ u, n: 0 })));
      }
    });
    await page.goto(base + 'tim-kiem/?q=' + encodeURIComponent(q));
    await page.waitForFunction(() => {
      const s = document.getElementById('tk-trang-thai').textContent;
      return /Tìm thấy|Không tìm thấy/.test(s) && !/Đang tìm/.test(s);
    }, null, { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    const files = await Promise.all(fetched);
    const status = await page.textContent('#tk-trang-thai');
    const shown = await page.locator('#tk-ket-qua li').count();
    const sum = (f) => files.filter(f).reduce((s, x) => s + x.n, 0);
    const total = sum(() => true);
    const kb = (n) => (n / 1024).toFixed(1);
    const part = (dir) => `${kb(sum((x) => x.u.includes(dir)))} in ${files.filter((x) => x.u.includes(dir)).length}`;
    console.log(`${JSON.stringify(q)}: ${kb(total)} KB in ${files.length} requests (script+meta ${kb(sum((x) => !x.u.endsWith('.bin')))}, directory ${part('/d/')}, postings ${part('/t/')}, texts ${part('/r/')}, blocks ${part('/b/')}); ${shown} shown; ${status}`);
    if (process.env.MAX_KB && total > Number(process.env.MAX_KB) * 1024) failed = true;
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
