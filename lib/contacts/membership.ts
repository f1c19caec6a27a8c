// Campaign and workflow membership (add, remove, remove from all campaigns). HighLevel answers
// only `{ succeded }`, so each action returns the contact, what it joined or left, and the change.
import type { PlainOutputField, ZObject } from 'zapier-platform-core';
import { changedContactIdOutputFields } from '../inputs/fields';
import { callExpectingSuccess } from '../records/subRecords';

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

type MembershipIdKey = 'campaignId' | 'workflowId';

/**
 * Adds a contact to, or removes it from, one campaign or workflow: `endpoint.path` holds
 * `{contactId}` and `{campaignId}` or `{workflowId}`, filled from `ids`; `endpoint.body` is what
 * the endpoint requires, if anything.
 */
export const changeMembership = async <C extends MembershipChange, K extends MembershipIdKey>(
  z: ZObject,
  change: C,
  idKey: K,
  ids: { contactId: string } & Record<K, string>,
  endpoint: { method: 'POST' | 'DELETE'; path: string; body?: Record<string, unknown> },
) => {
  const { contactId } = ids;
  const id: string = ids[idKey];
  const target = idKey === 'campaignId' ? 'campaign' : 'workflow';
  await callExpectingSuccess(
    z,
    { ...endpoint, pathParams: { contactId, [idKey]: id } },
    `${change === 'added' ? 'add the contact to' : 'remove the contact from'} the ${target}`,
  );
  return membershipResult(change, contactId, { [idKey]: id } as Record<K, string>);
};

export const membershipOutputFields = (
  change: MembershipChange,
  details: PlainOutputField[],
): PlainOutputField[] => [
  ...changedContactIdOutputFields,
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
