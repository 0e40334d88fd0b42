// `Phones[].SearchPhoneNumber`: the number Ploomes lets clients filter on. Ploomes does not document how it is
// derived; the sandbox stores the international form for Brazilian numbers — country code 55 + area code +
// subscriber number, e.g. "(11) 91234-5678" → 5511912345678 — because that is the form that identifies a number
// regardless of how it was typed, and what the phone field shows once a country is set. Clients must not rely
// on either form: they query the national and the 55-prefixed form together (lib/phone/phone-candidates.ts),
// and the sandbox answering only the 55 form proves they do.

const BRAZIL_COUNTRY_ID = 76;

/**
 * Digits of the number as a number; a Brazilian (CountryId 76) number written nationally — 10 digits for a
 * landline, 11 for a mobile, after dropping a trunk "0" — gets 55 in front. Numbers already written with 55
 * (12–13 digits) and other countries' numbers keep their digits. Null when there is nothing to search by.
 */
export function searchPhoneNumber(phoneNumber: string, countryId: number | null | undefined): number | null {
  const digits = phoneNumber.replace(/\D/g, "").replace(/^0+/, "");
  if (digits === "") return null;
  const national = countryId === BRAZIL_COUNTRY_ID && (digits.length === 10 || digits.length === 11);
  const value = Number(national ? `55${digits}` : digits);
  return Number.isSafeInteger(value) ? value : null;
}

/** The record with its phones as Ploomes stores them: every phone carries its SearchPhoneNumber. */
export function withSearchPhoneNumbers<T extends Record<string, unknown>>(record: T): T {
  if (!Array.isArray(record.Phones)) return record.Phones === null ? { ...record, Phones: [] } : record;
  const phones = (record.Phones as { PhoneNumber: string; TypeId?: number | null; CountryId?: number | null }[]).map(
    (phone) => ({
      PhoneNumber: phone.PhoneNumber,
      TypeId: phone.TypeId ?? null,
      CountryId: phone.CountryId ?? null,
      SearchPhoneNumber: searchPhoneNumber(phone.PhoneNumber, phone.CountryId),
    }),
  );
  return { ...record, Phones: phones };
}
