// Complete Task: PUT /contacts/{contactId}/tasks/{taskId}/completed ({ completed } → { task }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevel } from '../lib/http/client';
import { contactIdField, taskIdField } from '../lib/inputs/fields';
import { normalizeBoolean } from '../lib/inputs/normalise';
import { requireId } from '../lib/http/paths';
import { taskOutput, taskOutputFields, taskResponseSchema, taskSample } from '../lib/records/tasks';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the task belongs to.' }),
  taskIdField,
  {
    key: 'completed',
    label: 'Mark as Completed',
    type: 'boolean',
    required: false,
    default: 'true',
    helpText: 'Yes (the default) marks the task as completed; No reopens a completed task.',
  },
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const taskId = requireId('taskId', bundle.inputData.taskId);
  const completed = normalizeBoolean('Mark as Completed', bundle.inputData.completed) ?? true;
  const { task } = await callHighLevel(
    z,
    {
      method: 'PUT',
      path: '/contacts/{contactId}/tasks/{taskId}/completed',
      pathParams: { contactId, taskId },
      body: { completed },
    },
    taskResponseSchema,
  );
  return taskOutput(task, contactId);
};

export default defineCreate({
  key: 'complete_task' as const,
  noun: 'Task',
  display: {
    label: 'Complete Task',
    description: "Completes a contact's task, or reopens it when Mark as Completed is No.",
  },
  operation: {
    perform,
    inputFields,
    sample: { ...taskSample, completed: true },
    outputFields: [...taskOutputFields],
  },
});
