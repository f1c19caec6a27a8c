// Notes of a contact (the path parameter is `id`, not `noteId`). Lists are newest first.
// A note write does not touch() its contact, for the reason given in tasks.ts: no evidence that
// HighLevel moves the contact's dateUpdated for it.
import { newId } from '../model/ids';
import { noteResponse } from '../model/shapes';
import { nowIso } from '../model/timestamps';
import { NoteRecord } from '../model/types';
import { noteEvent } from '../webhooks/payloads';
import { created, Handler, HandlerContext, loadContact, loadOwned, ok } from './context';

interface NoteBody {
  body?: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
}

function loadNote(ctx: HandlerContext): NoteRecord {
  const contact = loadContact(ctx, ctx.params.contactId);
  const note = ctx.store.notes.get(ctx.params.id ?? '');
  return loadOwned(
    ctx,
    note?.contactId === contact.id ? note : undefined,
    'Note',
    contact.locationId,
  );
}

const listNotes: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const notes = ctx.store.notesByContact
    .of(contact.id)
    .map((id) => ctx.store.notes.get(id)!)
    .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded) || (a.id < b.id ? 1 : -1));
  return ok({ notes: notes.map(noteResponse) });
};

const createNote: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const body = ctx.body as NoteBody;
  const note: NoteRecord = {
    id: newId(),
    contactId: contact.id,
    locationId: contact.locationId,
    body: body.body!,
    userId: body.userId ?? null,
    title: body.title ?? null,
    color: body.color ?? null,
    pinned: body.pinned ?? false,
    dateAdded: nowIso(),
  };
  ctx.store.putNote(note);
  ctx.store.changed();
  ctx.webhooks.emit(noteEvent('NoteCreate', note));
  return created({ note: noteResponse(note) });
};

const getNote: Handler = (ctx) => ok({ note: noteResponse(loadNote(ctx)) });

const updateNote: Handler = (ctx) => {
  const note = loadNote(ctx);
  const body = ctx.body as NoteBody;
  if (body.body !== undefined) note.body = body.body;
  if (body.userId !== undefined) note.userId = body.userId;
  if (body.title !== undefined) note.title = body.title;
  if (body.color !== undefined) note.color = body.color;
  if (body.pinned !== undefined) note.pinned = body.pinned;
  ctx.store.changed();
  ctx.webhooks.emit(noteEvent('NoteUpdate', note));
  return ok({ note: noteResponse(note) });
};

const deleteNote: Handler = (ctx) => {
  const note = loadNote(ctx);
  ctx.store.notes.delete(note.id);
  ctx.store.notesByContact.remove(note.contactId, note.id);
  ctx.store.changed();
  ctx.webhooks.emit(noteEvent('NoteDelete', note));
  return ok({ succeded: true });
};

export const noteRoutes: Record<string, Handler> = {
  'get-all-notes': listNotes,
  'create-note': createNote,
  'get-note': getNote,
  'update-note': updateNote,
  'delete-note': deleteNote,
};
