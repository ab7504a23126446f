import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createQualifier } from "../src/index.js";
import { ROOT } from "./support/helpers.js";

// The literal unions in src/model/ids.ts must list exactly what the data ships: read them from the source
// and compare with the frameworks, rule sets and rules a default qualifier knows.
const source = readFileSync(`${ROOT}/src/model/ids.ts`, "utf8");
const union = (name: string) => {
  const body = new RegExp(`export type ${name} =([^;]*);`).exec(source)?.[1] ?? "";
  return [...body.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
};
const q = createQualifier();
const catalogue = [...q.catalogue.values()];

describe("the literal id unions agree with the data", () => {
  it("framework ids", () => {
    expect(union("BuiltinFrameworkId")).toEqual(catalogue.map((d) => d.id).sort());
  });
  it("finding ids", () => {
    const ids = new Set<string>();
    for (const d of [...q.ruleSets, ...catalogue]) for (const f of d.findings) ids.add(f.id);
    for (const r of q.rules.values()) for (const f of r.findings ?? []) ids.add(f);
    expect(union("BuiltinFindingId")).toEqual([...ids].sort());
  });
  it("collateral ids", () => {
    const ids = new Set<string>();
    for (const d of [...q.ruleSets, ...catalogue]) for (const c of d.collateral) ids.add(c.id);
    expect(union("BuiltinCollateralId")).toEqual([...ids].sort());
  });
  it("criterion ids per framework", () => {
    for (const d of catalogue) {
      const body = new RegExp(`\\n  "?${d.id}"?:([^;]*);`).exec(source)?.[1] ?? "";
      const ids = [...body.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
      expect(ids, d.id).toEqual(d.criteria.map((c) => c.id).sort());
    }
  });
});
