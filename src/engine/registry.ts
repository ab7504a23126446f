import type { z } from "zod";
import { builtinDefs } from "../frameworks/builtin-defs.js";
import type { FrameworkDef } from "../frameworks/framework-def.js";
import { LazyCatalogue } from "../frameworks/lazy-catalogue.js";
import { orderByExtends } from "../frameworks/order.js";
import { domainOperators } from "../logic/domain-operators.js";
import { createOperatorSet, type OperatorSet } from "../logic/operator-set.js";
import { modelSchemas } from "../model/model-side.js";
import type { Policy, PolicyOverride } from "../model/policy.js";
import { DEFAULT_POLICY, mergePolicy } from "../model/policy-default.js";
import type { Plugin } from "../plugin/define-plugin.js";
import type { Rule } from "../plugin/define-rule.js";
import { enthusiasmGap } from "../rules/enthusiasm-gap.js";
import { stageGates } from "../rules/stage-gates.js";
import { customSide } from "../validation/custom-side.js";
import { didYouMean } from "../validation/did-you-mean.js";
import { fromZod } from "../validation/from-zod.js";
import { type Issue, QualifyError } from "../validation/issue.js";
import { setupSide } from "./lazy-setup.js";
import type { QualifierOptions } from "./qualifier.js";

/** The frameworks a qualifier scores when none are chosen. */
export const DEFAULT_FRAMEWORKS: readonly string[] = ["bant", "meddpicc"];

/** What one qualifier knows: its own operators, rules and frameworks, none shared with another. */
export interface Registry {
  /** Standard, domain and plugin operators. */
  readonly operators: OperatorSet;
  /** TypeScript rules by id. */
  readonly rules: ReadonlyMap<string, Rule>;
  /** Every framework it knows, by id. */
  readonly catalogue: ReadonlyMap<string, FrameworkDef>;
  /** The frameworks it scores, in order. */
  readonly selected: readonly FrameworkDef[];
  /** The rule sets whose findings and collateral it reports. */
  readonly ruleSets: readonly FrameworkDef[];
  /** The schema of `deal.custom`, when frameworks or plugins declare one. */
  readonly custom?: z.ZodType;
  /** The judgement policy: frameworks/policy.json with the plugins' overrides, in plugin order. */
  readonly policy: Readonly<Policy>;
  /** A built-in definition's hash, when the build worked it out ahead. */
  readonly hashOf: (def: FrameworkDef) => string | undefined;
}

/**
 * Registers the plugins' operators, rules and frameworks, validates every file (built-ins first, so
 * others may extend them), and picks the frameworks to score. Throws one {@link QualifyError} listing
 * every problem of every file.
 */
export function buildRegistry(options: QualifierOptions): Registry {
  // The same plugin given twice (a config and a flag naming one module, one object twice) is one plugin.
  const plugins = [...new Set(options.plugins ?? [])];
  const operators = createOperatorSet([...domainOperators, ...plugins.flatMap((p) => p.operators ?? [])]);
  const rules = ruleTable(plugins, options.coreRules !== false);
  // The built-ins, validated when they were generated (src/frameworks/builtin-defs.ts), each parsed when
  // first read: a qualifier of two frameworks parses two.
  const builtins = builtinDefs();
  const catalogue: Map<string, FrameworkDef> = new LazyCatalogue(builtins);
  const issues: Issue[] = [];
  // The shape of deal.custom, from every plugin and framework file that declares it, before any rule is
  // checked: `var` paths under custom. are then checked against it.
  const declared = customDeclarations(plugins, options.frameworks ?? []);
  const typed = declared.length > 0 ? customSide().dealWithCustom(declared, issues) : undefined;
  const load = (input: unknown, file: string, known: ReadonlyMap<string, FrameworkDef> = catalogue) => {
    const result = setupSide().safeParseFramework(input, {
      operators,
      rules,
      frameworks: known,
      ...(typed ? { dealSchema: typed.deal } : {}),
    });
    if (result.success) return result.data;
    issues.push(...result.issues.map((i) => ({ ...i, file })));
    return undefined;
  };
  const register = (def: FrameworkDef | undefined, file?: string) => {
    if (def && file && catalogue.has(def.id) && !def.replaces) {
      issues.push({
        path: "id",
        file,
        code: "duplicate-framework",
        message: `A framework "${def.id}" is already known; choose another id, or set "replaces": true to replace it`,
      });
      return undefined;
    }
    if (def) catalogue.set(def.id, def);
    return def;
  };
  const ruleSets: FrameworkDef[] = [];
  if (options.coreRules !== false) ruleSets.push(builtins.core());
  // Plugin frameworks, in an order where each comes after the one it extends: any order works.
  const given = plugins.flatMap((plugin) =>
    (plugin.frameworks ?? []).map((input, i) => ({ input, file: `plugin ${plugin.name}: frameworks[${i}]` })),
  );
  for (const { input, file } of orderByExtends(given, (g) => g.input)) {
    const def = load(input, file);
    if (def?.kind === "ruleset") ruleSets.push(def);
    else register(def, file);
  }
  const selected = selectFrameworks(
    options.frameworks ?? DEFAULT_FRAMEWORKS,
    catalogue,
    load,
    ruleSets,
    issues,
  );
  issues.push(
    ...(options.disable?.length
      ? disableIssues(options.disable, [...ruleSets, ...selected, ...catalogue.values()], rules)
      : []),
  );
  const chosen = new Set<string>();
  selected.forEach((def, i) => {
    if (chosen.has(def.id))
      issues.push({
        path: `frameworks[${i}]`,
        code: "duplicate-framework",
        message: `Framework "${def.id}" is chosen twice: a report holds each framework once`,
      });
    chosen.add(def.id);
  });
  const policy = policyOf(plugins, issues);
  if (issues.length > 0)
    throw new QualifyError("Invalid qualifier setup", issues, { kind: "invalid-rule-set" });
  return {
    operators,
    rules,
    catalogue,
    selected,
    ruleSets,
    policy,
    hashOf: builtins.hashOf,
    ...(typed ? { custom: typed.custom } : {}),
  };
}

/** The built-in policy with each plugin's `policy` applied in turn; every invalid part is an issue with its path. */
function policyOf(plugins: readonly Plugin[], issues: Issue[]): Readonly<Policy> {
  const overrides: PolicyOverride[] = [];
  for (const plugin of plugins) {
    if (plugin.policy === undefined) continue;
    const schema = modelSchemas().PolicyOverride;
    const parsed = schema.safeParse(plugin.policy);
    if (parsed.success) overrides.push(parsed.data);
    else
      issues.push(
        ...fromZod(parsed.error.issues, schema, plugin.policy).map((i) => ({
          ...i,
          path: i.path ? `policy.${i.path}` : "policy",
          file: `plugin ${plugin.name}`,
        })),
      );
  }
  return mergePolicy(DEFAULT_POLICY, overrides);
}

/**
 * The TypeScript rules by id: the core ones (unless switched off), then the plugins'. Two different
 * plugins defining one rule id is a setup error naming both.
 */
function ruleTable(plugins: readonly Plugin[], core: boolean): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  const owner = new Map<string, string>();
  const issues: Issue[] = [];
  const given = [
    ...(core ? [enthusiasmGap, stageGates].map((rule) => ({ rule, from: "the core rules" })) : []),
    ...plugins.flatMap((p, i) =>
      (p.rules ?? []).map((rule) => ({ rule, from: `plugin "${p.name}" (plugins[${i}])` })),
    ),
  ];
  for (const { rule, from } of given) {
    const first = owner.get(rule.id);
    if (first !== undefined) {
      issues.push({
        path: "plugins",
        code: "duplicate-id",
        message: `Rule "${rule.id}" is defined by ${first} and by ${from}; rename one`,
      });
      continue;
    }
    owner.set(rule.id, from);
    rules.set(rule.id, rule);
  }
  if (issues.length > 0)
    throw new QualifyError("Invalid qualifier setup", issues, { kind: "invalid-rule-set" });
  return rules;
}

/** Every `customSchema` declared: by plugins, and by framework files (plugins' and chosen directly). */
function customDeclarations(
  plugins: readonly Plugin[],
  frameworks: NonNullable<QualifierOptions["frameworks"]>,
): Array<{ schema: NonNullable<Plugin["customSchema"]> | Readonly<Record<string, unknown>>; where: string }> {
  return [
    ...plugins.flatMap((p) =>
      p.customSchema ? [{ schema: p.customSchema, where: `plugin ${p.name}: customSchema` }] : [],
    ),
    ...[
      ...plugins.flatMap((p) => p.frameworks ?? []),
      ...frameworks.filter((f) => typeof f !== "string"),
    ].flatMap((f, i) => {
      const schema = (f as { customSchema?: unknown } | null)?.customSchema;
      return typeof schema === "object" && schema !== null
        ? [
            {
              schema: schema as Readonly<Record<string, unknown>>,
              where: `${(f as { id?: string }).id ?? `frameworks[${i}]`}: customSchema`,
            },
          ]
        : [];
    }),
  ];
}

/**
 * The frameworks to score, in the order chosen: ids from the catalogue, framework data loaded here (they
 * may extend each other in any order; they are chosen, not registered). A rule set given as data joins
 * `ruleSets`.
 */
function selectFrameworks(
  choices: NonNullable<QualifierOptions["frameworks"]>,
  catalogue: ReadonlyMap<string, FrameworkDef>,
  load: (input: unknown, file: string, known: ReadonlyMap<string, FrameworkDef>) => FrameworkDef | undefined,
  ruleSets: FrameworkDef[],
  issues: Issue[],
): FrameworkDef[] {
  const objects = choices.flatMap((choice, i) => (typeof choice === "string" ? [] : [{ choice, i }]));
  const loaded = new Map<number, FrameworkDef | undefined>();
  // Frameworks given as data may extend each other: each sees the catalogue and those loaded before it
  // (a copy, made only when there are any: copying reads every built-in).
  if (objects.length > 0) {
    const scope = new Map(catalogue);
    for (const { choice, i } of orderByExtends(objects, (o) => o.choice)) {
      const def = load(choice, `frameworks[${i}]`, scope);
      if (def?.kind === "framework") scope.set(def.id, def);
      loaded.set(i, def);
    }
  }
  const selected: FrameworkDef[] = [];
  for (const [i, choice] of choices.entries()) {
    if (typeof choice !== "string") {
      const def = loaded.get(i);
      if (def?.kind === "ruleset") ruleSets.push(def);
      else if (def) selected.push(def);
      continue;
    }
    const def = catalogue.get(choice);
    if (def) {
      selected.push(def);
      continue;
    }
    const suggestion = didYouMean(choice, catalogue.keys());
    issues.push({
      path: `frameworks[${i}]`,
      code: "unknown-framework",
      message: `No framework "${choice}"${suggestion ? `; did you mean "${suggestion}"?` : `; known: ${[...catalogue.keys()].join(", ")}`}`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return selected;
}

/** A `disable` id that names nothing is a typo that would silently switch off nothing. */
function disableIssues(
  disable: readonly string[],
  defs: readonly FrameworkDef[],
  rules: ReadonlyMap<string, Rule>,
): Issue[] {
  const switchable = new Set<string>();
  for (const def of defs) {
    for (const f of def.findings) switchable.add(f.id);
    for (const c of def.collateral) switchable.add(c.id);
    for (const q of def.questions) switchable.add(q.id);
  }
  for (const rule of rules.values()) {
    switchable.add(rule.id);
    for (const id of rule.findings ?? []) switchable.add(id);
  }
  return disable.flatMap((id, i) => {
    if (switchable.has(id)) return [];
    const suggestion = didYouMean(id, switchable);
    return [
      {
        path: `disable[${i}]`,
        code: "unknown-id",
        message: `"${id}" names no finding, collateral, deal question or rule${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        ...(suggestion ? { suggestion } : {}),
      },
    ];
  });
}
