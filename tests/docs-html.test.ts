import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "./support/helpers.js";

// qualify docs --format html (#24): a self-contained static site, the same as the committed docs/site,
// rendered by a real browser. Chromium comes from Debian's package; .ci/run installs it.
const out = mkdtempSync(join(tmpdir(), "qualify-site-"));
const run = cli(["docs", out, "--format", "html"]);
const files = readdirSync(out).sort();
const chromium = ["chromium", "chromium-browser"].find((c) => spawnSync("which", [c]).status === 0);
if (!chromium)
  console.warn(
    "docs-html: chromium is not installed (apt-get install -y chromium): the browser tests are skipped",
  );

describe("qualify docs --format html", () => {
  it("writes an index, a page per framework, findings, operators and custom fields", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(files).toContain("index.html");
    for (const page of [
      "meddpicc.html",
      "bant.html",
      "findings.html",
      "operators.html",
      "custom-fields.html",
    ])
      expect(files).toContain(page);
    expect(files.every((f) => f.endsWith(".html"))).toBe(true);
  });

  it("is the committed docs/site (generated: npm run generate)", () => {
    expect(readdirSync(`${ROOT}/docs/site`).sort()).toEqual(files);
    for (const f of files)
      expect(readFileSync(join(out, f), "utf8"), `${f} is stale: run npm run generate`).toBe(
        readFileSync(`${ROOT}/docs/site/${f}`, "utf8"),
      );
  });

  it.each(files)(
    "%s: self-contained (inline CSS, no script, no request), every local link resolves, no JsonLogic in prose",
    (f) => {
      const html = readFileSync(join(out, f), "utf8");
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain("<style>");
      expect(html).not.toMatch(/<script|<link |<img |<iframe|@import|url\(/i);
      for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
        if (/^(https?:|mailto:|#)/.test(href as string)) continue;
        expect(existsSync(join(out, (href as string).split("#")[0] as string)), `${f} links ${href}`).toBe(
          true,
        );
      }
      const prose = html.replace(/<details>[\s\S]*?<\/details>/g, "").replace(/<code>[\s\S]*?<\/code>/g, "");
      expect(prose).not.toMatch(/\{&quot;|\{"/);
      expect(prose).not.toMatch(/\{[A-Za-z_.]+\}/);
    },
  );

  it.skipIf(!chromium)(
    "renders in headless Chromium: its text is in the DOM, and a screenshot is not blank",
    () => {
      const page = `file://${join(out, "meddpicc.html")}`;
      const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"];
      const dom = spawnSync(chromium as string, [...flags, "--dump-dom", page], {
        encoding: "utf8",
        timeout: 300_000,
      });
      expect(dom.stdout).toContain("Economic Buyer");
      expect(dom.stdout).toContain("The first rule that holds decides");
      const shot = join(out, "shot.png");
      spawnSync(chromium as string, [...flags, `--screenshot=${shot}`, "--window-size=1200,1400", page], {
        timeout: 300_000,
      });
      // A blank page compresses to a few kilobytes; a page of text and tables to far more.
      expect(statSync(shot).size).toBeGreaterThan(30_000);
    },
  );
});
