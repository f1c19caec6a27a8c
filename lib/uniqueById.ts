// Records listed twice (a dropdown page, members read across overlapping pages) are kept once.

/** `items` once each by id, in order of first appearance (a later copy's fields win). */
export const uniqueById = <T extends { id: string }>(items: T[]): T[] => [
  ...new Map(items.map((item) => [item.id, item] as const)).values(),
];
