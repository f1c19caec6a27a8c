// Delete Task: DELETE /contacts/{contactId}/tasks/{taskId} ({ succeded }). Permanent in HighLevel.
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { contactIdInput, taskIdInput } from '../lib/inputs/fields';
import {
  deleteContactRecord,
  deletedRecord,
  deletedRecordOutputFields,
} from '../lib/records/subRecords';
import { taskSample } from '../lib/records/tasks';

const inputs = [
  contactIdInput('The contact the task belongs to.'),
  taskIdInput(' Deleting is permanent.'),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = ((z, bundle) =>
  deleteContactRecord(
    z,
    'taskId',
    parseInputs(inputs, bundle),
    '/contacts/{contactId}/tasks/{taskId}',
  )) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'delete_task' as const,
  noun: 'Task',
  display: {
    label: 'Delete Task',
    description: 'Deletes a task from a contact permanently.',
  },
  operation: {
    perform,
    inputFields,
    sample: deletedRecord('taskId', taskSample.id, taskSample.contactId),
    outputFields: deletedRecordOutputFields('taskId', 'Task'),
  },
});
