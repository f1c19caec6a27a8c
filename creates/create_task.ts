// Create Task: POST /contacts/{contactId}/tasks (CreateTaskParams → 201 { task }).
import { defineCreate, defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevel } from '../lib/http/client';
import { contactIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';
import { taskInputFields, taskWriteBody } from '../lib/records/taskInputs';
import { taskOutput, taskOutputFields, taskResponseSchema, taskSample } from '../lib/records/tasks';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact the task is about.' }),
  ...taskInputFields('create'),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const body = taskWriteBody('create', bundle.inputData);
  const { task } = await callHighLevel(
    z,
    { method: 'POST', path: '/contacts/{contactId}/tasks', pathParams: { contactId }, body },
    taskResponseSchema,
  );
  return taskOutput(task, contactId);
};

export default defineCreate({
  key: 'create_task' as const,
  noun: 'Task',
  display: {
    label: 'Create Task',
    description: 'Creates a task on a contact, with a due date and optionally an assigned user.',
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: [...taskOutputFields] },
});
