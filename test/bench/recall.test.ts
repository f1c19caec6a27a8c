import { measureRecall, measureRecallAcrossPolls, recallIsPerfect } from '../../bench/recall';

describe('measureRecall', () => {
  it('is perfect when every changed contact comes back exactly once', () => {
    const recall = measureRecall(['a', 'b'], [{ id: 'b' }, { id: 'a' }, { id: 'old' }]);
    expect(recall).toEqual({ expected: 2, found: 2, duplicated: 0, repeatedIds: 0, share: 1 });
    expect(recallIsPerfect(recall)).toBe(true);
  });

  it('counts missing contacts in the share', () => {
    const recall = measureRecall(['a', 'b', 'c', 'd'], [{ id: 'a' }]);
    expect(recall.found).toBe(1);
    expect(recall.share).toBe(0.25);
    expect(recallIsPerfect(recall)).toBe(false);
  });

  it('reads the contact from contactId when the output id names a change', () => {
    const recall = measureRecall(
      ['a', 'b'],
      [
        { id: 'a:2024-05-01T10:00:00.000Z', contactId: 'a' },
        { id: 'b:vip', contactId: 'b' },
      ],
    );
    expect(recall.found).toBe(2);
    expect(recallIsPerfect(recall)).toBe(true);
  });

  it('flags a contact returned twice and an output id used twice', () => {
    const recall = measureRecall(
      ['a'],
      [
        { id: 'a:1', contactId: 'a' },
        { id: 'a:1', contactId: 'a' },
      ],
    );
    expect(recall.duplicated).toBe(1);
    expect(recall.repeatedIds).toBe(1);
    expect(recallIsPerfect(recall)).toBe(false);
  });
});

describe('measureRecallAcrossPolls', () => {
  it('is perfect when each changed item comes back in exactly one of the polls', () => {
    const recall = measureRecallAcrossPolls(
      ['a', 'b', 'c'],
      [[{ id: 'a' }, { id: 'old' }], [{ id: 'b' }, { id: 'old' }], [{ id: 'c' }], []],
    );
    expect(recall).toEqual({ expected: 3, found: 3, duplicated: 0, repeatedIds: 0, share: 1 });
    expect(recallIsPerfect(recall)).toBe(true);
  });

  it('flags a changed item that two polls return, and an id repeated within one poll', () => {
    const recall = measureRecallAcrossPolls(
      ['a', 'b'],
      [[{ id: 'a' }], [{ id: 'a' }, { id: 'x' }, { id: 'x' }]],
    );
    expect(recall).toMatchObject({ found: 1, duplicated: 1, repeatedIds: 1, share: 0.5 });
    expect(recallIsPerfect(recall)).toBe(false);
  });
});
