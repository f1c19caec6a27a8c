// Add Tags to Contact and Remove Tags from Contact: both send the chosen tags as `{ tags }` to the
// contact's tags endpoint, and HighLevel answers with the tags the contact has afterwards.
import type { ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel } from '../http/client';

const tagsResponseSchema = zod.looseObject({ tags: zod.array(zod.string()).default([]) });

type TagsChange = 'tagsAdded' | 'tagsRemoved';

/**
 * Sends `tags` to `endpoint`, its `{contactId}` filled, and returns the contact, the tags
 * requested (under `change`) and the tags it has now. HighLevel answers only with the tags the
 * contact has afterwards, not the ones it had before, so which requested tags really changed
 * cannot be told without another request: the output labels say "Requested".
 */
export const changeContactTags = async <K extends TagsChange>(
  z: ZObject,
  { contactId, tags: sent }: { contactId: string; tags: string[] },
  change: K,
  endpoint: { method: 'POST' | 'DELETE'; path: string },
) => {
  const { tags } = await callHighLevel(
    z,
    { ...endpoint, pathParams: { contactId }, body: { tags: sent } },
    tagsResponseSchema,
  );
  const requested = { [change]: sent } as Record<K, string[]>;
  return { id: contactId, contactId, ...requested, tags, tagsText: tags.join(', ') };
};
