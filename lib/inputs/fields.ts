// Input fields that many operations share. Every id input is a dropdown fed by a hidden trigger
// (triggers/*_choices.ts) and can still be mapped from an earlier step; contact ids also offer a
// Find Contact search step. Also the id output fields of actions that change one contact.
import { defineInputField, type PlainOutputField } from 'zapier-platform-core';

type IdFieldOptions = { required?: boolean; helpText?: string; label?: string };

export const contactIdField = ({ required = true, helpText, label }: IdFieldOptions = {}) =>
  defineInputField({
    key: 'contactId',
    label: label ?? 'Contact',
    type: 'string',
    required,
    dynamic: 'contact_choices.id.label',
    search: 'find_contact.id',
    // Changing the contact reloads dropdowns that depend on it (its tasks, its notes).
    altersDynamicFields: true,
    helpText:
      helpText ??
      'The contact to use. Choose one, map a contact ID from an earlier step, or add a Find Contact search step.',
  });

export const taskIdField = defineInputField({
  key: 'taskId',
  label: 'Task',
  type: 'string',
  required: true,
  dynamic: 'task_choices.id.title',
  helpText: "One of the chosen contact's tasks, or a task ID mapped from an earlier step.",
});

export const noteIdField = defineInputField({
  key: 'noteId',
  label: 'Note',
  type: 'string',
  required: true,
  dynamic: 'note_choices.id.label',
  helpText: "One of the chosen contact's notes, or a note ID mapped from an earlier step.",
});

export const userIdField = (key: string, label: string, helpText: string, required = false) =>
  defineInputField({
    key,
    label,
    type: 'string',
    required,
    dynamic: 'user_choices.id.name',
    helpText,
  });

export const followersField = defineInputField({
  key: 'followers',
  label: 'Followers',
  type: 'string',
  list: true,
  required: true,
  dynamic: 'user_choices.id.name',
  helpText: 'Users of the sub-account who follow the contact.',
});

export const tagsField = (helpText: string, required = true) =>
  defineInputField({
    key: 'tags',
    label: 'Tags',
    type: 'string',
    list: true,
    required,
    dynamic: 'tag_choices.name.name',
    helpText,
  });

export const campaignIdField = defineInputField({
  key: 'campaignId',
  label: 'Campaign',
  type: 'string',
  required: true,
  dynamic: 'campaign_choices.id.name',
  helpText: 'A campaign of the sub-account, or a campaign ID mapped from an earlier step.',
});

export const workflowIdField = defineInputField({
  key: 'workflowId',
  label: 'Workflow',
  type: 'string',
  required: true,
  dynamic: 'workflow_choices.id.name',
  helpText: 'A workflow of the sub-account, or a workflow ID mapped from an earlier step.',
});

export const businessIdField = (required = true, helpText?: string) =>
  defineInputField({
    key: 'businessId',
    label: 'Business',
    type: 'string',
    required,
    dynamic: 'business_choices.id.name',
    helpText:
      helpText ?? 'A business of the sub-account, or a business ID mapped from an earlier step.',
  });

/**
 * The ids of an action that changes one contact (tags, followers, campaigns, workflows): Zapier
 * wants an `id`, which is the contact's, and `contactId` says so by name. Labels stay distinct so
 * that the editor never offers two fields called the same.
 */
export const changedContactIdOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'ID (Same as Contact ID)', type: 'string' },
  { key: 'contactId', label: 'Contact ID', type: 'string' },
];
