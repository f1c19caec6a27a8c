// Tags of one contact, and the bulk tag endpoint with its per-contact results.
import { unprocessable } from '../http/errors';
import { addTags, removeTags } from '../model/contactWrites';
import { ID_PATTERN } from '../model/ids';
import { contactWriteEvents } from '../webhooks/payloads';
import { created, Handler, loadContact, loadLocation, ok } from './context';

interface TagsBody {
  tags: string[];
}

const addContactTags: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const tagsBefore = [...contact.tags];
  addTags(ctx.store, contact, (ctx.body as TagsBody).tags);
  ctx.webhooks.emit(...contactWriteEvents(undefined, contact, tagsBefore));
  return created({ tags: [...contact.tags] });
};

const removeContactTags: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const tagsBefore = [...contact.tags];
  removeTags(ctx.store, contact, (ctx.body as TagsBody).tags);
  ctx.webhooks.emit(...contactWriteEvents(undefined, contact, tagsBefore));
  return ok({ tags: [...contact.tags] });
};

interface BulkTagsBody {
  contacts: string[];
  tags: string[];
  locationId: string;
  removeAllTags?: boolean;
}

/** Partial success is normal: every contact gets its own result, failures count in errorCount. */
const bulkUpdateTags: Handler = (ctx) => {
  const body = ctx.body as BulkTagsBody;
  const type = ctx.params.type as 'add' | 'remove';
  const location = loadLocation(ctx, body.locationId);
  if (body.removeAllTags && type !== 'remove') {
    throw unprocessable(['removeAllTags can only be used with remove type']);
  }
  const responses = body.contacts.map((contactId) => {
    const problem = bulkProblem(ctx, contactId, location.id);
    if (problem) return { contactId, message: problem, type: 'error' };
    const contact = ctx.store.contacts.get(contactId)!;
    const oldTags = [...contact.tags];
    const change =
      type === 'add'
        ? { tagsAdded: addTags(ctx.store, contact, body.tags) }
        : { tagsRemoved: removeTags(ctx.store, contact, body.removeAllTags ? oldTags : body.tags) };
    ctx.webhooks.emit(...contactWriteEvents(undefined, contact, oldTags));
    return { contactId, message: 'Tags updated', type: 'success', oldTags, ...change };
  });
  const errorCount = responses.filter((r) => r.type === 'error').length;
  return created({ succeded: errorCount < responses.length, errorCount, responses });
};

function bulkProblem(
  ctx: Parameters<Handler>[0],
  contactId: string,
  locationId: string,
): string | undefined {
  if (!ID_PATTERN.test(contactId)) return 'contact id is not a valid firebase id';
  if (ctx.store.deletedContacts.has(contactId)) return 'contact is deleted';
  const contact = ctx.store.contacts.get(contactId);
  if (!contact) return 'contact not found';
  if (contact.locationId !== locationId) return 'contact does not belong to location';
  return undefined;
}

export const contactTagRoutes: Record<string, Handler> = {
  'add-tags': addContactTags,
  'remove-tags': removeContactTags,
  'create-association': bulkUpdateTags,
};
