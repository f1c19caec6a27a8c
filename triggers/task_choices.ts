// Task dropdown: GET /contacts/{contactId}/tasks of the contact chosen in the same form; nothing to
// list (and no request) until a contact is chosen.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { chosenContactId, dropdownTrigger } from '../lib/inputs/dropdowns';
import { contactTasksNewestFirst } from '../lib/polling/contacts';
import { taskOutput } from '../lib/records/tasks';

export const perform = async (z: ZObject, bundle: Bundle) => {
  const contactId = chosenContactId(bundle);
  if (!contactId) return [];
  const tasks = await contactTasksNewestFirst(z, contactId);
  return tasks.map((task) => {
    const output = taskOutput(task, contactId);
    const title = output.title || output.id;
    return { ...output, title, label: output.completed ? `${title} (done)` : title };
  });
};

export default dropdownTrigger({ key: 'task_choices' as const, noun: 'Task', perform });
