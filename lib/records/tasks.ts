// A contact's task as the app returns it (GET/POST/PUT /contacts/{contactId}/tasks...).
import * as zod from 'zod';
import { isoDateTime } from '../dates';

export const taskSchema = zod.looseObject({
  id: zod.string(),
  title: zod.string().nullish(),
  body: zod.string().nullish(),
  assignedTo: zod.string().nullish(),
  dueDate: zod.string().nullish(),
  completed: zod.boolean().nullish(),
  contactId: zod.string().nullish(),
});
export type Task = zod.infer<typeof taskSchema>;

export const taskResponseSchema = zod.looseObject({ task: taskSchema });
export const tasksResponseSchema = zod.looseObject({ tasks: zod.array(taskSchema).default([]) });

export const taskOutput = (task: Task, contactId: string) => ({
  id: task.id,
  title: task.title ?? '',
  body: task.body ?? '',
  dueDate: isoDateTime(task.dueDate) ?? '',
  completed: task.completed ?? false,
  assignedTo: task.assignedTo ?? '',
  contactId: task.contactId || contactId,
});
export type TaskOutput = ReturnType<typeof taskOutput>;

export const taskOutputFields = [
  { key: 'id', label: 'Task ID', type: 'string' },
  { key: 'title', label: 'Title', type: 'string' },
  { key: 'body', label: 'Description', type: 'string' },
  { key: 'dueDate', label: 'Due Date', type: 'datetime' },
  { key: 'completed', label: 'Completed', type: 'boolean' },
  { key: 'assignedTo', label: 'Assigned User ID', type: 'string' },
  { key: 'contactId', label: 'Contact ID', type: 'string' },
] as const;

export const taskSample: TaskOutput = {
  id: '8FqzWnZuGQxRr6tVh0mE',
  title: 'Call the patient about the follow-up visit',
  body: 'Confirm the cleaning appointment and the insurance details.',
  dueDate: '2026-11-26T15:30:00.000Z',
  completed: false,
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
};
