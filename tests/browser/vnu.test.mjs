// Every generated page is valid HTML according to the Nu HTML Checker (vnu.jar, run with
// the machine's Java).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildPortal } from "./harness.mjs";

const require = createRequire(import.meta.url);
// The jar itself: the package's own wrapper may download a Java runtime, which we never do.
const vnu = join(dirname(require.resolve("vnu-jar")), "build/dist/vnu.jar");

test("the Nu HTML Checker reports no errors on any page", () => {
  const output = buildPortal();
  const result = spawnSync("java", ["-jar", vnu, "--errors-only", "--skip-non-html", output], {
    encoding: "utf8",
  });
  if (result.error) {
    throw new Error(`java is required to run vnu.jar: apt-get install default-jre-headless (${result.error.message})`);
  }
  assert.equal(result.stderr + result.stdout, "", "vnu errors");
  assert.equal(result.status, 0);
});
