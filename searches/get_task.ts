// Find Task by ID: GET /contacts/{contactId}/tasks/{taskId}. No such task → no result, not an error.
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevelOrNull } from '../lib/http/client';
import { contactIdField, taskIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';
import { taskOutput, taskOutputFields, taskResponseSchema, taskSample } from '../lib/records/tasks';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the task belongs to.' }),
  taskIdField,
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const taskId = requireId('taskId', bundle.inputData.taskId);
  const found = await callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}/tasks/{taskId}', pathParams: { contactId, taskId } },
    taskResponseSchema,
  );
  return found ? [taskOutput(found.task, contactId)] : [];
};

export default defineSearch({
  key: 'get_task' as const,
  noun: 'Task',
  display: {
    label: 'Find Task by ID',
    description: "Finds one of a contact's tasks by its HighLevel ID.",
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: [...taskOutputFields] },
});
