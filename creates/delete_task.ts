// Delete Task: DELETE /contacts/{contactId}/tasks/{taskId} ({ succeded }). Permanent in HighLevel.
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactIdField, taskIdField } from '../lib/inputs/fields';
import {
  deleteContactRecord,
  deletedRecord,
  deletedRecordOutputFields,
} from '../lib/records/subRecords';
import { taskSample } from '../lib/records/tasks';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the task belongs to.' }),
  { ...taskIdField, helpText: `${taskIdField.helpText} Deleting is permanent.` },
]);

export const perform = (z: ZObject, bundle: Bundle) =>
  deleteContactRecord(z, bundle, 'taskId', '/contacts/{contactId}/tasks/{taskId}');

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
