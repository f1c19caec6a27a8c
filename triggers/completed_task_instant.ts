// Task Completed (Instant): HighLevel's TaskComplete in any contact of the sub-account, delivered
// by the webhook relay. Same output as Task Completed; fires every time a task is completed.
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import completedTask from './completed_task';
import { performDelivery } from '../lib/instant/deliveries';
import { filterFieldsOf, filterInputs } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';
import { recentTasks, taskOfDelivery } from '../lib/instant/tasks';

const filters = [filterInputs.taskAssignedTo];

export const performSubscribe = subscribeTo('TaskComplete', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('TaskComplete', async (z, _bundle, delivery) => [
  await taskOfDelivery(z, delivery, { completed: true }),
]);
export const performList = (z: ZObject, bundle: Bundle) =>
  recentTasks(z, bundle, { completedOnly: true });

export default defineTrigger({
  key: 'completed_task_instant' as const,
  noun: 'Task',
  display: {
    label: 'Task Completed (Instant)',
    description:
      'Triggers when a task of any contact in the sub-account is marked completed, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: completedTask.operation.sample,
    outputFields: completedTask.operation.outputFields,
  },
});
