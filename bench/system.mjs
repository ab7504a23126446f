// Whole-program figures: peak memory of `qualify score --ndjson`, worker speed-up, cold import, dist size.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { gzipSync } from "node:zlib";

const node = process.execPath;

/** Runs `qualify score --ndjson` over `count` generated deals; samples its RSS every 50 ms. */
function streamRun(count) {
  return new Promise((resolve, reject) => {
    const source = spawn(node, ["bench/ndjson-source.mjs", String(count)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const cli = spawn(node, ["dist/cli.js", "score", "--ndjson", "-", "--as-of", "2026-11-27"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    source.stdout.pipe(cli.stdin);
    let lines = 0;
    cli.stdout.on("data", (chunk) => {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines += 1;
    });
    let peak = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${cli.pid}/status`, "utf8");
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
        peak = Math.max(peak, rss);
      } catch {}
    };
    const timer = setInterval(sample, 50);
    const started = process.hrtime.bigint();
    cli.on("error", reject);
    cli.on("close", () => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ lines, peak, seconds });
    });
  });
}

const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;

/** Peak RSS for a short and a long stream: flat memory means the same peak. */
export async function benchMemory(long = 1_000_000) {
  const short = await streamRun(long / 10);
  const full = await streamRun(long);
  if (full.lines !== long || short.lines !== long / 10)
    throw new Error(`expected one output line per deal: ${short.lines}, ${full.lines}`);
  return [
    [
      `${(long / 10).toLocaleString("en")} deals`,
      mb(short.peak),
      `${Math.round(short.lines / short.seconds)} deals/s`,
    ],
    [`${long.toLocaleString("en")} deals`, mb(full.peak), `${Math.round(full.lines / full.seconds)} deals/s`],
    ["growth from 10x the length", `${(((full.peak - short.peak) / short.peak) * 100).toFixed(0)}%`, ""],
  ];
}

/** Runs `qualify score --ndjson` on a file, output to /dev/null: the CLI alone on the cores. */
export function fileRun(file, extra = []) {
  const started = process.hrtime.bigint();
  const out = openSync("/dev/null", "w");
  const run = spawnSync(node, ["dist/cli.js", "score", "--ndjson", file, "--as-of", "2026-11-27", ...extra], {
    stdio: ["ignore", out, "inherit"],
  });
  closeSync(out);
  if (run.status !== 0) throw new Error(`qualify exited ${run.status}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Throughput of the NDJSON stream on one thread and on every core (deals read from a file). */
export async function benchWorkers(count = 200_000) {
  const cores = os.availableParallelism();
  const file = ".bench-tmp/deals.ndjson";
  mkdirSync(".bench-tmp", { recursive: true });
  writeFileSync(
    file,
    spawnSync(node, ["bench/ndjson-source.mjs", String(count)], { maxBuffer: 1 << 30 }).stdout,
  );
  const seconds = (extra) => fileRun(file, extra);
  const one = { lines: count, seconds: seconds([]) };
  const pool1 = { lines: count, seconds: seconds(["--workers", "1"]) };
  const many = { lines: count, seconds: seconds(["--workers", String(cores)]) };
  const oneCompact = { lines: count, seconds: seconds(["--compact"]) };
  const manyCompact = { lines: count, seconds: seconds(["--compact", "--workers", String(cores)]) };
  const rate = (r) => r.lines / r.seconds;
  return [
    ["one thread (no workers)", `${Math.round(rate(one))} deals/s`, "1.0x (baseline)"],
    ["--workers 1", `${Math.round(rate(pool1))} deals/s`, `${(rate(pool1) / rate(one)).toFixed(2)}x`],
    [
      `--workers ${cores}`,
      `${Math.round(rate(many))} deals/s`,
      `${(rate(many) / rate(one)).toFixed(2)}x one thread`,
    ],
    [
      "one thread, --compact",
      `${Math.round(rate(oneCompact))} deals/s`,
      `${(rate(oneCompact) / rate(one)).toFixed(2)}x one thread`,
    ],
    [
      `--workers ${cores} --compact`,
      `${Math.round(rate(manyCompact))} deals/s`,
      `${(rate(manyCompact) / rate(oneCompact)).toFixed(2)}x one thread --compact`,
    ],
  ];
}

/**
 * Cold import: a fresh Node process importing qualify, against one that imports nothing. The variants
 * take turns (one process of each, then again), so a busy spell of the machine weighs on all of them
 * alike; each figure is the median of its runs.
 */
export function benchImport(runs = 21) {
  const spawnTime = (args) => {
    const t = process.hrtime.bigint();
    spawnSync(node, args);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const esm = (code) => ["--input-type=module", "-e", code];
  const variants = {
    empty: esm(""),
    zod: esm('await import("zod")'),
    esm: esm('await import("./dist/index.js")'),
    ready: esm('const q = await import("./dist/index.js"); q.createQualifier();'),
    first: esm(
      'const q = await import("./dist/index.js"); q.createQualifier().evaluate({ id: "d", name: "D", stakeholders: [{ id: "a", name: "A", engaged: true }] }, { asOf: "2026-11-27" });',
    ),
    version: ["dist/cli.js", "--version"],
    story: ["dist/cli.js", "score", "examples/deals/story-alice.json", "--as-of", "2026-11-27"],
  };
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < runs; i++)
    for (const [k, args] of Object.entries(variants)) samples[k].push(spawnTime(args));
  const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const {
    empty,
    zod,
    esm: imported,
    ready,
    first,
    version,
    story,
  } = Object.fromEntries(Object.entries(samples).map(([k, list]) => [k, median(list)]));
  const ratio = (ms) => `+${(ms - empty).toFixed(0)} ms, ${(ms / empty).toFixed(2)}x bare node`;
  return [
    ["node, importing nothing (baseline)", `${empty.toFixed(0)} ms`, "1.00x"],
    ["import zod alone (for scale)", `${zod.toFixed(0)} ms`, ratio(zod)],
    ["import qualify", `${imported.toFixed(0)} ms`, ratio(imported)],
    ["import + createQualifier() (bant, meddpicc, core rules)", `${ready.toFixed(0)} ms`, ratio(ready)],
    ["import + createQualifier() + first report", `${first.toFixed(0)} ms`, ratio(first)],
    [
      "qualify --version (the CLI loads each command when it runs)",
      `${version.toFixed(0)} ms`,
      ratio(version),
    ],
    ["qualify score story-alice.json (the main job, text report)", `${story.toFixed(0)} ms`, ratio(story)],
  ];
}

/**
 * An app bundled for the browser (esbuild, minified) that imports createQualifier and scores a deal (and,
 * with qualify/score, explains an invalid one): its gzipped size, and the share of each part, from
 * esbuild's metafile. One app imports `qualify`, the other `qualify/score`.
 */
export async function benchAppBundle() {
  const { bundleApp } = await import("../scripts/app-bundle.mjs");
  const rows = [];
  for (const [label, from] of [
    ['import { createQualifier } from "qualify"', "qualify"],
    ['import { createQualifier } from "qualify/score"', "qualify/score"],
  ]) {
    const out = await bundleApp(
      process.cwd(),
      `import { createQualifier } from "${from}";\nconst q = createQualifier();\nconsole.log(q.evaluate({ id: "d", name: "D" }, { asOf: "2026-11-27" }).frameworks.length, q.safeEvaluate({ id: 1 }).success);\n`,
    );
    const parts = {};
    for (const [file, input] of Object.entries(Object.values(out.metafile.outputs)[0].inputs)) {
      const part =
        /node_modules\/(zod|json-logic-js|marked|yaml)\//.exec(file)?.[1] ??
        (/dist\//.test(file) ? "qualify" : "app");
      parts[part] = (parts[part] ?? 0) + input.bytesInOutput;
    }
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    rows.push(
      [
        `${label}: the whole app`,
        `${(out.text.length / 1024).toFixed(1)} KB`,
        `${(gzipSync(out.text).length / 1024).toFixed(1)} KB gzipped`,
      ],
      ...Object.entries(parts)
        .sort((a, b) => b[1] - a[1])
        .map(([part, bytes]) => [
          `  of which ${part}`,
          `${(bytes / 1024).toFixed(1)} KB`,
          `${((100 * bytes) / total).toFixed(0)}% of the minified code`,
        ]),
    );
  }
  return rows;
}

/** Bytes of the built files, raw and gzipped. */
export function benchSize() {
  return readdirSync("dist")
    .filter((f) => /\.(js|cjs)$/.test(f))
    .sort()
    .map((f) => {
      const bytes = readFileSync(`dist/${f}`);
      return [
        `dist/${f}`,
        `${(statSync(`dist/${f}`).size / 1024).toFixed(1)} KB`,
        `${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped`,
      ];
    });
}
