// What Create Task and Update Task share: the task fields (HighLevel's own names) and the request
// body built from them. Everything is checked before any request; on update only filled fields
// are sent, so an empty field never blanks out data.
import type { PlainInputField } from 'zapier-platform-core';
import { invalidInput } from '../http/errors';
import { userIdField } from '../inputs/fields';
import {
  compact,
  isBlank,
  normalizeBoolean,
  normalizeDateTime,
  optionalText,
} from '../inputs/normalise';
import { optionalId, requireChanges } from './subRecords';

export type TaskWriteMode = 'create' | 'update';

const KEEP = ' Left empty, the current value is kept.';

export const taskInputFields = (mode: TaskWriteMode): PlainInputField[] => {
  const create = mode === 'create';
  const keep = create ? '' : KEEP;
  return [
    {
      key: 'title',
      label: 'Title',
      type: 'string',
      required: create,
      helpText: `What needs doing, as shown in the contact's task list.${keep}`,
    },
    {
      key: 'dueDate',
      label: 'Due Date',
      type: 'datetime',
      required: create,
      helpText: `When the task is due (date and time).${keep}`,
    },
    {
      key: 'body',
      label: 'Description',
      type: 'text',
      required: false,
      helpText: `Details or instructions for the task.${keep}`,
    },
    userIdField(
      'assignedTo',
      'Assigned To',
      `The user of the sub-account responsible for the task.${keep}`,
    ),
    {
      key: 'completed',
      label: 'Completed',
      type: 'boolean',
      required: false,
      ...(create
        ? { default: 'false', helpText: 'Usually No: set Yes to record a task already done.' }
        : { helpText: `Yes marks the task as completed, No reopens it.${keep}` }),
    },
  ];
};

const requiredValue = (label: string, value: unknown): void => {
  if (isBlank(value)) throw invalidInput(label, 'a value is required.');
};

/** The CreateTaskParams / UpdateTaskBody for the filled fields, or a clear error. */
export const taskWriteBody = (mode: TaskWriteMode, input: Record<string, unknown>) => {
  if (mode === 'create') {
    requiredValue('Title', input.title);
    requiredValue('Due Date', input.dueDate);
  }
  const body = compact({
    title: optionalText(input.title),
    body: optionalText(input.body),
    dueDate: normalizeDateTime('Due Date', input.dueDate),
    completed: normalizeBoolean('Completed', input.completed),
    assignedTo: optionalId('Assigned To', input.assignedTo),
  });
  // HighLevel requires `completed` on create; a new task is open unless the user says otherwise.
  return mode === 'create' ? { completed: false, ...body } : requireChanges('Update Task', body);
};
