// A contact's note as the app returns it (GET/POST/PUT /contacts/{contactId}/notes...).
import * as zod from 'zod';
import { isoDateTime } from '../dates';

export const noteSchema = zod.looseObject({
  id: zod.string(),
  body: zod.string().nullish(),
  title: zod.string().nullish(),
  userId: zod.string().nullish(),
  dateAdded: zod.union([zod.string(), zod.number()]).nullish(),
  contactId: zod.string().nullish(),
  color: zod.string().nullish(),
  pinned: zod.boolean().nullish(),
});
export type Note = zod.infer<typeof noteSchema>;

export const noteResponseSchema = zod.looseObject({ note: noteSchema });
export const notesResponseSchema = zod.looseObject({ notes: zod.array(noteSchema).default([]) });

export const noteOutput = (note: Note, contactId: string) => ({
  id: note.id,
  body: note.body ?? '',
  title: note.title ?? '',
  userId: note.userId ?? '',
  dateAdded: isoDateTime(note.dateAdded) ?? '',
  pinned: note.pinned ?? false,
  // Only when HighLevel returns one: notes without a colour carry no `color` at all.
  ...(note.color ? { color: note.color } : {}),
  contactId: note.contactId || contactId,
});
export type NoteOutput = ReturnType<typeof noteOutput>;

export const noteOutputFields = [
  { key: 'id', label: 'Note ID', type: 'string' },
  { key: 'body', label: 'Note Text', type: 'string' },
  { key: 'title', label: 'Title', type: 'string' },
  { key: 'userId', label: 'Author User ID', type: 'string' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'pinned', label: 'Pinned', type: 'boolean' },
  { key: 'color', label: 'Color', type: 'string' },
  { key: 'contactId', label: 'Contact ID', type: 'string' },
] as const;

export const noteSample: NoteOutput = {
  id: 'ocQHyuzHvysMo5N5VsXc',
  body: 'Prefers morning appointments. Asked about whitening options.',
  title: '',
  userId: 'y0BeYjuRIlDwsDcOHOJo',
  dateAdded: '2026-10-07T11:20:03.121Z',
  pinned: false,
  contactId: 'seD4PfOuKoVMLkEZqohJ',
};
