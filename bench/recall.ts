// Did a poll return every changed item, each exactly once? Pure, so it is unit-tested.

export interface Recall {
  expected: number;
  found: number;
  /** Changed items returned more than once. */
  duplicated: number;
  /** Output ids that occur more than once (Zapier's dedupe needs them unique). */
  repeatedIds: number;
  share: number;
}

export function measureRecall(
  changed: readonly string[],
  returned: readonly { id: string; contactId?: string }[],
  contactIdOf: (item: { id: string; contactId?: string }) => string = (item) =>
    item.contactId ?? item.id,
): Recall {
  const counts = new Map<string, number>();
  for (const item of returned) {
    const id = contactIdOf(item);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const found = changed.filter((id) => (counts.get(id) ?? 0) > 0).length;
  const duplicated = changed.filter((id) => (counts.get(id) ?? 0) > 1).length;
  const repeatedIds = returned.length - new Set(returned.map((item) => item.id)).size;
  return {
    expected: changed.length,
    found,
    duplicated,
    repeatedIds,
    share: changed.length === 0 ? 1 : found / changed.length,
  };
}

export const recallIsPerfect = (recall: Recall): boolean =>
  recall.found === recall.expected && recall.duplicated === 0 && recall.repeatedIds === 0;

/**
 * Recall of changes delivered over consecutive polls (a burst bigger than one poll's budget): each
 * changed item returned by exactly one poll, once. Ids repeated across polls are not counted as
 * repeated (Zapier dedupes across polls); a changed item returned by two polls is `duplicated`.
 */
export function measureRecallAcrossPolls(
  changed: readonly string[],
  polls: readonly (readonly { id: string; contactId?: string }[])[],
): Recall {
  const recall = measureRecall(changed, polls.flat());
  const repeatedIds = polls.reduce((sum, items) => sum + measureRecall([], items).repeatedIds, 0);
  return { ...recall, repeatedIds };
}
