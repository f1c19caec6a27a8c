// Find Task: GET /contacts/{contactId}/tasks (HighLevel has no task search per contact), matched
// here by title: the exact title first, then titles that contain it.
import { defineInputFields, defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callHighLevelOrNull } from '../lib/http/client';
import { invalidInput } from '../lib/http/errors';
import { contactIdField } from '../lib/inputs/fields';
import { optionalText, requireText } from '../lib/inputs/normalise';
import { rankByText } from '../lib/matching';
import { requireId } from '../lib/http/paths';
import {
  taskOutput,
  taskOutputFields,
  taskSample,
  tasksResponseSchema,
} from '../lib/records/tasks';

const STATUSES = { any: undefined, completed: true, open: false } as const;
type Status = keyof typeof STATUSES;

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact whose tasks are searched.' }),
  {
    key: 'title',
    label: 'Title',
    type: 'string',
    required: true,
    helpText:
      'Any capitalisation. A task with exactly this title comes first, then tasks whose title contains it.',
  },
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
]);

/** The status choice → the task's `completed` value, or undefined for any. */
const completedOf = (value: unknown): boolean | undefined => {
  const status = optionalText(value)?.toLowerCase() ?? 'any';
  if (!Object.hasOwn(STATUSES, status)) {
    throw invalidInput(
      'Status',
      `"${String(value)}" is not a status (expected any, open or completed).`,
    );
  }
  return STATUSES[status as Status];
};

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const title = requireText('Title', bundle.inputData.title);
  const completed = completedOf(bundle.inputData.completed);
  const found = await callHighLevelOrNull(
    z,
    { path: '/contacts/{contactId}/tasks', pathParams: { contactId } },
    tasksResponseSchema,
  );
  const tasks = (found?.tasks ?? []).filter(
    (task) => completed === undefined || (task.completed ?? false) === completed,
  );
  return rankByText(tasks, title, (task) => task.title).map((task) => taskOutput(task, contactId));
};

export default defineSearch({
  key: 'find_task' as const,
  noun: 'Task',
  display: {
    label: 'Find Task',
    description: "Finds a contact's task by its title, optionally only open or completed tasks.",
  },
  operation: { perform, inputFields, sample: taskSample, outputFields: [...taskOutputFields] },
});
