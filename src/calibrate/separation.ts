/**
 * The most a coefficient may say, in log-odds: e^4 is about 55 times the odds. Past it, the data separate
 * won from lost (almost) perfectly on that criterion or a combination, and the fit's number is an artefact
 * of separation, not an effect size.
 */
export const COEFFICIENT_CAP = 4;

/** How a criterion separates the outcomes in a history, when it does. */
export type Separation = "complete" | "quasi";

/**
 * Whether criterion `j` separates won from lost: complete when every deal where it is met went one way and
 * every deal where it is not went the other; quasi when one side alone is pure (every deal where it is met
 * was won, say) and holds at least ten deals. Met is status 1; partial counts as not met.
 */
export function separationOf(
  x: readonly (readonly number[])[],
  y: readonly number[],
  j: number,
): Separation | undefined {
  const side = (met: boolean) => {
    let n = 0;
    let wins = 0;
    x.forEach((row, i) => {
      if ((row[j] === 1) === met) {
        n += 1;
        wins += y[i] as number;
      }
    });
    return { n, pure: n > 0 && (wins === 0 || wins === n), wonAll: n > 0 && wins === n };
  };
  const met = side(true);
  const not = side(false);
  if (met.n === 0 || not.n === 0) return undefined;
  if (met.pure && not.pure && met.wonAll !== not.wonAll) return "complete";
  if ((met.pure && met.n >= 10) || (not.pure && not.n >= 10)) return "quasi";
  return undefined;
}

/** A coefficient within the cap, so that a separated criterion never says "certain". */
export const capped = (c: number): number => Math.max(-COEFFICIENT_CAP, Math.min(COEFFICIENT_CAP, c));
