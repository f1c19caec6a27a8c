// Update Task: PUT /contacts/{contactId}/tasks/{taskId} (UpdateTaskBody → { task }).
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevel } from '../lib/http/client';
import { contactIdInput, taskIdInput } from '../lib/inputs/fields';
import { taskInputs, taskWriteBody } from '../lib/records/taskInputs';
import { taskOutput, taskOutputFields, taskResponseSchema, taskSample } from '../lib/records/tasks';

const ids = [contactIdInput('The contact the task belongs to.'), taskIdInput()] as const;
const inputFields = defineInputFields([...fieldsOf(ids), ...fieldsOf(taskInputs('update'))]);

export const perform = (async (z, bundle) => {
  const { contactId, taskId } = parseInputs(ids, bundle);
  const body = taskWriteBody('update', bundle);
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
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'update_task' as const,
  noun: 'Task',
  display: {
    label: 'Update Task',
    description: "Updates a contact's task; only the fields you fill are changed.",
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: [...taskOutputFields] },
});
