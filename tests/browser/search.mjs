// Browser test of the search page: types queries without diacritics into /tim-kiem/ in
// headless Debian chromium and checks the results. Usage: node search.mjs <output dir> <url prefix>
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { serve, CHROMIUM_ARGS } from './serve.mjs';

const [dir, prefix] = process.argv.slice(2);
// Each query, typed as a reader on a phone would, and a URL that must be among the first results.
const CASES = [
  { q: 'chuyen doi so', expect: 'van-ban/kh-2044-2025/', words: ['chuyển', 'đổi', 'số'] },
  { q: 'dak nong', expect: 'tinh/dak-nong/', words: ['Đắk', 'Nông'] },
  { q: 'duong truyen', expect: 'van-ban/kh-tay-ninh-2021-2025/phu-luc-ii/#r-', words: ['đường', 'truyền'] },
  { q: 'so tt&tt', expect: 'co-quan/so-tttt-', words: ['Sở', 'Thông', 'tin', 'và', 'Truyền', 'thông'] },
  { q: 'sao luu du lieu', expect: 'van-ban/kh-10693-2020/phu-luc-iii/#r-3', words: ['sao', 'lưu', 'dữ', 'liệu'] },
];

const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };
const server = await serve(dir, prefix);
const base = `http://127.0.0.1:${server.address().port}${prefix}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), range: r.headers().range }));
  for (const c of CASES) {
    await page.goto(base + 'tim-kiem/');
    const box = page.getByLabel('Tìm trong văn bản, phụ lục, chỉ tiêu và cơ quan');
    await box.pressSequentially(c.q, { delay: 10 });
    await page.waitForFunction((q) => {
      const s = document.getElementById('tk-trang-thai').textContent;
      return s.includes('“' + q + '”') && document.querySelectorAll('#tk-ket-qua li').length > 0;
    }, c.q, { timeout: 10000 }).catch(() => {});
    const results = await page.$$eval('#tk-ket-qua li', (items) => items.map((li) => ({
      href: li.querySelector('a').getAttribute('href'),
      marks: Array.from(li.querySelectorAll('mark')).map((m) => m.textContent),
    })));
    const top = results.slice(0, 10);
    check(top.some((r) => r.href.includes(c.expect)), `${c.q}: ${c.expect} not in the first 10 results: ${JSON.stringify(top.map((r) => r.href))}`);
    const marked = new Set(results.flatMap((r) => r.marks.map((m) => m.toLowerCase())));
    for (const w of c.words) check(marked.has(w.toLowerCase()), `${c.q}: “${w}” is not highlighted (${[...marked].join(', ')})`);
    check(page.url().includes('q='), `${c.q}: the query is not in the address`);
  }
  // Postings and texts are read by byte range, never whole.
  const packs = requests.filter((r) => /\/chi-muc\/[trb]\//.test(r.url));
  check(packs.length > 0 && packs.every((r) => /^bytes=\d+-\d+$/.test(r.range || '')),
    `index files read by range: ${JSON.stringify(packs.slice(0, 5))}`);
  const all = fs.readdirSync(path.join(dir, 'tim-kiem/chi-muc/d')).length;
  check(all >= 1, 'directory files');

  // A query from the address, filtered by province; results link straight to a row.
  await page.goto(base + 'tim-kiem/?q=' + encodeURIComponent('phan mem mot cua'));
  await page.waitForSelector('#tk-ket-qua li');
  const provinces = await page.$$eval('#tk-tinh option', (o) => o.map((x) => [x.value, x.textContent]));
  const khanhHoa = provinces.find((p) => p[1].startsWith('Khánh Hòa'));
  check(khanhHoa, `province filter lacks Khánh Hòa: ${JSON.stringify(provinces)}`);
  if (khanhHoa) {
    await page.selectOption('#tk-tinh', khanhHoa[0]);
    await page.waitForFunction(() => {
      const w = Array.from(document.querySelectorAll('#tk-ket-qua li .where'));
      return w.length > 0 && w.every((x) => x.textContent.includes('Khánh Hòa'));
    }, null, { timeout: 10000 }).catch(() => {});
    const wheres = await page.$$eval('#tk-ket-qua li .where', (w) => w.map((x) => x.textContent));
    check(wheres.length > 0 && wheres.every((w) => w.includes('Khánh Hòa')), `filter by province: ${JSON.stringify(wheres)}`);
  }

  // Nothing found: a plain message.
  await page.goto(base + 'tim-kiem/?q=xyzzyqwv');
  await page.waitForFunction(() => document.getElementById('tk-trang-thai').textContent.includes('Không tìm thấy'), null, { timeout: 10000 }).catch(() => {});
  const none = await page.textContent('#tk-trang-thai');
  check(none.includes('Không tìm thấy kết quả nào'), `no-result message: ${none}`);

  // The search box in the header of every page leads to the search page, by keyboard.
  await page.goto(base + 'du-an/');
  await page.getByLabel('Tìm kiếm', { exact: true }).fill('cntt');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#tk-ket-qua li', { timeout: 10000 }).catch(() => {});
  check(page.url().startsWith(base + 'tim-kiem/?q=cntt'), `header search went to ${page.url()}`);
  const cntt = await page.$$eval('#tk-ket-qua mark', (m) => m.map((x) => x.textContent.toLowerCase()));
  check(cntt.includes('công') && cntt.includes('cntt'), `cntt finds its full form: ${cntt.slice(0, 10)}`);

  // Without JavaScript the page says how to search.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(base + 'tim-kiem/?q=cntt');
  const text = await plain.textContent('main');
  check(text.includes('Tìm kiếm cần JavaScript') && (await plain.$('noscript a[href$="du-an/"]')) !== null, 'no-JS help text');
  await noJs.close();
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`search page: ${CASES.length} queries typed without diacritics found what they should`);
