// The spec's checks that JS validators have no built-in for, shared by every peer schema (same predicates, same verdicts).

/** FluentValidation's e-mail rule: exactly one `@`, neither first nor last. */
export const EMAIL = /^[^@]+@[^@]+$/;

/** An absolute http(s) URL with a host, optional port, no whitespace or control characters. */
export const URL = /^https?:\/\/[^\s\/:?#\x00-\x1f\x7f]+(:\d{1,5})?([\/?#][^\s\x00-\x1f\x7f]*)?$/i;

/** `YYYY-MM-DD` with an optional time and zone, on a real calendar date. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,7})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?)?$/;
export function isDate(s) {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1];
}

/** decimal(18,2): at most 16 integer digits and 2 decimals, judged on the number's shortest text. */
export function isMoney(n) {
  const text = String(Math.abs(n));
  if (text.includes("e")) return false;
  const [int, frac = ""] = text.split(".");
  return int.replace(/^0+/, "").length <= 16 && frac.length <= 2;
}

export const INT32 = { min: -2147483648, max: 2147483647 };
