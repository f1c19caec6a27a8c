// New Task (Instant): HighLevel's TaskCreate in any contact of the sub-account, delivered by the
// webhook relay. Same output as New Task; HighLevel may send TaskCreate without the task's contact
// and description, which then stay empty (lib/instant/tasks.ts).
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import newTask from './new_task';
import { performDelivery } from '../lib/instant/deliveries';
import { filterFieldsOf, filterInputs } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';
import { recentTasks, taskOfDelivery } from '../lib/instant/tasks';

const filters = [filterInputs.taskAssignedTo];

export const performSubscribe = subscribeTo('TaskCreate', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('TaskCreate', async (z, _bundle, delivery) => [
  await taskOfDelivery(z, delivery, { completed: false }),
]);
export const performList = (z: ZObject, bundle: Bundle) =>
  recentTasks(z, bundle, { completedOnly: false });

export default defineTrigger({
  key: 'new_task_instant' as const,
  noun: 'Task',
  display: {
    label: 'New Task (Instant)',
    description: 'Triggers when a task is added to any contact in the sub-account, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: newTask.operation.sample,
    outputFields: newTask.operation.outputFields,
  },
});
