/** Area under the ROC curve: the chance a random won deal is scored above a random lost one (ties half). */
export function auc(p: readonly number[], y: readonly number[]): number {
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (
      j < order.length &&
      (order[j] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]
    )
      j++;
    const rank = (i + 1 + j) / 2; // average rank of the tie group
    for (let k = i; k < j; k++)
      if (y[(order[k] as readonly [number, number])[1]] === 1) {
        rankSum += rank;
        positives += 1;
      }
    i = j;
  }
  const negatives = p.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Brier score: the mean squared error of the predicted probabilities (0 is perfect, 0.25 is a coin). */
export function brier(p: readonly number[], y: readonly number[]): number {
  return p.reduce((s, v, i) => s + (v - (y[i] as number)) ** 2, 0) / Math.max(1, p.length);
}

/** Log loss: the mean negative log-likelihood (0.693 is a coin). */
export function logLoss(p: readonly number[], y: readonly number[]): number {
  const eps = 1e-12;
  return (
    p.reduce((s, v, i) => {
      const q = Math.min(1 - eps, Math.max(eps, v));
      return s - ((y[i] as number) === 1 ? Math.log(q) : Math.log(1 - q));
    }, 0) / Math.max(1, p.length)
  );
}

/** The reliability table: 10 bins of predicted probability, each with its mean prediction, observed win rate and count. */
export function reliability(
  p: readonly number[],
  y: readonly number[],
): Array<{ bin: string; predicted: number | null; observed: number | null; count: number }> {
  const bins = Array.from({ length: 10 }, () => ({ sum: 0, wins: 0, count: 0 }));
  p.forEach((v, i) => {
    const b = bins[Math.min(9, Math.floor(v * 10))] as { sum: number; wins: number; count: number };
    b.sum += v;
    b.wins += y[i] as number;
    b.count += 1;
  });
  const r3 = (n: number) => Math.round(n * 1000) / 1000;
  return bins.map((b, i) => ({
    bin: `${i / 10}-${(i + 1) / 10}`,
    predicted: b.count ? r3(b.sum / b.count) : null,
    observed: b.count ? r3(b.wins / b.count) : null,
    count: b.count,
  }));
}

/** A seeded pseudo-random generator (mulberry32): the same numbers for the same seed, every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
