import completedTaskInstant, {
  perform,
  performList,
  performSubscribe,
} from '../../triggers/completed_task_instant';
import { bundleWith, highLevel, LOCATION_ID, testerFor, USER_ID } from '../support/app';
import {
  apiContact,
  CONTACT_ID,
  deliveryBundle,
  envelope,
  expectSubscription,
  subscribeBundle,
} from '../support/instant';

const appTester = testerFor('triggers', completedTaskInstant);
const apiTask = {
  id: 'task1',
  title: 'Call back',
  body: 'About the invoice',
  assignedTo: USER_ID,
  dueDate: '2026-12-05T15:30:00.000Z',
  contactId: CONTACT_ID,
};

describe('completed_task_instant', () => {
  it('subscribes to TaskComplete', async () => {
    const scope = expectSubscription('TaskComplete', {});
    await appTester(performSubscribe, subscribeBundle());
    expect(scope.isDone()).toBe(true);
  });

  it('returns the task completed, in Task Completed’s shape', async () => {
    const [task] = await appTester(
      perform,
      deliveryBundle({ type: 'TaskComplete', locationId: LOCATION_ID, ...apiTask, ...envelope() }),
    );
    expect(task).toEqual({ ...apiTask, dueDate: '2026-12-05T15:30:00.000Z', completed: true });
  });

  it('lists only completed tasks for the editor', async () => {
    highLevel()
      .post('/contacts/search')
      .reply(200, { contacts: [apiContact] });
    highLevel()
      .get(`/contacts/${CONTACT_ID}/tasks`)
      .reply(200, {
        tasks: [
          { ...apiTask, completed: true },
          { ...apiTask, id: 'open1', completed: false },
        ],
      });
    const results = await appTester(performList, bundleWith());
    expect(results.map((task) => [task.id, task.completed])).toEqual([['task1', true]]);
  });
});
