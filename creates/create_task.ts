// Create Task: POST /contacts/{contactId}/tasks (CreateTaskParams → 201 { task }).
import {
  defineCreate,
  defineInputFields,
  type CreatePerform,
  type InferInputData,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevel } from '../lib/http/client';
import { contactIdInput } from '../lib/inputs/fields';
import { taskInputs, taskWriteBody } from '../lib/records/taskInputs';
import { taskOutput, taskOutputFields, taskResponseSchema, taskSample } from '../lib/records/tasks';

const ids = [contactIdInput('The contact the task is about.')] as const;
const inputFields = defineInputFields([...fieldsOf(ids), ...fieldsOf(taskInputs('create'))]);

export const perform = (async (z, bundle) => {
  const { contactId } = parseInputs(ids, bundle);
  const body = taskWriteBody('create', bundle);
  const { task } = await callHighLevel(
    z,
    { method: 'POST', path: '/contacts/{contactId}/tasks', pathParams: { contactId }, body },
    taskResponseSchema,
  );
  return taskOutput(task, contactId);
}) satisfies CreatePerform<InferInputData<typeof inputFields>>;

export default defineCreate({
  key: 'create_task' as const,
  noun: 'Task',
  display: {
    label: 'Create Task',
    description: 'Creates a task on a contact, with a due date and optionally an assigned user.',
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: [...taskOutputFields] },
});
