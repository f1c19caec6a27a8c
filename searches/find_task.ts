// Find Task: GET /contacts/{contactId}/tasks (HighLevel has no task search per contact), matched
// here by title: the exact title first, then titles that contain it.
import {
  defineInputFields,
  defineSearch,
  type InferInputData,
  type SearchPerform,
} from 'zapier-platform-core';
import { defineInput, fieldsOf, parseInputs } from '../lib/inputs/declare';
import { callHighLevelOrNull } from '../lib/http/client';
import { invalidInput } from '../lib/http/errors';
import { contactIdInput } from '../lib/inputs/fields';
import { optionalText, requireText } from '../lib/inputs/normalise';
import { rankByText } from '../lib/matching';
import {
  taskOutput,
  taskOutputFields,
  taskSample,
  tasksResponseSchema,
} from '../lib/records/tasks';

const STATUSES = { any: undefined, completed: true, open: false } as const;
type Status = keyof typeof STATUSES;

/** The status choice → the task's `completed` value, or undefined for any. */
const completedOf = (value: unknown, label: string): boolean | undefined => {
  const status = optionalText(label, value)?.toLowerCase() ?? 'any';
  if (!Object.hasOwn(STATUSES, status)) {
    throw invalidInput(
      label,
      `"${String(value)}" is not a status (expected any, open or completed).`,
    );
  }
  return STATUSES[status as Status];
};

const inputs = [
  contactIdInput('The contact whose tasks are searched.'),
  defineInput(
    {
      key: 'title',
      label: 'Title',
      type: 'string',
      required: true,
      helpText:
        'Any capitalisation. A task with exactly this title comes first, then tasks whose title contains it.',
    },
    (value, field) => requireText(field.label, value),
  ),
  defineInput(
    {
      key: 'completed',
      label: 'Status',
      type: 'string',
      required: false,
      default: 'any',
      choices: [
        { value: 'any', label: 'Any', sample: 'any' },
        { value: 'open', label: 'Open', sample: 'open' },
        { value: 'completed', label: 'Completed', sample: 'completed' },
      ],
      helpText: 'Only open or only completed tasks. Leave on Any to search all of them.',
    },
    (value, field) => completedOf(value, field.label),
  ),
] as const;
const inputFields = defineInputFields(fieldsOf(inputs));

export const perform = (async (z, bundle) => {
  const { contactId, title, completed } = parseInputs(inputs, bundle);
  const found = await callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}/tasks', pathParams: { contactId } },
    tasksResponseSchema,
  );
  const tasks = (found?.tasks ?? []).filter(
    (task) => completed === undefined || (task.completed ?? false) === completed,
  );
  return rankByText(tasks, title, (task) => task.title).map((task) => taskOutput(task, contactId));
}) satisfies SearchPerform<InferInputData<typeof inputFields>>;

export default defineSearch({
  key: 'find_task' as const,
  noun: 'Task',
  display: {
    label: 'Find Task',
    description: "Finds a contact's task by its title, optionally only open or completed tasks.",
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: [...taskOutputFields] },
});
