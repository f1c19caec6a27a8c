// What the task, note, campaign and workflow actions share: HighLevel answers their deletes and
// membership changes with only `{ succeded }`, and can say `succeded: false` with a 200. That must
// fail the step; a Zap must never report a change that did not happen.
import type { PlainOutputField, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, type HighLevelCall } from '../http/client';
import { requireSucceeded } from '../http/errors';

const succeededSchema = zod.looseObject({ succeded: zod.boolean().optional() });

/** One call to an endpoint that answers `{ succeded }`; `what` completes "could not …". */
export const callExpectingSuccess = async (
  z: ZObject,
  call: HighLevelCall,
  what: string,
): Promise<void> => {
  const { succeded } = await callHighLevel(z, call, succeededSchema);
  requireSucceeded(succeded, what);
};

type RecordIdKey = 'taskId' | 'noteId';

/** What deleting a contact's task or note returns: the ids involved and what changed. */
export const deletedRecord = <K extends RecordIdKey>(idKey: K, id: string, contactId: string) =>
  ({ id, contactId, [idKey]: id, deleted: true }) as {
    id: string;
    contactId: string;
    deleted: true;
  } & Record<K, string>;

export const deletedRecordOutputFields = (idKey: RecordIdKey, noun: string): PlainOutputField[] => [
  { key: 'id', label: `Deleted ${noun} ID`, type: 'string' },
  { key: 'contactId', label: 'Contact ID', type: 'string' },
  { key: idKey, label: `${noun} ID`, type: 'string' },
  { key: 'deleted', label: 'Deleted', type: 'boolean' },
];

/**
 * Deletes a contact's task or note: `path` is the endpoint's template, with `{contactId}` and
 * `{taskId}` or `{noteId}` filled from `ids`.
 */
export const deleteContactRecord = async <K extends RecordIdKey>(
  z: ZObject,
  idKey: K,
  ids: { contactId: string } & Record<K, string>,
  path: string,
) => {
  const { contactId } = ids;
  const id: string = ids[idKey];
  const noun = idKey === 'taskId' ? 'task' : 'note';
  await callExpectingSuccess(
    z,
    { method: 'DELETE', path, pathParams: { contactId, [idKey]: id } },
    `delete the ${noun}`,
  );
  return deletedRecord(idKey, id, contactId);
};
