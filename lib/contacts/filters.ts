// The optional filters of the location-wide contact triggers (New Contact, Updated Contact).
import { defineInputField } from 'zapier-platform-core';
import { invalidInput } from '../http/errors';
import { optionalText } from '../inputs/normalise';

/** HighLevel's free-text search accepts at most 75 characters. */
export const MAX_QUERY_LENGTH = 75;

export const searchQueryOf = (value: unknown): string | undefined => {
  const query = optionalText('Search Text', value);
  if (query && query.length > MAX_QUERY_LENGTH) {
    throw invalidInput(
      'Search Text',
      `HighLevel searches at most ${MAX_QUERY_LENGTH} characters; this has ${query.length}.`,
    );
  }
  return query;
};

export const contactTriggerFilterFields = [
  defineInputField({
    key: 'tag',
    label: 'Only Contacts With Tag',
    type: 'string',
    required: false,
    dynamic: 'tag_choices.name.name',
    helpText: 'Leave empty to watch every contact.',
  }),
  defineInputField({
    key: 'assignedTo',
    label: 'Only Contacts Assigned To',
    type: 'string',
    required: false,
    dynamic: 'user_choices.id.name',
    helpText: 'Leave empty to watch contacts of every user.',
  }),
  defineInputField({
    key: 'query',
    label: 'Search Text',
    type: 'string',
    required: false,
    helpText:
      'Only contacts matching this text (name, email, phone, company; up to 75 characters).',
  }),
];
