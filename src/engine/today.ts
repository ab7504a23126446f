/** Today's date, UTC, `YYYY-MM-DD`: the one place the clock is read, and only when no asOf is given. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
