// Remove Contact from Workflow: DELETE /contacts/{contactId}/workflow/{workflowId}
// (required CreateWorkflowDto body, sent empty → { succeded }).
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { contactIdInput, workflowIdInput } from '../lib/inputs/fields';
import {
  changeMembership,
  membershipOutputFields,
  membershipSample,
  membershipSampleIds,
  workflowIdOutputField,
} from '../lib/contacts/membership';

const inputs = [
  contactIdInput('The contact to take out of the workflow.'),
  workflowIdInput,
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  changeMembership(z, 'removed', 'workflowId', parseInputs(inputs, bundle), {
    method: 'DELETE',
    path: '/contacts/{contactId}/workflow/{workflowId}',
    // The spec requires a body here; its only property (eventStartTime) means nothing on removal.
    body: {},
  })) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'remove_contact_from_workflow' as const,
  noun: 'Workflow',
  display: {
    label: 'Remove Contact from Workflow',
    description: 'Removes a contact from a workflow, stopping its remaining steps for the contact.',
  },
  operation: {
    perform,
    inputFields,
    sample: membershipSample('removed', { workflowId: membershipSampleIds.workflowId }),
    outputFields: membershipOutputFields('removed', [workflowIdOutputField]),
  },
});
