// Text matching and ranking for searches that filter what HighLevel returns (a contact's tasks and
// notes, which no endpoint searches) or reorder it (contact search, where an exact hit should win).
// A search's first result is the one Zapier uses, so "best match first" is decided here, once.

/**
 * The form two texts are compared in: case, Unicode width variants and runs of white space
 * (line breaks in note bodies, double spaces in titles) do not decide whether something matches.
 */
export const normalizeText = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : String(value).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export type TextMatch = 'exact' | 'partial';

/** How `text` matches what the user asked for: the whole text, a part of it, or not at all. */
export const matchText = (text: unknown, wanted: string): TextMatch | undefined => {
  const haystack = normalizeText(text);
  const needle = normalizeText(wanted);
  if (!needle || !haystack.includes(needle)) return undefined;
  return haystack === needle ? 'exact' : 'partial';
};

/** A stable reorder: items that are exact matches first; both groups keep their given order. */
export const exactFirst = <T>(items: readonly T[], isExact: (item: T) => boolean): T[] => [
  ...items.filter(isExact),
  ...items.filter((item) => !isExact(item)),
];

/** Items whose text contains `wanted` (case-insensitive), exact matches first. */
export const rankByText = <T>(
  items: readonly T[],
  wanted: string,
  textOf: (item: T) => unknown,
): T[] => {
  const matching = items.filter((item) => matchText(textOf(item), wanted) !== undefined);
  return exactFirst(matching, (item) => matchText(textOf(item), wanted) === 'exact');
};

const timeOf = (value: unknown): number => {
  const time = typeof value === 'number' ? value : Date.parse(String(value ?? ''));
  return Number.isFinite(time) ? time : Number.NEGATIVE_INFINITY;
};

/** Newest first by `dateOf`; undated items last; equal dates keep their given order. */
export const newestFirst = <T>(items: readonly T[], dateOf: (item: T) => unknown): T[] =>
  items
    .map((item, index) => ({ item, index, time: timeOf(dateOf(item)) }))
    .sort((a, b) => (b.time === a.time ? a.index - b.index : b.time > a.time ? 1 : -1))
    .map(({ item }) => item);
