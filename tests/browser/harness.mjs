// Builds the portal from the real content, serves it on 127.0.0.1 and starts Debian's
// Chromium through playwright-core (never a downloaded browser).
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The WCAG 2.1 A and AA violations axe-core finds on `page`, one line each. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(" ")}`);
}

export const repo = resolve(import.meta.dirname, "../..");
export const chromiumPath = "/usr/bin/chromium";

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Builds the bundled content into a fresh folder and returns it. */
export function buildPortal(extraArgs = []) {
  const binary = process.env.CONGKHAI_BIN || join(repo, "target/debug/congkhai");
  if (!existsSync(binary)) {
    throw new Error(`congkhai binary not found at ${binary}: run cargo build first (scripts/test.sh does)`);
  }
  const output = join(mkdtempSync(join(tmpdir(), "congkhai-browser-")), "output");
  execFileSync(binary, ["build", "--output", output, ...extraArgs], { cwd: repo, stdio: "pipe" });
  return output;
}

/** Serves `root` on a free port of 127.0.0.1; resolves to { server, base }. */
export function serve(root) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(404);
      response.end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": types[".html"] });
      response.end(readFileSync(join(root, "404.html")));
      return;
    }
    response.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    response.end(readFileSync(file));
  });
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => done({ server, base: `http://127.0.0.1:${server.address().port}/` }));
  });
}

/** Starts headless Chromium. */
export async function launch() {
  if (!existsSync(chromiumPath)) {
    throw new Error("Chromium is required: apt-get install chromium (scripts/test.sh does)");
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
