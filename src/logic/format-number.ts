/**
 * A number as a person writes it: digits grouped by thousands, at most two decimals, never exponent
 * notation (`1,000,000,000,000,000,000,000`, not `1e+21`; `0`, not `1e-7`).
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "unknown";
  const cents = Math.round(Math.abs(n) * 100);
  const whole = Number.isSafeInteger(cents) ? Math.floor(cents / 100) : Math.round(Math.abs(n));
  const frac = Number.isSafeInteger(cents) ? cents % 100 : 0;
  // BigInt writes every digit of a large whole number; String() would switch to exponent notation.
  const digits = BigInt(whole)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const decimals = frac === 0 ? "" : `.${String(frac).padStart(2, "0").replace(/0$/, "")}`;
  return `${n < 0 && (whole > 0 || frac > 0) ? "-" : ""}${digits}${decimals}`;
}

/** An amount of money as a person writes it: "120,000 EUR", or "120,000" with no currency. */
export function formatMoney(money: { readonly value: number; readonly currency?: unknown }): string {
  return `${formatNumber(money.value)}${typeof money.currency === "string" ? ` ${money.currency}` : ""}`;
}
