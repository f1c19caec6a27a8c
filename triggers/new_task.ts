// New Task: GET /contacts/{contactId}/tasks for one contact, the latest created first (see
// contactTasksNewestFirst for why that is the API's order reversed). Dedupe id = task id.
import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactIdField } from '../lib/inputs/fields';
import { requireId } from '../lib/http/paths';
import { contactTasksNewestFirst } from '../lib/polling/contacts';
import { taskOutput, taskOutputFields, taskSample } from '../lib/records/tasks';

const inputFields = defineInputFields([
  contactIdField({ helpText: 'The contact whose new tasks trigger the Zap.' }),
]);

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const tasks = await contactTasksNewestFirst(z, contactId);
  return tasks.map((task) => taskOutput(task, contactId));
};

export default defineTrigger({
  key: 'new_task' as const,
  noun: 'Task',
  display: {
    label: 'New Task',
    description:
      'Triggers when a task is added to a contact. New Task (Instant) watches every contact and fires within seconds.',
  },
  operation: {
    type: 'polling',
    perform,
    inputFields,
    sample: taskSample,
    outputFields: [...taskOutputFields],
  },
});
