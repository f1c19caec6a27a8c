// HighLevel returns dates as ISO strings, epoch milliseconds (search rows) or "YYYY-MM-DD HH:mm:ss"
// (appointments). Zapier wants ISO 8601 with an offset, so every output date passes through here.

const SPACE_SEPARATED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/;

export const isoDateTime = (value: unknown): string | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return new Date(value).toISOString();
  const text = String(value);
  // Appointment times carry no offset; HighLevel's API serves them in UTC.
  const spaced = SPACE_SEPARATED.exec(text);
  const date = new Date(spaced ? `${spaced[1]}T${spaced[2]}Z` : text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
};

/** A calendar date (date of birth) as YYYY-MM-DD. */
export const isoDate = (value: unknown): string | undefined => isoDateTime(value)?.slice(0, 10);
