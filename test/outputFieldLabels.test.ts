// What the Zap editor shows when a later step maps this one's output: every field of an action or
// search under a label of its own, so that no two look alike.
import App from '../index';

type Field = { key?: string; label?: string };
type Operation = { operation?: { outputFields?: unknown[] } };

const staticOutputFields = (operation: Operation): Field[] =>
  (operation.operation?.outputFields ?? []).filter(
    (field): field is Field => typeof field === 'object' && field !== null,
  );

const operations = [
  ...Object.entries(App.creates ?? {}).map(([key, op]) => [`creates.${key}`, op] as const),
  ...Object.entries(App.searches ?? {}).map(([key, op]) => [`searches.${key}`, op] as const),
];

describe('output field labels of actions and searches', () => {
  it.each(operations)('%s labels every output field differently', (_where, operation) => {
    const labels = staticOutputFields(operation as Operation).map((field) => field.label);
    const repeated = labels.filter((label, index) => labels.indexOf(label) !== index);
    expect(repeated).toEqual([]);
  });

  it.each(operations)('%s gives every output field a label', (_where, operation) => {
    for (const field of staticOutputFields(operation as Operation)) {
      expect(field.label).toEqual(expect.stringMatching(/\S/));
    }
  });
});
