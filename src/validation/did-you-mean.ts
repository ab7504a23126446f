/** Edit distance between two strings (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let best = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** Longest word "did you mean" compares. */
const MAX_WORD = 64;
/** Most candidates "did you mean" looks at for one input. */
const MAX_CANDIDATES = 2_000;
const prefixOf = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x.length >= 3 && (y.startsWith(x) || x.startsWith(y));
};

/**
 * The candidate closest to `input`, when it is close enough to be a likely typo
 * (distance at most a third of the longer word, or one is a prefix of the other).
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  // Bounded work: typos are short words; a long input or candidate is never a likely typo of another.
  if (input.length > MAX_WORD) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  let examined = 0;
  for (const candidate of candidates) {
    if (examined++ >= MAX_CANDIDATES) break;
    if (candidate.length > MAX_WORD) continue;
    // The edit distance is at least the difference in length: skip what cannot be close (cheaply).
    const gap = Math.abs(candidate.length - input.length);
    if (
      gap > Math.max(1, Math.floor(Math.max(candidate.length, input.length) / 3)) &&
      !prefixOf(input, candidate)
    )
      continue;
    const hay = candidate.toLowerCase();
    const distance = editDistance(needle, hay);
    const limit = Math.max(1, Math.floor(Math.max(needle.length, hay.length) / 3));
    const prefix = needle.length >= 3 && (hay.startsWith(needle) || needle.startsWith(hay));
    const score = prefix ? Math.min(distance, limit) - 0.5 : distance;
    if ((distance <= limit || prefix) && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
