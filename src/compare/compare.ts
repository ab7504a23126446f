import { createQualifier, type Qualifier, type QualifierOptions } from "../engine/qualifier.js";
import { today } from "../engine/today.js";
import { isLost, peopleOf, silentDays } from "../logic/people-index.js";
import type { Deal } from "../model/deal.js";
import { Stage } from "../model/enums.js";
import { IsoDay } from "../model/iso-date.js";
import { Report } from "../model/report.js";
import { type Issue, QualifyError } from "../validation/issue.js";
import { parseDeal, safeParseDeal } from "../validation/parse-deal.js";
import type { Comparison, History } from "./model.js";

/** A snapshot: a deal (scored here), a dated deal `{ asOf, deal }`, or a stored report. */
export type Snapshot = unknown;

const isDated = (v: unknown): v is { asOf: string; deal: unknown } =>
  typeof v === "object" &&
  v !== null &&
  !("frameworks" in v) &&
  "deal" in v &&
  typeof (v as { asOf?: unknown }).asOf === "string";

/** Options of {@link compare}: the qualifier's, and the dates deals are judged at. */
export interface CompareOptions extends QualifierOptions {
  /** The date each deal snapshot is judged at (reports and dated deals carry their own). Default: today. */
  readonly asOf?: string | { readonly before?: string; readonly after?: string };
  /** A qualifier already built to score deal snapshots (its options are then not used). */
  readonly qualifier?: Qualifier;
}

const STAGES: readonly string[] = Stage.options;
const isReport = (v: unknown) => typeof v === "object" && v !== null && "frameworks" in v && "deal" in v;

function scored(
  input: Snapshot,
  asOf: string,
  qualify: (deal: unknown, asOf: string) => Report,
): { report: Report; deal?: Deal } {
  if (isReport(input)) {
    const parsed = Report.safeParse(input);
    if (!parsed.success)
      throw new QualifyError("Not a report", [
        {
          path: "",
          code: "invalid-report",
          message: "A snapshot that looks like a report must be a valid report",
        },
      ]);
    return { report: parsed.data };
  }
  if (isDated(input)) {
    const deal = parseDeal(input.deal);
    return { report: qualify(deal, input.asOf), deal };
  }
  const deal = parseDeal(input);
  return { report: qualify(deal, asOf), deal };
}

const dateOf = (o: CompareOptions["asOf"], which: "before" | "after") =>
  (typeof o === "string" ? o : o?.[which]) ?? today();

/**
 * What changed between two snapshots of one deal (deals, scored here, or stored reports): scores and
 * criteria per framework, findings added and resolved, questions settled and new, people who appeared,
 * left or went quiet, and the stage. Throws a {@link QualifyError} when they are not the same deal.
 */
export function compare(before: Snapshot, after: Snapshot, options: CompareOptions = {}): Comparison {
  const { asOf, qualifier: given, ...qualifierOptions } = options;
  const qualifier = given ?? createQualifier(qualifierOptions);
  const qualify = (deal: unknown, date: string) => qualifier.evaluate(deal, { asOf: date });
  const a = scored(before, dateOf(asOf, "before"), qualify);
  const b = scored(after, dateOf(asOf, "after"), qualify);
  if (a.report.deal.id !== b.report.deal.id) {
    const issue: Issue = {
      path: "",
      code: "different-deals",
      message: `The snapshots are of different deals: "${a.report.deal.id}" and "${b.report.deal.id}"`,
    };
    throw new QualifyError("Cannot compare", [issue]);
  }
  return diffReports(a, b);
}

function diffReports(a: { report: Report; deal?: Deal }, b: { report: Report; deal?: Deal }): Comparison {
  const [ra, rb] = [a.report, b.report];
  const frameworks = rb.frameworks.flatMap((fb) => {
    const fa = ra.frameworks.find((f) => f.id === fb.id);
    if (!fa) return [];
    const criteria = fb.criteria.flatMap((cb) => {
      const ca = fa.criteria.find((c) => c.id === cb.id);
      if (!ca || ca.status === cb.status) return [];
      const evidenceChanged = JSON.stringify(ca.evidence) !== JSON.stringify(cb.evidence);
      return [
        {
          id: cb.id,
          name: cb.name,
          before: ca.status,
          after: cb.status,
          explanation: cb.explanation,
          ...(evidenceChanged ? { evidence: { before: ca.evidence, after: cb.evidence } } : {}),
        },
      ];
    });
    return [{ id: fb.id, name: fb.name, score: { before: fa.score, after: fb.score }, criteria }];
  });
  const ids = (r: Report) => new Set(r.findings.map((f) => f.id));
  const finding = (f: Report["findings"][number]) => ({ id: f.id, severity: f.severity, message: f.message });
  const added = rb.findings.filter((f) => !ids(ra).has(f.id)).map(finding);
  const resolved = ra.findings.filter((f) => !ids(rb).has(f.id)).map(finding);
  const qids = (r: Report) => new Set(r.questions.map((q) => q.id));
  const settled = ra.questions.filter((q) => !qids(rb).has(q.id)).map((q) => ({ id: q.id, text: q.text }));
  const fresh = rb.questions.filter((q) => !qids(ra).has(q.id)).map((q) => ({ id: q.id, text: q.text }));
  const stageA = a.deal ? (a.deal.stage ?? null) : undefined;
  const stageB = b.deal ? (b.deal.stage ?? null) : undefined;
  const stage =
    stageA !== undefined && stageB !== undefined && stageA !== stageB
      ? { before: stageA, after: stageB }
      : undefined;
  const stakeholders = a.deal && b.deal ? people(a.deal, ra.asOf, b.deal, rb.asOf) : undefined;
  const changed =
    stage !== undefined ||
    frameworks.some((f) => f.score.before !== f.score.after || f.criteria.length > 0) ||
    added.length + resolved.length + settled.length + fresh.length > 0 ||
    (stakeholders !== undefined && Object.values(stakeholders).some((l) => l.length > 0));
  return {
    deal: rb.deal,
    asOf: { before: ra.asOf, after: rb.asOf },
    changed,
    ...(stage ? { stage } : {}),
    frameworks,
    findings: { added, resolved },
    questions: { settled, new: fresh },
    ...(stakeholders ? { stakeholders } : {}),
  };
}

function people(a: Deal, asOfA: string, b: Deal, asOfB: string): NonNullable<Comparison["stakeholders"]> {
  const [ia, ib] = [peopleOf(a), peopleOf(b)];
  const named = (p: { id?: unknown; name?: unknown }) => ({ id: String(p.id), name: String(p.name) });
  const inA = new Map((a.stakeholders ?? []).map((s) => [s.id, s]));
  const inB = new Map((b.stakeholders ?? []).map((s) => [s.id, s]));
  const both = [...inB.values()].filter((s) => inA.has(s.id));
  const quiet = (index: ReturnType<typeof peopleOf>, p: { id?: unknown }, asOf: string) =>
    (silentDays(index, p, asOf) ?? 0) >= 30;
  return {
    appeared: [...inB.values()].filter((s) => !inA.has(s.id)).map(named),
    removed: [...inA.values()].filter((s) => !inB.has(s.id)).map(named),
    left: both.filter((s) => s.departed === true && inA.get(s.id)?.departed !== true).map(named),
    returned: both.filter((s) => s.departed !== true && inA.get(s.id)?.departed === true).map(named),
    wentQuiet: both
      .filter((s) => !isLost(ib, s, asOfB) && quiet(ib, s, asOfB) && !quiet(ia, inA.get(s.id) ?? {}, asOfA))
      .map(named),
    heardFrom: both.filter((s) => !quiet(ib, s, asOfB) && quiet(ia, inA.get(s.id) ?? {}, asOfA)).map(named),
  };
}

/**
 * A deal's trend over dated snapshots (`{ asOf, deal }`, oldest first or in any order): the score per
 * framework per date, and the stalls: the stage moved forward while no criterion changed status for 30
 * days or more, or the stage moved back.
 */
export function history(
  snapshots: ReadonlyArray<{ readonly asOf: string; readonly deal: unknown }>,
  options: QualifierOptions & { readonly qualifier?: Qualifier } = {},
): History {
  const { qualifier: given, ...qualifierOptions } = options;
  const qualifier = given ?? createQualifier(qualifierOptions);
  const points = snapshots
    .map((s, i) => {
      if (typeof s !== "object" || s === null || !IsoDay.safeParse(s.asOf).success)
        throw new QualifyError("Invalid history", [
          {
            path: `[${i}].asOf`,
            code: "invalid-snapshot",
            message: 'Each snapshot is { "asOf": "YYYY-MM-DD" (a real day), "deal": {...} }',
          },
        ]);
      const parsed = safeParseDeal(s.deal);
      if (!parsed.success)
        throw new QualifyError(
          "Invalid history",
          parsed.issues.map((issue) => ({
            ...issue,
            path: `[${i}].deal${issue.path.startsWith("[") || !issue.path ? "" : "."}${issue.path}`,
          })),
        );
      const deal = parsed.data;
      return { asOf: s.asOf, deal, report: qualifier.evaluate(deal, { asOf: s.asOf }) };
    })
    // Oldest first, whatever the order given (the paths above name the line as given).
    .sort((x, y) => (x.asOf < y.asOf ? -1 : x.asOf > y.asOf ? 1 : 0));
  const first = points[0];
  if (!first)
    throw new QualifyError("No history", [{ path: "", code: "empty", message: "No snapshots were given" }]);
  const other = points.find((p) => p.deal.id !== first.deal.id);
  if (other)
    throw new QualifyError("Cannot compare", [
      {
        path: "",
        code: "different-deals",
        message: `The snapshots are of different deals: "${first.deal.id}" and "${other.deal.id}"`,
      },
    ]);
  const statuses = (r: Report) => JSON.stringify(r.frameworks.map((f) => f.criteria.map((c) => c.status)));
  const stalls: History["stalls"] = [];
  let lastMove = first; // the last snapshot where a criterion's status changed
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (!prev) return;
    if (statuses(p.report) !== statuses(prev.report)) lastMove = p;
    const [from, to] = [STAGES.indexOf(prev.deal.stage ?? ""), STAGES.indexOf(p.deal.stage ?? "")];
    if (from >= 0 && to >= 0 && to < from && to < 5)
      stalls.push({
        asOf: p.asOf,
        kind: "stage-back",
        message: `The stage moved back, from ${prev.deal.stage} to ${p.deal.stage}.`,
      });
    const days = (Date.parse(p.asOf) - Date.parse(lastMove.asOf)) / 86_400_000;
    if (to > from && from >= 0 && lastMove !== p && days >= 30)
      stalls.push({
        asOf: p.asOf,
        kind: "stage-ahead",
        message: `The stage moved to ${p.deal.stage}, but no criterion has changed for ${Math.round(days)} days (since ${lastMove.asOf}).`,
      });
  });
  return {
    deal: { id: first.deal.id, name: (points[points.length - 1] ?? first).deal.name },
    trend: points.map((p) => ({
      asOf: p.asOf,
      stage: p.deal.stage ?? null,
      scores: Object.fromEntries(p.report.frameworks.map((f) => [f.id, f.score])),
    })),
    stalls,
  };
}
