import { alternate, median, medianRatio, round } from '../../bench/stats';

describe('median', () => {
  it('takes the middle value of an odd sample, whatever its order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even sample', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN for no samples rather than a misleading 0', () => {
    expect(median([])).toBeNaN();
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('medianRatio and round', () => {
  it('divides the medians, so one outlier does not move the ratio', () => {
    expect(medianRatio([10, 12, 1000], [10, 10, 10])).toBeCloseTo(1.2);
  });

  it('rounds to the given digits', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
  });
});

describe('alternate', () => {
  it('runs every arm once per round and rotates which goes first', async () => {
    const order: string[] = [];
    const arm = (name: string, value: number) => async () => {
      order.push(name);
      return value;
    };
    const samples = await alternate(3, [arm('a', 1), arm('b', 2), arm('c', 3)]);
    expect(samples).toEqual([
      [1, 1, 1],
      [2, 2, 2],
      [3, 3, 3],
    ]);
    expect(order).toEqual(['a', 'b', 'c', 'b', 'c', 'a', 'c', 'a', 'b']);
  });
});
