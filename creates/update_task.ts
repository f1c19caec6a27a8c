// Update Task: PUT /contacts/{contactId}/tasks/{taskId} (UpdateTaskBody → { task }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevel } from '../lib/http/client';
import { contactIdField, taskIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';
import { taskInputFields, taskWriteBody } from '../lib/records/taskInputs';
import { taskOutput, taskOutputFields, taskResponseSchema, taskSample } from '../lib/records/tasks';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the task belongs to.' }),
  taskIdField,
  ...taskInputFields('update'),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const taskId = requireId('taskId', bundle.inputData.taskId);
  const body = taskWriteBody('update', bundle.inputData);
  const { task } = await callHighLevel(
    z,
    {
      method: 'PUT',
      path: '/contacts/{contactId}/tasks/{taskId}',
      pathParams: { contactId, taskId },
      body,
    },
    taskResponseSchema,
  );
  return taskOutput(task, contactId);
};

export default defineCreate({
  key: 'update_task' as const,
  noun: 'Task',
  display: {
    label: 'Update Task',
    description: "Updates a contact's task; only the fields you fill are changed.",
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: [...taskOutputFields] },
});
