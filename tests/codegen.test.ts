import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { compileLogic, createQualifier, QualifyError } from "../src/index.js";
import { literal } from "../src/logic/codegen.js";
import { dealArb } from "./support/arbitraries.js";
import { readJson } from "./support/helpers.js";
import { dataArb, key, rule, rules, scalar } from "./support/logic-arbitraries.js";

const suite = JSON.parse(
  readFileSync(new URL("./fixtures/jsonlogic/jsonlogic-tests.json", import.meta.url), "utf8"),
) as unknown[];
const cases = suite.filter((c): c is [unknown, unknown, unknown] => Array.isArray(c));

function outcome(f: () => unknown): { value: unknown } | { threw: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { threw: (e as Error).name };
  }
}
const both = (r: unknown, data: unknown) => ({
  closures: outcome(() => compileLogic(r)(data)),
  codegen: outcome(() => compileLogic(r, { codegen: true })(data)),
});

describe("codegen: the conformance suite", () => {
  it.each(cases.map((c, i) => [i, ...c] as const))("case %i: %j on %j", (_i, r, data, expected) => {
    const value = compileLogic(r, { codegen: true })(data);
    expect(value).toEqual(jsonLogic.apply(r as never, data));
    expect(value).toEqual(expected);
  });
});

describe("codegen agrees with the closure compiler (and so with json-logic-js)", () => {
  it("on random rules over the small vocabulary", () => {
    fc.assert(
      fc.property(rule, dataArb, (r, data) => {
        const { closures, codegen } = both(r, data);
        expect(codegen).toEqual(closures);
      }),
      { seed: 20261128, numRuns: 10000 },
    );
  });

  // Strings that would break out of a string literal, a comment or a template if they were ever written
  // into the code, and the keys that reach into JavaScript's object machinery.
  const hostile = [
    '"',
    "'",
    "`",
    "\\",
    "\\\\",
    '\\"',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose
    "${globalThis.pwned = 1}",
    '"); globalThis.pwned = 1; ("',
    "'; globalThis.pwned = 1; '",
    "*/ globalThis.pwned = 1; /*",
    "\u2028",
    "\u2029",
    "\n",
    "\r\n",
    "\u0000",
    "</script>",
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "length",
    "a.__proto__",
    "constructor.constructor",
    "__defineGetter__",
    "-0",
    "1e309",
  ];
  const hostileKey = fc.oneof(key, fc.constantFrom(...hostile), fc.string({ maxLength: 3 }));
  const hostileScalar = fc.oneof(scalar, fc.constantFrom(...hostile), fc.constantFrom(-0, 1e21, -1.5e-7));
  const { rule: hostileRule } = rules(hostileKey, hostileScalar);
  // Data built by JSON.parse, so "__proto__" and "constructor" are plain own keys, as they arrive.
  const hostileData = fc
    .dictionary(
      hostileKey,
      fc.oneof(hostileScalar, fc.dictionary(hostileKey, hostileScalar, { maxKeys: 3 })),
      {
        maxKeys: 5,
      },
    )
    .map((o) => JSON.parse(JSON.stringify(o)) as unknown);

  it("on random rules with hostile strings in every position (keys, literals, data)", () => {
    fc.assert(
      fc.property(hostileRule, fc.oneof(dataArb, hostileData), (r, data) => {
        const { closures, codegen } = both(r, data);
        expect(codegen).toEqual(closures);
        expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      }),
      { seed: 20261128, numRuns: 10000 },
    );
  });

  it.each([[{ var: "__proto__" }], [{ var: "a.constructor" }], [{ var: ["prototype", 1] }]])(
    "forbidden keys are refused when the rule is compiled, as by closures: %j",
    (r) => {
      expect(() => compileLogic(r, { codegen: true })).toThrow(QualifyError);
    },
  );

  it("a key of the data named __proto__ or constructor is read as the data's own (or not found), never the machinery", () => {
    const data = JSON.parse('{"a": {"constructor": 5, "x": 1}, "list": [{"n": 1}]}');
    expect(compileLogic({ var: "a.x" }, { codegen: true })(data)).toBe(1);
    expect(compileLogic({ var: ["a.toString", "none"] }, { codegen: true })(data)).toBe("none");
    expect(compileLogic({ var: ["list.0.n", 0] }, { codegen: true })(data)).toBe(1);
    expect(compileLogic({ var: "list.length" }, { codegen: true })(data)).toBe(1);
    // A class instance reads as the closures read it (an inherited value included, a method never).
    const proto = { secret: 42, method() {} };
    class Holder {
      own = 1;
    }
    Object.assign(Holder.prototype, proto);
    for (const rule of [{ var: ["secret", "no"] }, { var: "own" }, { var: ["method", "no"] }])
      expect(compileLogic(rule, { codegen: true })(new Holder())).toEqual(compileLogic(rule)(new Holder()));
    expect(compileLogic({ var: ["method", "no"] }, { codegen: true })(new Holder())).toBe("no");
  });

  it.each([
    ["a", '"a"'],
    ['"); x("', '"\\"); x(\\""'],
    ["\u2028\u2029", '"\\u2028\\u2029"'],
    [-0, "(-0)"],
    [-1.5, "(-1.5)"],
    [1e21, "1e+21"],
    [null, "null"],
    [true, "true"],
  ])("literal(%j) is %s", (value, code) => {
    expect(literal(value as never)).toBe(code);
    // biome-ignore lint/security/noGlobalEval: checking that the literal reads back as the value
    expect(Object.is(eval(`(${code})`), value)).toBe(true);
  });
});

describe("codegen in the qualifier: the domain operators, the budget (tests/reliability-load) and the reports", () => {
  it("createQualifier({ codegen: true }) gives the same reports on every example deal", () => {
    const closures = createQualifier();
    const codegen = createQualifier({ codegen: true });
    const files = readdirSync(new URL("../examples/deals/", import.meta.url)).filter((f) =>
      f.endsWith(".json"),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const deal = readJson(`examples/deals/${file}`);
      expect(codegen.evaluate(deal, { asOf: "2026-11-27" })).toEqual(
        closures.evaluate(deal, { asOf: "2026-11-27" }),
      );
    }
  });

  it("with a plugin's operator and TypeScript rule, the same report", async () => {
    const { default: acme } = await import("../examples/plugin/acme-plugin.mjs");
    const deal = readJson("examples/plugin/deal.json");
    const make = (codegen: boolean) =>
      createQualifier({ plugins: [acme], frameworks: ["acme-qualification", "bant"], codegen }).evaluate(
        deal,
        {
          asOf: "2026-11-27",
        },
      );
    expect(make(true)).toEqual(make(false));
  });

  it("property: the same report for any valid deal, with all twelve frameworks", () => {
    const all = [...createQualifier({ frameworks: [] }).catalogue.keys()];
    const closures = createQualifier({ frameworks: all });
    const codegen = createQualifier({ frameworks: all, codegen: true });
    fc.assert(
      fc.property(dealArb, (deal) => {
        expect(codegen.safeEvaluate(deal, { asOf: "2026-11-27" })).toEqual(
          closures.safeEvaluate(deal, { asOf: "2026-11-27" }),
        );
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
