// Campaign and workflow membership (add, remove, remove from all campaigns). HighLevel answers
// only `{ succeded }`, so each action returns the contact, what it joined or left, and the change.
import type { PlainOutputField } from 'zapier-platform-core';

export type MembershipChange = 'added' | 'removed';

/** `{ id: <contactId>, contactId, ...details, added | removed: true }` */
export const membershipResult = <C extends MembershipChange, D extends Record<string, unknown>>(
  change: C,
  contactId: string,
  details: D,
) =>
  ({ id: contactId, contactId, ...details, [change]: true }) as {
    id: string;
    contactId: string;
  } & D &
    Record<C, true>;

export const membershipOutputFields = (
  change: MembershipChange,
  details: PlainOutputField[],
): PlainOutputField[] => [
  { key: 'id', label: 'Contact ID', type: 'string' },
  { key: 'contactId', label: 'Contact ID', type: 'string' },
  ...details,
  { key: change, label: change === 'added' ? 'Added' : 'Removed', type: 'boolean' },
];

export const campaignIdOutputField: PlainOutputField = {
  key: 'campaignId',
  label: 'Campaign ID',
  type: 'string',
};
export const workflowIdOutputField: PlainOutputField = {
  key: 'workflowId',
  label: 'Workflow ID',
  type: 'string',
};

/** Ids in HighLevel's formats (workflow ids are UUIDs), shared by the samples. */
export const membershipSampleIds = {
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  campaignId: 'Xz5uR7xq0mWcH2aLkTbN',
  workflowId: '78559bb3-b920-461e-b010-7b2a2816d2a9',
};

/** A sample in the exact shape `membershipResult` produces. */
export const membershipSample = <C extends MembershipChange, D extends Record<string, unknown>>(
  change: C,
  details: D,
) => membershipResult(change, membershipSampleIds.contactId, details);
