// zod shapes of the HighLevel objects the app reads. Unknown fields pass through (HighLevel adds
// fields over time and the user may want them); only what the app relies on is required.
import * as zod from 'zod';

export const locationSchema = zod.looseObject({
  id: zod.string(),
  name: zod.string().optional(),
  companyId: zod.string().optional(),
  timezone: zod.string().optional(),
  settings: zod.looseObject({ allowDuplicateContact: zod.boolean().optional() }).optional(),
});
export type Location = zod.infer<typeof locationSchema>;

export const locationResponseSchema = zod.looseObject({ location: locationSchema });
