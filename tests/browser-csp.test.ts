import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
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

describe("the browser build under a strict Content-Security-Policy", () => {
  it.skipIf(!chromium)("scores a deal, rejects a bad one, and fires no securitypolicyviolation", async () => {
    const script = readFileSync(`${ROOT}/dist/qualify.global.js`, "utf8");
    const server = createServer((req, res) => {
      const body = req.url === "/qualify.global.js" ? script : FILES[req.url ?? ""];
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
      expect(JSON.parse(text.replace(/&quot;/g, '"'))).toEqual({
        authority: "met",
        rejected: true,
        violations: [],
      });
    } finally {
      server.close();
    }
  });
});
