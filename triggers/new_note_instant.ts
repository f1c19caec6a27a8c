// New Note (Instant): HighLevel's NoteCreate in any contact of the sub-account, delivered by the
// webhook relay. Same output as New Note (the note read back in one request fills what the event
// leaves out).
import { defineTrigger } from 'zapier-platform-core';
import newNote from './new_note';
import { performDelivery } from '../lib/instant/deliveries';
import { noteOfDelivery, recentNotes } from '../lib/instant/notes';
import { filterFieldsOf, type FilterInput } from '../lib/instant/events';
import { subscribeTo, unsubscribe } from '../lib/instant/relay';

const filters: FilterInput[] = [];

export const performSubscribe = subscribeTo('NoteCreate', filters);
export const performUnsubscribe = unsubscribe;
export const perform = performDelivery('NoteCreate', async (z, _bundle, delivery) => [
  await noteOfDelivery(z, delivery),
]);
export const performList = recentNotes;

export default defineTrigger({
  key: 'new_note_instant' as const,
  noun: 'Note',
  display: {
    label: 'New Note (Instant)',
    description: 'Triggers when a note is added to any contact in the sub-account, within seconds.',
  },
  operation: {
    type: 'hook',
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    inputFields: filterFieldsOf(filters),
    sample: newNote.operation.sample,
    outputFields: newNote.operation.outputFields,
  },
});
