// Remove Contact from Workflow: DELETE /contacts/{contactId}/workflow/{workflowId}
// (required CreateWorkflowDto body, sent empty → { succeded }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactIdField, workflowIdField } from '../lib/inputs/fields';
import {
  changeMembership,
  membershipOutputFields,
  membershipSample,
  membershipSampleIds,
  workflowIdOutputField,
} from '../lib/contacts/membership';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact to take out of the workflow.' }),
  workflowIdField,
]);

export const perform = (z: ZObject, bundle: Bundle) =>
  changeMembership(z, bundle, 'removed', 'workflowId', {
    method: 'DELETE',
    path: '/contacts/{contactId}/workflow/{workflowId}',
    // The spec requires a body here; its only property (eventStartTime) means nothing on removal.
    body: {},
  });

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
