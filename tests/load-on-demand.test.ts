import { describe, expect, it } from "vitest";
import { loadOnDemand } from "../src/load-on-demand.js";

// The Node ESM build loads its on-demand module through this on first need: a runtime that cannot gets a
// message naming what it needs and the builds made for it, never a bare TypeError.
describe("loadOnDemand", () => {
  const from = import.meta.url;

  it.each([
    ["a runtime with nothing of Node's", {}],
    ["a process without getBuiltinModule (Node before 20.16, some runtimes)", { version: "v20.11.0" }],
  ])("%s: says what it needs", (_, runtime) => {
    expect(() => loadOnDemand("on-demand.js", from, runtime)).toThrow(
      /Node\.js 20\.19 or later.*"deno", "bun" or "browser" build; this runtime has no process\.getBuiltinModule/,
    );
  });

  it("a Node that cannot require an ES module (20.16 to 20.18): says which version it is", () => {
    const refuse = () => {
      throw Object.assign(new Error("require() of ES Module"), { code: "ERR_REQUIRE_ESM" });
    };
    const runtime = { version: "v20.17.0", getBuiltinModule: () => ({ createRequire: () => refuse }) };
    expect(() => loadOnDemand("on-demand.js", from, runtime)).toThrow(
      /20\.19 or later.*this is Node\.js v20\.17\.0/,
    );
  });

  it("any other failure is passed on as it is", () => {
    const runtime = {
      getBuiltinModule: () => ({
        createRequire: () => () => {
          throw new Error("disk on fire");
        },
      }),
    };
    expect(() => loadOnDemand("on-demand.js", from, runtime)).toThrow("disk on fire");
  });

  it("this Node loads a file beside the caller", () => {
    expect(loadOnDemand("../package.json", from)).toHaveProperty("name", "qualify");
  });
});
