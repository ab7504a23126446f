/**
 * ISO 4217 currency codes, as data (no `Intl`: the warehouse UDF runs where there is none). A code is
 * three capital letters from this list: `eur`, `EUR ` and `€` are input errors with the code as a
 * suggestion, never a silent mismatch (a lower-case code would hide a budget shortfall).
 */
const CODES =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU YER ZAR ZMW ZWG ZWL";

/** Every ISO 4217 code accepted. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(CODES.split(" "));

/** Symbols and names people write for a currency, and the code they mean (only the unambiguous ones). */
const SYMBOLS: Readonly<Record<string, string>> = {
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  "₩": "KRW",
  "₽": "RUB",
  "₺": "TRY",
  "₪": "ILS",
  "₫": "VND",
  "₴": "UAH",
  "₦": "NGN",
  "₱": "PHP",
  "฿": "THB",
  zł: "PLN",
  us$: "USD",
  usd$: "USD",
  a$: "AUD",
  c$: "CAD",
  ca$: "CAD",
  nz$: "NZD",
  hk$: "HKD",
  s$: "SGD",
  r$: "BRL",
  euro: "EUR",
  euros: "EUR",
  dollar: "USD",
  dollars: "USD",
  pound: "GBP",
  pounds: "GBP",
  sterling: "GBP",
};

/** Whether a value is an ISO 4217 code as written: three capital letters from the list. */
export function isCurrencyCode(value: unknown): value is string {
  return typeof value === "string" && CURRENCY_CODES.has(value);
}

/** The code a person most likely meant (`eur`, ` EUR`, `€`), or undefined when none is plain. */
export function currencySuggestion(value: string): string | undefined {
  const trimmed = value.trim();
  const upper = trimmed.toUpperCase();
  if (CURRENCY_CODES.has(upper)) return upper;
  return SYMBOLS[trimmed.toLowerCase()];
}

/** Why a currency is not accepted, in words, with the suggestion if any. */
export function currencyProblem(value: string): { message: string; suggestion?: string } {
  const suggestion = currencySuggestion(value);
  return {
    message: `${JSON.stringify(value)} is not an ISO 4217 currency code (three capital letters, e.g. EUR, USD, GBP)${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
    ...(suggestion ? { suggestion } : {}),
  };
}
