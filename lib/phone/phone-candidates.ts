// "max" metadata: the default "min" set accepts any number of the right length, e.g. the
// pre-2016 8-digit mobile "11 8765-4321", which would hide the 9th-digit upgrade below.
import { parsePhoneNumberFromString, type PhoneNumber } from "libphonenumber-js/max";

const DEFAULT_COUNTRY = "BR";
const BRAZIL_CALLING_CODE = "55";

/**
 * Ploomes `CountryId` for Brazil. Other countries get 0 ("not set"): their Ploomes ids are not
 * mapped here, and a wrong country is worse than none because Ploomes formats the number by it.
 */
export const PLOOMES_BRAZIL_COUNTRY_ID = 76;
export const PLOOMES_UNKNOWN_COUNTRY_ID = 0;

export type NormalizedPhone = {
  /** "+5511987654321" */
  e164: string;
  /** National significant number, digits only, without trunk prefix: "11987654321". */
  national: string;
  /** "55" */
  countryCallingCode: string;
  /** "BR"; null for non-geographic numbers (e.g. +800). */
  countryIso: string | null;
};

function parsePhone(raw: unknown): PhoneNumber | null {
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const text = String(raw).trim();
  if (text === "" || text.length > 64) return null;
  let phone: PhoneNumber | undefined;
  try {
    phone = parsePhoneNumberFromString(text, DEFAULT_COUNTRY);
  } catch {
    return null;
  }
  if (!phone) return null;
  if (phone.isValid()) return phone;
  return upgradeOldBrazilianMobile(phone);
}

// Visitors still type mobiles without the 9th digit (dropped by Anatel in 2016, old subscriber
// numbers started with 6–9). The current number is the same digits with a 9 in front.
function upgradeOldBrazilianMobile(phone: PhoneNumber): PhoneNumber | null {
  const nsn = phone.nationalNumber;
  if (phone.countryCallingCode !== BRAZIL_CALLING_CODE || !/^\d{2}[6-9]\d{7}$/.test(nsn)) return null;
  const upgraded = parsePhoneNumberFromString(`+55${nsn.slice(0, 2)}9${nsn.slice(2)}`);
  return upgraded?.isValid() ? upgraded : null;
}

/** Same national number with and without the 9th digit, for Brazilian mobiles only. */
function brazilianMobileVariants(nsn: string): string[] {
  // Only 9 + [6-9]: dropping the 9 of e.g. "9 5xxx-xxxx" would yield a landline of someone else.
  const match = /^(\d{2})9([6-9]\d{7})$/.exec(nsn);
  return match ? [nsn, `${match[1]}${match[2]}`] : [nsn];
}

export function normalizePhone(raw: unknown): NormalizedPhone | null {
  const phone = parsePhone(raw);
  if (!phone) return null;
  return {
    e164: phone.number,
    national: phone.nationalNumber,
    countryCallingCode: phone.countryCallingCode,
    countryIso: phone.country ?? null,
  };
}

/**
 * Digit-only numbers a Ploomes contact may have in `SearchPhoneNumber` for this phone, most
 * likely first: E.164 digits, national digits and, for Brazilian mobiles, the same pair without
 * (or with) the 9th digit. Unparseable input gives [].
 */
export function phoneSearchCandidates(raw: unknown): number[] {
  const phone = parsePhone(raw);
  if (!phone) return [];
  const cc = phone.countryCallingCode;
  const nationals = cc === BRAZIL_CALLING_CODE ? brazilianMobileVariants(phone.nationalNumber) : [phone.nationalNumber];
  const digits = new Set<string>();
  for (const national of nationals) {
    digits.add(`${cc}${national}`);
    digits.add(national);
  }
  return [...digits].map(Number).filter(Number.isSafeInteger);
}

/** The phone as a Ploomes `Phones[]` item: Brazilian numbers nationally formatted, others international. */
export function ploomesPhone(raw: unknown): { PhoneNumber: string; CountryId: number } | null {
  const phone = parsePhone(raw);
  if (!phone) return null;
  const isBrazil = phone.countryCallingCode === BRAZIL_CALLING_CODE;
  return {
    PhoneNumber: isBrazil ? phone.formatNational() : phone.formatInternational(),
    CountryId: isBrazil ? PLOOMES_BRAZIL_COUNTRY_ID : PLOOMES_UNKNOWN_COUNTRY_ID,
  };
}
