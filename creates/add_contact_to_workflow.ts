// Add Contact to Workflow: POST /contacts/{contactId}/workflow/{workflowId}
// (CreateWorkflowDto { eventStartTime? } → { succeded }).
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { contactIdInput, dateTimeInput, workflowIdInput } from '../lib/inputs/fields';
import { compact } from '../lib/inputs/normalise';
import {
  membershipOutputFields,
  membershipResult,
  membershipSample,
  membershipSampleIds,
  workflowIdOutputField,
} from '../lib/contacts/membership';
import { callExpectingSuccess } from '../lib/records/subRecords';

const inputs = [
  contactIdInput('The contact to enroll in the workflow.'),
  workflowIdInput,
  dateTimeInput(
    'eventStartTime',
    'Event Start Time',
    "When the workflow's first event should run for this contact. Left empty, the workflow starts right away.",
    false,
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = (async (z, bundle) => {
  const { contactId, workflowId, eventStartTime } = parseInputs(inputs, bundle);
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
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

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
