// Progress at a glance in a real browser: the charts drawn at build time stay readable on a
// phone and on a desk (no text under 12 CSS px, no label over another), and the new pages
// (money, project, methodology, register) pass axe-core.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations, buildPortal, launch, serve } from "./harness.mjs";


const chartPages = ["", "du-an/", "chi-tieu/ho-so-truc-tuyen/"];
const newPages = {
  projects: "du-an/",
  project: "du-an/kh-10693-2020-iv-i-2-2-1/",
  methodology: "chi-tieu/phuong-phap/",
  register: "doi-chieu-tong/",
  grid: "chi-tieu/",
  report: "van-ban/bc-khanh-hoa-10-thang-2023/",
};

let browser, server, base;

before(async () => {
  const output = buildPortal();
  ({ server, base } = await serve(output));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Every chart text's size in CSS px and the pairs of texts that overlap, page by page. */
async function measureCharts(page) {
  return page.evaluate(() => {
    const found = { charts: 0, texts: 0, smallest: Infinity, overlaps: [] };
    for (const svg of document.querySelectorAll("svg.chart")) {
      found.charts += 1;
      const texts = Array.from(svg.querySelectorAll("text"));
      const boxes = texts.map((t) => t.getBoundingClientRect());
      texts.forEach((text) => {
        const px = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
        found.smallest = Math.min(found.smallest, px);
        found.texts += 1;
      });
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 0.5 && h > 0.5) found.overlaps.push(`${texts[i].textContent} / ${texts[j].textContent}`);
        }
      }
    }
    return found;
  });
}

for (const width of [390, 1366]) {
  describe(`charts at ${width} px`, () => {
    for (const path of chartPages) {
      test(`/${path}: text at least 12 px, no overlap, figures in a table`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(base + path);
        const found = await measureCharts(page);
        assert.ok(found.charts >= 1, `a chart on /${path}`);
        assert.ok(found.smallest >= 11.95, `smallest chart text ${found.smallest.toFixed(2)} px on /${path}`);
        assert.deepEqual(found.overlaps, [], `overlapping labels on /${path}`);
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(pageWidth <= width, `page ${pageWidth} px wide at ${width} px`);
        // Each chart has its figures in a table after it.
        const tabled = await page.evaluate(() =>
          Array.from(document.querySelectorAll("figure.chart-figure")).every((figure) => {
            let next = figure.nextElementSibling;
            while (next && !next.querySelector("table") && next.tagName !== "TABLE") next = next.nextElementSibling;
            return Boolean(next);
          }),
        );
        assert.ok(tabled, `every chart on /${path} has a table of its figures`);
        await context.close();
      });
    }
  });
}

describe("progress pages pass axe-core (WCAG 2.1 A and AA)", () => {
  for (const [kind, path] of Object.entries(newPages)) {
    test(`${kind} page has no violations`, async () => {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(base + path);
      const summary = await axeViolations(page);
      assert.deepEqual(summary, [], `${kind} page ${path}`);
      await context.close();
    });
  }
});

test("a status links to the rule that gave it", async () => {
  const page = await browser.newPage();
  await page.goto(base + "van-ban/kh-10693-2020/");
  const link = page.locator("#ct-muc-tieu-2-dd-ho-so-truc-tuyen a.status");
  assert.equal(await link.textContent(), "Đang thực hiện");
  await link.click();
  await page.waitForURL(/phuong-phap\/#chua-den-han$/);
  assert.match(await page.locator("#chua-den-han").textContent(), /chưa đạt mức chỉ tiêu/);
  await page.close();
});

test("lists that mix units or appendices are not summed, and their CSV keeps numbers as numbers", async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  for (const path of ["doi-chieu-tong/", "tinh/khanh-hoa/du-an/"]) {
    await page.goto(base + path);
    assert.equal(await page.locator(".table-sums:visible").count(), 0, `no sum on /${path}`);
  }
  await page.goto(base + "doi-chieu-tong/");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải các dòng này (CSV)" }).click(),
  ]);
  const { readFileSync } = await import("node:fs");
  const lines = readFileSync(await download.path(), "utf8").slice(1).trim().split(/\r\n/);
  const negatives = lines.slice(1).filter((l) => /,-\d/.test(l));
  assert.ok(negatives.length > 0, "a negative difference is written as a number");
  assert.ok(lines.every((l) => !/'-\d/.test(l)), "no number is turned into text");
  assert.ok(lines.slice(1).every((l) => !l.includes("in: “")), "a cell's aside is not glued to its figure");
  await context.close();
});

test("a wide table in a document's text scrolls in its frame, with the hint, on a phone", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(base + "van-ban/kh-tay-ninh-2021-2025/");
  const framed = page.locator(".doc-section .table-wrap > table");
  assert.ok((await framed.count()) >= 1, "the text's tables are framed");
  assert.ok((await page.locator(".doc-section .scroll-hint:visible").count()) >= 1, "a hint says the table scrolls");
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= 390, `page ${pageWidth} px wide`);
  await context.close();
});
