import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleApp } from "../scripts/app-bundle.mjs";
import { ROOT } from "./support/helpers.js";

// dist/qualify.global.js under `Content-Security-Policy: script-src 'self'` in headless Chromium: it scores
// a deal and fires no securitypolicyviolation (zod runs jitless and never probes `new Function`).
const chromium = ["chromium", "chromium-browser"].find((c) => spawnSync("which", [c]).status === 0);
if (!chromium)
  console.warn("browser-csp: chromium is not installed (apt-get install -y chromium): the test is skipped");

const FILES: Record<string, string> = {
  "/index.html": `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'self'"></head>
<body><pre id="out">pending</pre><script src="listen.js"></script><script src="qualify.global.js"></script><script src="score.js"></script></body></html>`,
  "/listen.js": `window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(e.violatedDirective + " " + e.sourceFile + ":" + e.lineNumber));`,
  "/score.js": `const report = qualify.createQualifier({ frameworks: ["bant"] }).evaluate({ id: "d", name: "D", stage: "discovery", stakeholders: [{ id: "a", name: "Ann", engaged: true, roles: ["economic-buyer"] }] }, { asOf: "2026-11-27" });
const bad = qualify.createQualifier().safeEvaluate({ id: "d", name: "D", stage: "proposl" });
setTimeout(() => { document.getElementById("out").textContent = JSON.stringify({ authority: report.frameworks[0].criteria[1].status, rejected: !bad.success, violations: window.violations }); }, 200);`,
};

/** Serves `files` on a local port, opens index.html in headless Chromium, and returns what it printed. */
async function inChromium(files: Record<string, string>): Promise<unknown> {
  const server = createServer((req, res) => {
    const body = files[req.url ?? ""];
    if (body === undefined) return res.writeHead(404).end();
    res
      .writeHead(200, { "content-type": req.url?.endsWith(".html") ? "text/html" : "text/javascript" })
      .end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  try {
    const dom = await new Promise<string>((done) => {
      const child = spawn(chromium as string, [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--virtual-time-budget=5000",
        "--dump-dom",
        `http://127.0.0.1:${port}/index.html`,
      ]);
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("close", () => done(out));
    });
    const text = /<pre id="out">([^<]*)/.exec(dom)?.[1] ?? "";
    return JSON.parse(text.replace(/&quot;/g, '"'));
  } finally {
    server.close();
  }
}

const EXPECTED = { authority: "met", rejected: true, violations: [] };

describe("the browser builds under a strict Content-Security-Policy", () => {
  it.skipIf(!chromium)(
    "qualify/global (the script): scores a deal, rejects a bad one, fires no securitypolicyviolation",
    async () => {
      // Resolved through the package's exports, as a page's build step would.
      const path = createRequire(import.meta.url).resolve("qualify/global");
      expect(path).toBe(join(ROOT, "dist/qualify.global.js"));
      expect(await inChromium({ ...FILES, "/qualify.global.js": readFileSync(path, "utf8") })).toEqual(
        EXPECTED,
      );
    },
  );

  it.skipIf(!chromium)(
    "an app bundled for the browser from `qualify` (the browser condition): the same",
    async () => {
      const { text: app } = await bundleApp(
        ROOT,
        'import { createQualifier } from "qualify";\nwindow.qualify = { createQualifier };\n',
      );
      // The browser build was chosen: it sets zod to jitless before zod loads.
      expect(app).toContain("__zod_globalConfig");
      expect(await inChromium({ ...FILES, "/qualify.global.js": app })).toEqual(EXPECTED);
    },
  );

  it.skipIf(!chromium)(
    "an app bundled from `qualify/score` (no zod at all): the same, the rejection explained in the same words",
    async () => {
      const { text: app } = await bundleApp(
        ROOT,
        'import { createQualifier } from "qualify/score";\nwindow.qualify = { createQualifier };\n',
      );
      expect(app).not.toContain("__zod_globalConfig");
      const page = {
        ...FILES,
        "/score.js": FILES["/score.js"]?.replace(
          "rejected: !bad.success,",
          "rejected: !bad.success && bad.issues[0].message.includes('did you mean \"proposal\"'),",
        ) as string,
      };
      expect(await inChromium({ ...page, "/qualify.global.js": app })).toEqual(EXPECTED);
    },
  );
});
