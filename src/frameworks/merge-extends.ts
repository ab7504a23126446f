import type {
  CollateralRule,
  Criterion,
  DealQuestion,
  FindingRule,
  FrameworkInput,
  QuestionDef,
} from "../model/framework.js";
import { didYouMean } from "../validation/did-you-mean.js";
import type { Issue } from "../validation/issue.js";
import type { FrameworkDef } from "./framework-def.js";

/** A criterion as a file writes it: complete, or the parts that change an inherited or shared one. */
export type PartialCriterion = FrameworkInput["criteria"][number];

function byId<T extends { id: string }>(base: readonly T[], own: readonly T[] = []): T[] {
  const out = [...base];
  for (const item of own) {
    const i = out.findIndex((b) => b.id === item.id);
    if (i >= 0) out[i] = item;
    else out.push(item);
  }
  return out;
}

/**
 * Applies a file's criteria on top of its base: an entry with an inherited id changes that criterion
 * (its questions are added to the inherited ones, same id replacing), a new id adds one, `drop` removes.
 * Returns each resulting criterion with the file path of the entry that last shaped it.
 */
export function mergeCriteria(
  base: FrameworkDef | undefined,
  input: FrameworkInput,
  issues: Issue[],
  library: ReadonlyMap<string, Criterion> = new Map(),
): Array<{ criterion: PartialCriterion; path: string | undefined }> {
  const merged: Array<{ criterion: PartialCriterion; path: string | undefined }> = (base?.criteria ?? []).map(
    (c) => ({
      criterion: c,
      path: undefined,
    }),
  );
  input.criteria.forEach((written, i) => {
    const path = `criteria[${i}]`;
    const entry = written.use ? fromLibrary(written, library, `${path}.use`, issues) : written;
    const at = merged.findIndex((m) => m.criterion.id === entry.id);
    if (at < 0) {
      merged.push({ criterion: entry, path });
      return;
    }
    const inherited = (merged[at] as { criterion: PartialCriterion }).criterion;
    const questions: QuestionDef[] = byId(inherited.questions ?? [], entry.questions ?? []);
    const changed: PartialCriterion = { ...inherited, ...entry, questions };
    if (entry.let || inherited.let) changed.let = { ...inherited.let, ...entry.let };
    if (entry.rule) delete changed.status;
    if (entry.status) delete changed.rule;
    merged[at] = { criterion: changed, path };
  });
  for (const [j, id] of (input.drop ?? []).entries()) {
    const at = merged.findIndex((m) => m.criterion.id === id);
    if (at >= 0) merged.splice(at, 1);
    else {
      const suggestion = didYouMean(
        id,
        merged.map((m) => m.criterion.id),
      );
      issues.push({
        path: `drop[${j}]`,
        code: "unknown-criterion",
        message: `No inherited criterion "${id}" to drop${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  return merged;
}

/**
 * A criterion built from a shared one (`"use": "authority"`): the shared criterion with the entry's own
 * fields on top (its questions added to the shared ones, same id replacing; its bindings merged).
 */
function fromLibrary(
  entry: PartialCriterion,
  library: ReadonlyMap<string, Criterion>,
  path: string,
  issues: Issue[],
): PartialCriterion {
  const shared = library.get(entry.use as string);
  if (!shared) {
    const suggestion = didYouMean(entry.use as string, library.keys());
    issues.push({
      path,
      code: "unknown-criterion",
      message: `No shared criterion "${entry.use}"${suggestion ? `; did you mean "${suggestion}"?` : `; shared criteria: ${[...library.keys()].join(", ")}`}`,
      ...(suggestion ? { suggestion } : {}),
    });
    return entry;
  }
  const out: PartialCriterion = {
    ...shared,
    ...entry,
    questions: byId(shared.questions, entry.questions ?? []),
  };
  if (entry.let || shared.let) out.let = { ...shared.let, ...entry.let };
  return out;
}

/** Inherited findings, collateral and deal questions with the file's own on top (same id replaces). */
export function mergeRules(
  base: FrameworkDef | undefined,
  input: {
    findings?: FindingRule[] | undefined;
    collateral?: CollateralRule[] | undefined;
    questions?: DealQuestion[] | undefined;
  },
): { findings: FindingRule[]; collateral: CollateralRule[]; questions: DealQuestion[] } {
  return {
    findings: byId(base?.findings ?? [], input.findings),
    collateral: byId(base?.collateral ?? [], input.collateral),
    questions: byId(base?.questions ?? [], input.questions),
  };
}
