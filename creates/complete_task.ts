// Complete Task: PUT /contacts/{contactId}/tasks/{taskId}/completed ({ completed } → { task }).
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevel } from '../lib/http/client';
import { contactIdInput, taskIdInput, yesNoInput } from '../lib/inputs/fields';
import { taskOutput, taskOutputFields, taskResponseSchema, taskSample } from '../lib/records/tasks';

const inputs = [
  contactIdInput('The contact the task belongs to.'),
  taskIdInput(),
  yesNoInput(
    'completed',
    'Mark as Completed',
    'Yes (the default) marks the task as completed; No reopens a completed task.',
    true,
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = (async (z, bundle) => {
  const { contactId, taskId, completed = true } = parseInputs(inputs, bundle);
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
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

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
