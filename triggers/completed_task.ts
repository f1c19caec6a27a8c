// Task Completed: GET /contacts/{contactId}/tasks for one contact, completed tasks only. Dedupe
// id = task id, so a task fires once when it is first seen completed, and never again: tasks carry
// no completion time, so a task re-opened and completed again looks the same as before.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';
import { contactTasksNewestFirst } from '../lib/polling/contacts';
import { taskOutput, taskOutputFields, taskSample } from '../lib/records/tasks';

const inputFields = defineInputFields([
  contactIdField({
    helpText:
      'The contact whose completed tasks trigger the Zap. Each task fires once, the first time it is completed: a task re-opened and completed again does not fire again.',
  }),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const tasks = await contactTasksNewestFirst(z, contactId);
  return tasks.filter((task) => task.completed === true).map((task) => taskOutput(task, contactId));
};

export default defineTrigger({
  key: 'completed_task' as const,
  noun: 'Task',
  display: {
    label: 'Task Completed',
    description:
      "Triggers when one of a contact's tasks is first marked completed. Task Completed (Instant) watches every contact and fires within seconds.",
  },
  operation: {
    type: 'polling',
    perform,
    inputFields,
    sample: { ...taskSample, completed: true },
    outputFields: [...taskOutputFields],
  },
});
