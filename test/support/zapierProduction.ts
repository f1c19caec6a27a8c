// What Zapier does to a step's input before the perform sees it: it converts the values of
// fields declared `boolean`, `number`, `integer` or `datetime` ("maybe" in a boolean field
// becomes true, "abc" in a number field 0). zapier-platform-cli's `invoke` reproduces it "like how
// Zapier production does" (its invoke/input-types.js), so tests run the operation's input the
// same way.
import { createRequire } from 'node:module';
import type { PlainInputField } from 'zapier-platform-core';

type Resolve = (
  inputData: Record<string, unknown>,
  inputFields: PlainInputField[],
  timezone: string,
) => Record<string, unknown>;

const resolveInputDataTypes = createRequire(__filename)(
  'zapier-platform-cli/src/oclif/commands/invoke/input-types.js',
) as Resolve;

/**
 * `inputData` as Zapier hands it to the operation whose static fields are `inputFields`, for a
 * Zap in `timezone` (what the operation then finds in `bundle.meta.timezone`).
 */
export const asZapierSendsIt = (
  inputFields: readonly unknown[] | undefined,
  inputData: Record<string, unknown>,
  timezone = 'UTC',
): Record<string, unknown> =>
  resolveInputDataTypes(
    structuredClone(inputData),
    (inputFields ?? []).filter(
      (field): field is PlainInputField => typeof field === 'object' && field !== null,
    ),
    timezone,
  );
