// Browser test of a search read in part, on a generated corpus large enough that a common
// word's postings exceed one reading's budget: "Tìm tiếp" reads on until the full count,
// choosing a kind while the results are partial reads only that kind's records, and a
// server that ignores byte ranges gets each index file asked once, not once per read.
// Usage: node search-partial.mjs <output dir> <url prefix> <query>
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS } from './serve.mjs';

const [dir, prefix, query] = process.argv.slice(2);
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

const status = (page) => page.textContent('#tk-trang-thai');
// The count in the status line: "Tìm thấy [ít nhất] N kết quả …".
const count = (text) => Number((/Tìm thấy (?:ít nhất )?([\d.]+) kết quả/.exec(text) || [])[1]);
const settled = (page) => page.waitForFunction(() => {
  const s = document.getElementById('tk-trang-thai').textContent;
  return /Tìm thấy|Không tìm thấy/.test(s) && document.querySelectorAll('#tk-ket-qua li').length > 0;
}, null, { timeout: 30000 });

/** Opens the query's page and clicks "Tìm tiếp" until it is gone; returns each status. */
async function readToEnd(page) {
  const seen = [await status(page)];
  for (let n = 0; n < 200 && await page.isVisible('#tk-tiep'); n++) {
    await page.click('#tk-tiep');
    await page.waitForFunction(() => {
      const s = document.getElementById('tk-trang-thai').textContent;
      return !/Đang tìm/.test(s) && !document.getElementById('tk-tiep').disabled;
    }, null, { timeout: 30000 });
    seen.push(await status(page));
  }
  return seen;
}

async function open(page, base, search) {
  await page.goto(base + 'tim-kiem/?q=' + encodeURIComponent(query) + search);
  await settled(page);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const servers = [];
let full = null;
try {
  for (const ranges of [true, false]) {
    const server = await serve(dir, prefix, { ranges });
    servers.push(server);
    const base = `http://127.0.0.1:${server.address().port}${prefix}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    const label = ranges ? 'with ranges' : 'server ignoring ranges';

    // Read in part first, then on to the end: the count only grows, and the end is the
    // whole query's count (as the page's own full reading gives it).
    await open(page, base, '');
    const first = await status(page);
    check(first.includes('ít nhất') && await page.isVisible('#tk-tiep'),
      `${label}: "${query}" is not read in part at first: ${first}`);
    const seen = await readToEnd(page);
    const last = seen[seen.length - 1];
    check(seen.length > 1, `${label}: "Tìm tiếp" was never offered`);
    check(!last.includes('ít nhất') && !await page.isVisible('#tk-tiep'), `${label}: not read to the end: ${last}`);
    const counts = seen.map(count);
    check(counts.every((c, i) => i === 0 || c >= counts[i - 1]), `${label}: counts shrink: ${counts}`);
    const all = await page.evaluate((q) => window.congkhaiSearch(q, 'all'), query);
    check(counts[counts.length - 1] === all.length,
      `${label}: read on to ${counts[counts.length - 1]} results, the full reading finds ${all.length}`);
    check(full === null || full === all.length, `${label}: ${all.length} results, ${full} with ranges`);
    full = all.length;

    // A kind chosen once everything is read: the exact count of that kind.
    const kinds = await page.$$eval('#tk-loai option', (o) => o.map((x) => [x.value, x.textContent]).filter((x) => x[0]));
    const kind = kinds.find((k) => Number((/\((\d+)\)/.exec(k[1]) || [])[1]) > 20) || kinds[0];
    await page.selectOption('#tk-loai', kind[0]);
    await settled(page);
    const exact = count(await status(page));
    const kindName = kind[1].replace(/ \(.*$/, '');

    // The same kind chosen while the results are partial: only its records are read, the
    // results are all of that kind, and reading on ends with the same count.
    await open(page, base, '');
    check(await page.isVisible('#tk-tiep'), `${label}: partial again`);
    const offered = await page.$$eval('#tk-loai option', (o) => o.map((x) => x.textContent));
    check(offered.some((t) => t.startsWith(kindName) && t.includes('+)')), `${label}: partial kinds say "+": ${offered}`);
    await page.selectOption('#tk-loai', kind[0]);
    await page.waitForFunction(() => /theo bộ lọc/.test(document.getElementById('tk-trang-thai').textContent), null, { timeout: 30000 });
    await settled(page);
    const wheres = await page.$$eval('#tk-ket-qua li .where', (w) => w.map((x) => x.textContent));
    check(wheres.length > 0 && wheres.every((w) => w.startsWith(kindName)), `${label}: results of other kinds than ${kindName}: ${wheres.slice(0, 5)}`);
    const filtered = await readToEnd(page);
    const end = filtered[filtered.length - 1];
    check(!end.includes('ít nhất') && count(end) === exact,
      `${label}: ${kindName} read in part ends at ${end}; read whole it has ${exact}`);
    check(page.url().includes('loai=' + kind[0]), `${label}: the kind is in the address: ${page.url()}`);

    // Each index file of the byte streams: by range when served, else asked once.
    const index = server.requests.filter((r) => /\/chi-muc\/[trb]\//.test(r.path));
    check(index.length > 0, `${label}: no index file read`);
    if (ranges) {
      check(index.every((r) => /^bytes=\d+-\d+$/.test(r.range || '')), `${label}: a read without range`);
    } else {
      // Two page loads above, each with its own memory: each file at most once per load.
      const asked = new Map();
      index.forEach((r) => asked.set(r.path, (asked.get(r.path) || 0) + 1));
      const loads = 2;
      const again = [...asked].filter(([, n]) => n > loads);
      check(again.length === 0, `${label}: files downloaded again and again: ${JSON.stringify(again)}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.close());
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`search read in part: "${query}" read on to ${full} results, by kind too, with and without ranges`);
