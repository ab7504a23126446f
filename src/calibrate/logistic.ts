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
): { intercept: number; coefficients: number[] } {
  const d = (x[0]?.length ?? 0) + 1;
  let beta = new Array<number>(d).fill(0);
  const row = (i: number) => [1, ...(x[i] as number[])];
  const loss = (b: number[]) => {
    let l = 0;
    for (let i = 0; i < x.length; i++) {
      const z = dot(row(i), b);
      const w = weights?.[i] ?? 1;
      // log(1 + e^z) - y z, computed stably.
      l += w * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (y[i] as number) * z);
    }
    for (let j = 1; j < d; j++) l += 0.5 * lambda * (b[j] as number) ** 2;
    return l;
  };
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const r = row(i);
      const p = sigmoid(dot(r, beta));
      const w = weights?.[i] ?? 1;
      const g = w * (p - (y[i] as number));
      const h = w * Math.max(p * (1 - p), 1e-10);
      for (let j = 0; j < d; j++) {
        grad[j] = (grad[j] as number) + g * (r[j] as number);
        const hj = hess[j] as number[];
        for (let k = 0; k < d; k++) hj[k] = (hj[k] as number) + h * (r[j] as number) * (r[k] as number);
      }
    }
    for (let j = 1; j < d; j++) {
      grad[j] = (grad[j] as number) + lambda * (beta[j] as number);
      (hess[j] as number[])[j] = ((hess[j] as number[])[j] as number) + lambda;
    }
    (hess[0] as number[])[0] = ((hess[0] as number[])[0] as number) + 1e-9;
    const step = solve(hess, grad);
    let t = 1;
    const before = loss(beta);
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

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
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
