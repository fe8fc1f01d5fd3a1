// Compares congkhai's search with Pagefind on one built portal, in headless chromium:
// index size on disk, bytes downloaded for a first query (cold cache, script + index +
// the texts of the first 10 results), and whether each query of queries.json finds the
// pages it should among its first 10 results.
// Usage: node compare.mjs <congkhai output> <pagefind copy of it> <url prefix>
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, CHROMIUM_ARGS } from '../../tests/browser/serve.mjs';

const [ours, theirs, prefix] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(new URL('./queries.json', import.meta.url)));

function diskBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}
const gz = (buf) => Math.min(buf.length, zlib.gzipSync(buf, { level: 9 }).length);

async function measure(browser, site, pageUrl, isIndexFile, run) {
  const server = await serve(site, prefix);
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  const rows = [];
  try {
    for (const { q, expect } of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies = [];
      page.on('response', async (r) => {
        if (isIndexFile(r.url())) bodies.push(r.body().then((b) => b).catch(() => Buffer.alloc(0)));
      });
      await page.goto(base + pageUrl);
      const urls = (await page.evaluate(run, q)).map((u) => u.replace(/^https?:\/\/[^/]+/, '').replace(prefix, ''));
      const buffers = await Promise.all(bodies);
      const found = expect.every((e) => urls.some((u) => u.startsWith(e)));
      rows.push({ q, found, raw: buffers.reduce((s, b) => s + b.length, 0), gzip: buffers.reduce((s, b) => s + gz(b), 0), top: urls.slice(0, 3) });
      await context.close();
    }
  } finally {
    server.close();
  }
  return rows;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
let congkhai, pagefind;
try {
  congkhai = await measure(browser, ours, 'tim-kiem/',
    (u) => u.includes('/tim-kiem/chi-muc/') || /\/assets\/tim-kiem\.[^/]*js$/.test(u),
    async (q) => {
      for (let i = 0; i < 100 && !window.congkhaiSearch; i++) await new Promise((r) => setTimeout(r, 20));
      return (await window.congkhaiSearch(q, 10)).map((r) => r.url);
    });
  pagefind = await measure(browser, theirs, 'pagefind-test.html',
    (u) => u.includes('/pagefind/'),
    async (q) => {
      const pf = await import('./pagefind/pagefind.js');
      const search = await pf.search(q);
      const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return data.map((d) => d.url);
    });
} finally {
  await browser.close();
}

const kb = (n) => (n / 1024).toFixed(1).replace('.', ',');
const sum = (rows, key) => rows.reduce((s, r) => s + r[key], 0);
// The search script is published under a fingerprinted name (assets/tim-kiem.<hash>.js).
const script = fs.readdirSync(path.join(ours, 'assets')).find((n) => /^tim-kiem\.[^.]+\.js$/.test(n));
const ourDisk = diskBytes(path.join(ours, 'tim-kiem/chi-muc')) + fs.statSync(path.join(ours, 'assets', script)).size;
const theirDisk = diskBytes(path.join(theirs, 'pagefind'));
console.log('| | congkhai | Pagefind |');
console.log('|---|---:|---:|');
console.log(`| index + script on disk (KiB) | ${kb(ourDisk)} | ${kb(theirDisk)} |`);
for (const [label, key] of [['raw', 'raw'], ['gzip', 'gzip']]) {
  const mean = (rows) => kb(sum(rows, key) / rows.length);
  const max = (rows) => kb(Math.max(...rows.map((r) => r[key])));
  console.log(`| first query download, ${label}, mean / max (KiB) | ${mean(congkhai)} / ${max(congkhai)} | ${mean(pagefind)} / ${max(pagefind)} |`);
}
console.log(`| queries that find every expected page in the first 10 | ${congkhai.filter((r) => r.found).length}/${queries.length} | ${pagefind.filter((r) => r.found).length}/${queries.length} |`);
console.log('');
console.log('| query | expected | congkhai | Pagefind | congkhai first query, gzip (KiB) | Pagefind first query, gzip (KiB) |');
console.log('|---|---|:-:|:-:|---:|---:|');
queries.forEach(({ q, expect }, i) => {
  const mark = (r) => (r.found ? 'yes' : '**no**');
  console.log(`| ${q.replace(/\|/g, '\\|')} | ${expect.join(', ')} | ${mark(congkhai[i])} | ${mark(pagefind[i])} | ${kb(congkhai[i].gzip)} | ${kb(pagefind[i].gzip)} |`);
});
if (process.env.VERBOSE) console.error(JSON.stringify({ congkhai, pagefind }, null, 1));
