// Task events as the task triggers' output. A task event carries every field of the output but
// `completed`, which its type says. TaskCreate may arrive without `contactId` and `body` (a known
// HighLevel bug): with the contact known, one GET of the task fills the description; without it
// nothing can (HighLevel reads a task only through its contact), so both stay empty.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { callHighLevelOrNull } from '../http/client';
import { contactTasksNewestFirst } from '../polling/contacts';
import { taskOutput, taskResponseSchema, taskSchema, type TaskOutput } from '../records/tasks';
import { parseDelivered, type Delivery } from './deliveries';
import { filterInputs, relayFilters } from './events';
import { recordsOfRecentContacts } from './samples';

export const taskOfDelivery = async (
  z: ZObject,
  delivery: Delivery,
  { completed }: { completed: boolean },
): Promise<TaskOutput> => {
  let task = parseDelivered(taskSchema, delivery, delivery);
  const contactId = task.contactId ?? '';
  if (contactId && task.body == null) {
    const found = await callHighLevelOrNull(
      z,
      { path: '/contacts/{contactId}/tasks/{taskId}', pathParams: { contactId, taskId: task.id } },
      taskResponseSchema,
    );
    if (found) task = { ...task, ...found.task };
  }
  return taskOutput({ ...task, completed: completed || task.completed === true }, contactId);
};

/** Recent tasks of recently changed contacts, for the editor; `completedOnly` as it says. */
export const recentTasks = async (
  z: ZObject,
  bundle: Bundle,
  { completedOnly }: { completedOnly: boolean },
): Promise<TaskOutput[]> => {
  const { assignedTo } = relayFilters(bundle, [filterInputs.taskAssignedTo]);
  const found = await recordsOfRecentContacts(
    z,
    bundle,
    (contactId) => contactTasksNewestFirst(z, contactId),
    (task) =>
      (!completedOnly || task.completed === true) &&
      (!assignedTo || task.assignedTo === assignedTo),
  );
  return found.map(({ contactId, record }) => taskOutput(record, contactId));
};
