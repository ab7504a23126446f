import { createQualifier, type Qualifier, type QualifierOptions } from "../engine/qualifier.js";
import { today } from "../engine/today.js";
import { isLost, peopleOf, silentDays } from "../logic/people-index.js";
import type { Deal } from "../model/deal.js";
import { Stage } from "../model/enums.js";
import { IsoDay } from "../model/iso-date.js";
import { Report } from "../model/report.js";
import { fromZod } from "../validation/from-zod.js";
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
/** Whether a snapshot is a stored report (it has frameworks and a deal). */
export const isReport = (v: unknown): boolean =>
  typeof v === "object" && v !== null && "frameworks" in v && "deal" in v;

function scored(
  input: Snapshot,
  asOf: string,
  qualify: (deal: unknown, asOf: string) => Report,
): { report: Report; deal?: Deal } {
  if (isReport(input)) return { report: parseReport(input) };
  if (isDated(input)) {
    const deal = parseDeal(input.deal);
    return { report: qualify(deal, input.asOf), deal };
  }
  const deal = parseDeal(input);
  return { report: qualify(deal, asOf), deal };
}

/** A stored report, validated: every problem with its path, as an `invalid-report` issue. */
export function parseReport(input: unknown): Report {
  const parsed = Report.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new QualifyError(
    "Not a valid report",
    fromZod(parsed.error.issues, Report, input).map((i) => ({
      ...i,
      message: `a stored report: ${i.message}`,
      code: i.code === "unknown-field" ? i.code : "invalid-report",
    })),
  );
}

/** The frameworks whose rules differ between two reports (fingerprints differ, or only one has it). */
function rulesChanged(a: Report, b: Report): Comparison["rulesChanged"] {
  const hashes = (r: Report) => new Map(r.meta.frameworks.map((f) => [f.id, f.hash]));
  const [ha, hb] = [hashes(a), hashes(b)];
  const ids = [...new Set([...ha.keys(), ...hb.keys()])].filter((id) => ha.get(id) !== hb.get(id));
  const policy = a.meta.policy !== b.meta.policy;
  if (ids.length === 0 && !policy) return undefined;
  const versions =
    a.meta.qualifyVersion !== b.meta.qualifyVersion
      ? ` (qualify ${a.meta.qualifyVersion} and ${b.meta.qualifyVersion})`
      : "";
  const what = [
    ...(ids.length > 0 ? [`different rules for ${ids.join(", ")}${versions}`] : []),
    ...(policy ? ["different judgement policies (question ranking and whom to ask)"] : []),
  ].join(" and ");
  return {
    frameworks: ids,
    message: `the two reports were made by ${what}; score changes there may come from the rules, not from the deal. Score both snapshots with today's rules to see the deal's progress.`,
  };
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
  const rules = rulesChanged(ra, rb);
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
    const moved = rules?.frameworks.includes(fb.id) ? { rulesChanged: true } : {};
    return [{ id: fb.id, name: fb.name, score: { before: fa.score, after: fb.score }, ...moved, criteria }];
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
    ...(rules ? { rulesChanged: rules } : {}),
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

type Point = { asOf: string; id: string; name: string; stage: string | null; report: Report };

/** Where snapshot `i` is, for a message: `line N` of the file when known, else `[i]`. */
const placeOf = (i: number, lines: readonly number[] | undefined) =>
  lines?.[i] !== undefined ? `line ${lines[i]}` : `[${i}]`;

/** One snapshot as a point of the trend: a dated deal (scored here) or a stored report (read as it is). */
function pointOf(s: unknown, where: string, qualifier: Qualifier): Point {
  const prefix = (issues: readonly Issue[], under: string) =>
    issues.map((issue) => ({
      ...issue,
      path: `${where}${under}${issue.path.startsWith("[") || !issue.path ? "" : "."}${issue.path}`,
    }));
  if (isReport(s)) {
    try {
      const report = parseReport(s);
      const stage = report.gates[0]?.stage ?? null;
      return { asOf: report.asOf, id: report.deal.id, name: report.deal.name, stage, report };
    } catch (e) {
      throw new QualifyError("Invalid history", prefix((e as QualifyError).issues, ": "));
    }
  }
  if (!isDated(s) || !IsoDay.safeParse(s.asOf).success)
    throw new QualifyError("Invalid history", [
      {
        path: typeof s === "object" && s !== null && "deal" in s ? `${where}.asOf` : where,
        code: "invalid-snapshot",
        message:
          'Each snapshot is a dated deal { "asOf": "YYYY-MM-DD" (a real day), "deal": {...} } or a stored report',
      },
    ]);
  const parsed = safeParseDeal(s.deal);
  if (!parsed.success) throw new QualifyError("Invalid history", prefix(parsed.issues, ".deal"));
  const deal = parsed.data;
  const report = qualifier.evaluate(deal, { asOf: s.asOf });
  return { asOf: s.asOf, id: deal.id, name: deal.name, stage: deal.stage ?? null, report };
}

/**
 * A deal's trend over dated snapshots (`{ asOf, deal }` or stored reports, in any order): the score per
 * framework per date, and the stalls: the stage moved forward while no criterion changed status for 30
 * days or more, or the stage moved back. Two snapshots of one date are an error naming both (the trend
 * would depend on their order). `lines` names each snapshot by its line in a file in messages.
 */
export function history(
  snapshots: ReadonlyArray<unknown>,
  options: QualifierOptions & { readonly qualifier?: Qualifier; readonly lines?: readonly number[] } = {},
): History {
  const { qualifier: given, lines, ...qualifierOptions } = options;
  const qualifier = given ?? createQualifier(qualifierOptions);
  const points = snapshots
    .map((s, i) => ({ ...pointOf(s, placeOf(i, lines), qualifier), index: i }))
    // Oldest first, whatever the order given (the messages above name the snapshot as given).
    .sort((x, y) => (x.asOf < y.asOf ? -1 : x.asOf > y.asOf ? 1 : x.index - y.index));
  const first = points[0];
  if (!first)
    throw new QualifyError("No history", [{ path: "", code: "empty", message: "No snapshots were given" }]);
  const other = points.find((p) => p.id !== first.id);
  if (other)
    throw new QualifyError("Cannot compare", [
      {
        path: "",
        code: "different-deals",
        message: `The snapshots are of different deals: "${first.id}" and "${other.id}"`,
      },
    ]);
  const twins = points.flatMap((p, i): Issue[] => {
    const prev = points[i - 1];
    return prev && prev.asOf === p.asOf
      ? [
          {
            path: placeOf(p.index, lines),
            code: "duplicate-snapshot",
            message: `two snapshots of ${p.asOf}: ${placeOf(prev.index, lines)} and ${placeOf(p.index, lines)}; keep one per date`,
          },
        ]
      : [];
  });
  if (twins.length > 0) throw new QualifyError("Invalid history", twins);
  const statuses = (r: Report) => JSON.stringify(r.frameworks.map((f) => f.criteria.map((c) => c.status)));
  const stalls: History["stalls"] = [];
  let lastMove = first; // the last snapshot where a criterion's status changed
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (!prev) return;
    if (statuses(p.report) !== statuses(prev.report)) lastMove = p;
    const [from, to] = [STAGES.indexOf(prev.stage ?? ""), STAGES.indexOf(p.stage ?? "")];
    if (from >= 0 && to >= 0 && to < from && to < 5)
      stalls.push({
        asOf: p.asOf,
        kind: "stage-back",
        message: `The stage moved back, from ${prev.stage} to ${p.stage}.`,
      });
    const days = (Date.parse(p.asOf) - Date.parse(lastMove.asOf)) / 86_400_000;
    if (to > from && from >= 0 && lastMove !== p && days >= 30)
      stalls.push({
        asOf: p.asOf,
        kind: "stage-ahead",
        message: `The stage moved to ${p.stage}, but no criterion has changed for ${Math.round(days)} days (since ${lastMove.asOf}).`,
      });
  });
  return {
    deal: { id: first.id, name: (points[points.length - 1] ?? first).name },
    trend: points.map((p) => ({
      asOf: p.asOf,
      stage: p.stage,
      scores: Object.fromEntries(p.report.frameworks.map((f) => [f.id, f.score])),
    })),
    stalls,
  };
}
