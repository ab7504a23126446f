/**
 * A short, stable fingerprint of a JSON value: FNV-1a over its JSON text, twice with different seeds,
 * as 16 hex digits. Not cryptographic: it says whether a framework's data changed between two reports.
 */
export function fingerprint(value: unknown, omit?: ReadonlySet<string>): string {
  const text =
    (omit ? JSON.stringify(value, (key, v) => (omit.has(key) ? undefined : v)) : JSON.stringify(value)) ?? "";
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(a) + hex(b);
}
