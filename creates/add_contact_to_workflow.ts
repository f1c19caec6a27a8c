// Add Contact to Workflow: POST /contacts/{contactId}/workflow/{workflowId}
// (CreateWorkflowDto { eventStartTime? } → { succeded }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactIdField, workflowIdField } from '../lib/inputs/fields';
import { compact, normalizeDateTime } from '../lib/inputs/normalise';
import {
  membershipOutputFields,
  membershipResult,
  membershipSample,
  membershipSampleIds,
  workflowIdOutputField,
} from '../lib/contacts/membership';
import { requireId } from '../lib/http/paths';
import { callExpectingSuccess } from '../lib/records/subRecords';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact to enroll in the workflow.' }),
  workflowIdField,
  {
    key: 'eventStartTime',
    label: 'Event Start Time',
    type: 'datetime',
    required: false,
    helpText:
      "When the workflow's first event should run for this contact. Left empty, the workflow starts right away.",
  },
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const workflowId = requireId('workflowId', bundle.inputData.workflowId);
  const eventStartTime = normalizeDateTime('Event Start Time', bundle.inputData.eventStartTime);
  await callExpectingSuccess(
    z,
    {
      method: 'POST',
      path: '/contacts/{contactId}/workflow/{workflowId}',
      pathParams: { contactId, workflowId },
      body: compact({ eventStartTime }),
    },
    'add the contact to the workflow',
  );
  return membershipResult('added', contactId, { workflowId, eventStartTime: eventStartTime ?? '' });
};

export default defineCreate({
  key: 'add_contact_to_workflow' as const,
  noun: 'Workflow',
  display: {
    label: 'Add Contact to Workflow',
    description: 'Adds a contact to a workflow, optionally starting it at a set time.',
  },
  operation: {
    perform,
    inputFields,
    sample: membershipSample('added', {
      workflowId: membershipSampleIds.workflowId,
      eventStartTime: '2026-11-26T15:30:00.000Z',
    }),
    outputFields: membershipOutputFields('added', [
      workflowIdOutputField,
      { key: 'eventStartTime', label: 'Event Start Time', type: 'datetime' },
    ]),
  },
});
