/** What one sub-expression saw and returned during an evaluation. */
export interface TraceNode {
  /** The operator, e.g. `some`; `literal` for a constant, `array` for a list of expressions. */
  readonly op: string;
  /** The sub-expression as written. */
  readonly rule: unknown;
  /** The data it was evaluated on, when that differs from its parent's (inside `some`, `map`...). */
  data?: unknown;
  /** What it returned. */
  result?: unknown;
  /** Its sub-expressions, in the order they were evaluated (short-circuited ones are absent). */
  readonly children: TraceNode[];
}

/** Collects trace nodes during one traced evaluation. */
export class Tracer {
  /** The top node; its children are the traced rule's evaluations. */
  readonly root: TraceNode = { op: "root", rule: null, children: [] };
  /** The node being evaluated now. */
  current: TraceNode = this.root;
  /** The data the current node was evaluated on (at first, nothing any rule could see). */
  data: unknown = Symbol("no data yet");
}
