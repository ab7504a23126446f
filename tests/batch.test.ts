import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";

// The pool runs worker threads from the built files, as users get them (npm test builds first).
const built = "../dist/node.js";
const { createWorkerPool } = (await import(built)) as typeof import("../src/node/index.js");

import { cli, readJson } from "./support/helpers.js";

const asOf = "2026-11-27";
const deals = Array.from({ length: 300 }, (_, i) =>
  i % 37 === 5 ? { id: i, name: "bad" } : { id: `d${i}`, name: `Deal ${i}`, stage: "discovery" },
);

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("qualifier.evaluateMany", () => {
  const qualifier = createQualifier();
  it("yields every result in input order; a bad deal yields its issues and the batch goes on", async () => {
    const results = await collect(qualifier.evaluateMany(deals, { asOf }));
    expect(results.map((r) => r.index)).toEqual(deals.map((_, i) => i));
    const bad = results.filter((r) => !r.success);
    expect(bad.map((r) => r.index)).toEqual([5, 42, 79, 116, 153, 190, 227, 264]);
    expect(bad[0]).toMatchObject({
      success: false,
      kind: "invalid-input",
      issues: [expect.objectContaining({ path: "id", segments: ["id"] })],
    });
  });

  it("takes async iterables, and is lazy: it pulls deals as results are taken", async () => {
    let pulled = 0;
    async function* source() {
      for (const d of deals) {
        pulled += 1;
        yield d;
      }
    }
    const iterator = qualifier.evaluateMany(source(), { asOf });
    await iterator.next();
    await iterator.next();
    expect(pulled).toBe(2);
    await iterator.return(undefined);
  });
});

describe("worker pool (qualify/node)", () => {
  it("gives the same results as one thread, in input order", async () => {
    const pool = createWorkerPool({ workers: 2, chunkSize: 16, frameworks: ["bant", "spiced"] });
    try {
      const parallel = await collect(pool.evaluateMany(deals, { asOf }));
      const serial = await collect(
        createQualifier({ frameworks: ["bant", "spiced"] }).evaluateMany(deals, { asOf }),
      );
      expect(parallel).toEqual(serial);
    } finally {
      await pool.close();
    }
  });

  it("carries framework data to the workers, but not plugin code", async () => {
    const mine = readJson("examples/frameworks/acme-meddpicc.json") as Record<string, unknown>;
    const pool = createWorkerPool({ workers: 1, frameworks: [mine] });
    const [first] = await collect(pool.evaluateMany([readJson("examples/deals/story-alice.json")], { asOf }));
    await pool.close();
    expect(first?.success && first.data.frameworks[0]?.id).toBe("acme-meddpicc");
    expect(() =>
      createWorkerPool({
        workers: 1,
        plugins: [{ name: "code", rules: [{ id: "r", description: "r", evaluate: () => undefined }] }],
      }),
    ).toThrow(/code cannot cross/);
  });

  it("answers a slow producer promptly: a partial chunk does not wait for a full one", async () => {
    const pool = createWorkerPool({ workers: 1, chunkSize: 64 });
    await collect(pool.evaluateMany([{ id: "warm", name: "Warm-up" }], { asOf })); // the thread has started
    const seen: number[] = [];
    // The producer waits, after each deal, for that deal's answer (a pool that held a partial chunk back
    // would never give it: the producer then goes on after a minute, and the answers come too late). No
    // timing decides the outcome: only the order of events.
    let answer: (() => void) | undefined;
    async function* slow() {
      for (let i = 0; i < 3; i++) {
        yield { id: `s${i}`, name: "Slow" };
        await new Promise<void>((resolve) => {
          const stop = setTimeout(resolve, 60_000);
          answer = () => {
            clearTimeout(stop);
            resolve();
          };
        });
        seen.push(i);
      }
    }
    const answeredAfter: number[] = [];
    for await (const _ of pool.evaluateMany(slow(), { asOf })) {
      answeredAfter.push(seen.length);
      answer?.();
    }
    await pool.close();
    // Each answer arrives while the producer is still pausing, not after all three deals.
    expect(answeredAfter).toEqual([0, 1, 2]);
  });

  it("checks its setup before starting threads", () => {
    expect(() => createWorkerPool({ workers: 1, frameworks: ["nope"] })).toThrow(/No framework "nope"/);
    expect(() => createWorkerPool({ workers: 0 })).toThrow(RangeError);
  });
});

describe("qualify score --ndjson --workers", () => {
  const input = `${deals.map((d) => JSON.stringify(d)).join("\n")}\n`;
  it("the same output as one thread, order preserved", () => {
    const one = cli(["score", "--ndjson", "-", "--as-of", asOf], { input });
    const two = cli(["score", "--ndjson", "-", "--as-of", asOf, "--workers", "2"], { input });
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(1);
    expect(two.stdout.trim().split("\n")).toHaveLength(deals.length);
  });
  it.each([["0"], ["two"], ["1.5"]])("--workers %s is a usage error", (n) => {
    expect(cli(["score", "--ndjson", "-", "--workers", n]).code).toBe(2);
  });
  it("--workers without --ndjson is a usage error", () => {
    expect(cli(["score", "examples/deals/story-alice.json", "--workers", "2"]).code).toBe(2);
  });
});

describe("worker pool: nothing lost, whatever a deal or a plugin does", () => {
  const hostile = "./tests/fixtures/plugins/hostile.mjs";
  const many = Array.from({ length: 600 }, (_, i) => ({
    id: `d${i}`,
    name: i === 300 ? "Die" : i === 450 ? "Throw" : `Deal ${i}`,
    ...(i === 100 ? { custom: { f: () => 1 } } : {}),
  }));

  it("one result per deal, in order; only the deals at fault fail, each named; a dead worker is replaced", async () => {
    const pool = createWorkerPool({ workers: 2, chunkSize: 64, plugins: [hostile], frameworks: ["hostile"] });
    try {
      const results = await collect(pool.evaluateMany(many, { asOf }));
      expect(results.map((r) => r.index)).toEqual(many.map((_, i) => i));
      const failed = results.filter((r) => !r.success);
      expect(failed.map((r) => [r.index, !r.success && r.issues[0]?.code])).toEqual([
        [100, "not-json"], // a function cannot cross to a worker: scored on the main thread, and rejected
        [300, "worker-failed"], // killed its worker
        [450, "rule-failed"], // its plugin operator threw
      ]);
      // The pool goes on after the death: a second batch is scored in full.
      const again = await collect(pool.evaluateMany(many.slice(0, 50), { asOf }));
      expect(again).toHaveLength(50);
    } finally {
      await pool.close();
    }
  });

  it("more than 256 deals with a failing one: every result comes back", async () => {
    const pool = createWorkerPool({ workers: 2, plugins: [hostile], frameworks: ["hostile"] });
    try {
      const deals = Array.from({ length: 1000 }, (_, i) => ({
        id: `d${i}`,
        name: i === 699 ? "Throw" : "D",
      }));
      const results = await collect(pool.evaluateMany(deals, { asOf }));
      expect(results).toHaveLength(1000);
      expect(results.filter((r) => !r.success).map((r) => r.index)).toEqual([699]);
    } finally {
      await pool.close();
    }
  });

  it("plugin modules give the same reports in workers as on one thread", async () => {
    const { default: plugin } = await import("./fixtures/plugins/hostile.mjs");
    const deals = many.filter((d) => !["Die"].includes(d.name) && !d.custom).slice(0, 80);
    const serial = await collect(
      createQualifier({ plugins: [plugin], frameworks: ["hostile", "bant"] }).evaluateMany(deals, { asOf }),
    );
    const pool = createWorkerPool({
      workers: 2,
      chunkSize: 16,
      plugins: [hostile],
      frameworks: ["hostile", "bant"],
    });
    try {
      expect(await collect(pool.evaluateMany(deals, { asOf }))).toEqual(serial);
    } finally {
      await pool.close();
    }
  });

  it("caps threads at the number of cores", () => {
    const pool = createWorkerPool({ workers: 256 });
    expect(pool.size).toBeLessThanOrEqual(availableParallelism());
    return pool.close();
  });

  it("a plugin module that cannot be loaded: the first batch rejects, naming it", async () => {
    const pool = createWorkerPool({ workers: 1, plugins: ["./no/such/plugin.mjs"] });
    await expect(collect(pool.evaluateMany([{ id: "a", name: "A" }], { asOf }))).rejects.toThrow(
      /Cannot find plugin module/,
    );
    await pool.close();
  });
});
