// Find Task by ID: GET /contacts/{contactId}/tasks/{taskId}. No such task → no result, not an error.
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevelOrNull } from '../lib/http/client';
import { contactIdInput, taskIdInput } from '../lib/inputs/fields';
import { taskOutput, taskOutputFields, taskResponseSchema, taskSample } from '../lib/records/tasks';

const inputs = [contactIdInput('The contact the task belongs to.'), taskIdInput()] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = (async (z, bundle) => {
  const { contactId, taskId } = parseInputs(inputs, bundle);
  const found = await callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}/tasks/{taskId}', pathParams: { contactId, taskId } },
    taskResponseSchema,
  );
  return found ? [taskOutput(found.task, contactId)] : [];
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'get_task' as const,
  noun: 'Task',
  display: {
    label: 'Find Task by ID',
    description: "Finds one of a contact's tasks by its HighLevel ID.",
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: [...taskOutputFields] },
});
