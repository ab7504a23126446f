/**
 * L2-regularised logistic regression by Newton's method (IRLS) with a backtracking line search: small,
 * dense, deterministic. The intercept is not penalised. `x` rows are feature vectors (no intercept
 * column: it is added here). Returns the intercept and one coefficient per feature.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  lambda: number,
  weights?: readonly number[],
  start?: { readonly intercept: number; readonly coefficients: readonly number[] },
): { intercept: number; coefficients: number[] } {
  const data = designMatrix(x, y);
  if (weights) data.w.set(weights);
  return fitWeighted(data, lambda, start);
}

/** Rows with their intercept column, flat, their outcomes and weights: built once, fitted many times. */
export interface Design {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** One weight per row (a count of deals); a row of weight 0 is skipped. */
  readonly w: Float64Array;
  readonly n: number;
  readonly d: number;
}

/** The design matrix of `x` (an intercept column added) and `y`, every weight 1. */
export function designMatrix(x: readonly (readonly number[])[], y: readonly number[]): Design {
  const n = x.length;
  const d = (x[0]?.length ?? 0) + 1;
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = x[i] as readonly number[];
    X[i * d] = 1;
    for (let j = 1; j < d; j++) X[i * d + j] = r[j - 1] as number;
  }
  return { x: X, y: Float64Array.from(y), w: new Float64Array(n).fill(1), n, d };
}

/** Log-loss of one row at linear score v: log(1 + e^v) - y v, computed stably. */
const rowLoss = (v: number, y: number) =>
  (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))) - y * v;

/** {@link fitLogistic} over a prebuilt design: no allocation per row, rows of weight 0 skipped. */
export function fitWeighted(
  data: Design,
  lambda: number,
  start?: { readonly intercept: number; readonly coefficients: readonly number[] },
): { intercept: number; coefficients: number[] } {
  const { x: X, y: Y, w: W, n, d } = data;
  let beta = start ? [start.intercept, ...start.coefficients] : new Array<number>(d).fill(0);
  const z = (b: readonly number[], i: number) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (X[i * d + j] as number) * (b[j] as number);
    return s;
  };
  const penalty = (b: readonly number[]) => {
    let l = 0;
    for (let j = 1; j < d; j++) l += 0.5 * lambda * (b[j] as number) ** 2;
    return l;
  };
  const loss = (b: readonly number[]) => {
    let l = penalty(b);
    for (let i = 0; i < n; i++)
      if ((W[i] as number) > 0) l += (W[i] as number) * rowLoss(z(b, i), Y[i] as number);
    return l;
  };
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  for (let iter = 0; iter < 50; iter++) {
    grad.fill(0);
    hess.fill(0);
    // The loss at beta comes from the same pass as the gradient and Hessian.
    let before = penalty(beta);
    for (let i = 0; i < n; i++) {
      const w = W[i] as number;
      if (w === 0) continue;
      const v = z(beta, i);
      before += w * rowLoss(v, Y[i] as number);
      const p = sigmoid(v);
      const g = w * (p - (Y[i] as number));
      const h = w * Math.max(p * (1 - p), 1e-10);
      const o = i * d;
      for (let j = 0; j < d; j++) {
        const xj = X[o + j] as number;
        if (xj === 0) continue;
        grad[j] = (grad[j] as number) + g * xj;
        // The Hessian is symmetric: the upper triangle here, mirrored below.
        for (let k = j; k < d; k++)
          hess[j * d + k] = (hess[j * d + k] as number) + h * xj * (X[o + k] as number);
      }
    }
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hess[j * d + k] = hess[k * d + j] as number;
    for (let j = 1; j < d; j++) {
      grad[j] = (grad[j] as number) + lambda * (beta[j] as number);
      hess[j * d + j] = (hess[j * d + j] as number) + lambda;
    }
    hess[0] = (hess[0] as number) + 1e-9;
    const rows = Array.from({ length: d }, (_, j) => Array.from(hess.subarray(j * d, j * d + d)));
    const step = solve(rows, Array.from(grad));
    // Converged: the Newton step is below the tolerance, so no line search is needed.
    if (Math.max(...step.map((v) => Math.abs(v))) < 1e-8) break;
    let t = 1;
    let next = beta.map((b, j) => b - t * (step[j] as number));
    while (loss(next) > before - 1e-12 && t > 1e-6) {
      t /= 2;
      next = beta.map((b, j) => b - t * (step[j] as number));
    }
    const moved = Math.max(...next.map((b, j) => Math.abs(b - (beta[j] as number))));
    beta = next;
    if (moved < 1e-8) break;
  }
  return { intercept: beta[0] as number, coefficients: beta.slice(1) };
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Solves A v = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = (m[c] as number[])[c] as number;
    if (Math.abs(pivot) < 1e-14) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((m[r] as number[])[c] as number) / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++)
        (m[r] as number[])[k] = ((m[r] as number[])[k] as number) - f * ((m[c] as number[])[k] as number);
    }
  }
  return m.map((r, i) => {
    const pivot = r[i] as number;
    return Math.abs(pivot) < 1e-14 ? 0 : (r[n] as number) / pivot;
  });
}
