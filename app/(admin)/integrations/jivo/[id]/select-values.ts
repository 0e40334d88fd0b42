// <select> values are strings; the settings hold ids or null.
export const toId = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/** A stored id Ploomes no longer lists stays visible, so it is not silently replaced. */
export const missingId = (id: number | null, ids: number[]) => (id !== null && !ids.includes(id) ? id : null);
