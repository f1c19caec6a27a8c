// What the task, note, campaign and workflow actions share: HighLevel answers their deletes and
// membership changes with only `{ succeded }`, and can say `succeded: false` with a 200. That must
// fail the step; a Zap must never report a change that did not happen.
import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, type HighLevelCall } from '../http/client';
import { requireSucceeded } from '../http/errors';
import { invalidInput } from '../http/errors';
import { isBlank } from '../inputs/normalise';
import { requireId } from '../http/paths';

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

/**
 * An optional id in the body (a user id): checked like path ids when filled. `label` is the
 * field's label; requireId names fields by their label once turned into Title Case.
 */
export const optionalId = (label: string, value: unknown): string | undefined =>
  isBlank(value) ? undefined : requireId(label, value);

/** An update whose fields were all left empty: refused, since empty fields never blank out data. */
export const requireChanges = <T extends Record<string, unknown>>(action: string, body: T): T => {
  if (Object.keys(body).length === 0) {
    throw invalidInput(
      action,
      'no field was filled, so there is nothing to change. Fill at least one field (empty fields never blank out data).',
    );
  }
  return body;
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
 * `{taskId}` or `{noteId}` filled from the inputs of the same names.
 */
export const deleteContactRecord = async <K extends RecordIdKey>(
  z: ZObject,
  bundle: Bundle,
  idKey: K,
  path: string,
) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const id = requireId(idKey, bundle.inputData[idKey]);
  const noun = idKey === 'taskId' ? 'task' : 'note';
  await callExpectingSuccess(
    z,
    { method: 'DELETE', path, pathParams: { contactId, [idKey]: id } },
    `delete the ${noun}`,
  );
  return deletedRecord(idKey, id, contactId);
};
