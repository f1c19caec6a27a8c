// Add Followers to Contact and Remove Followers from Contact: both send `{ followers }` to the
// contact's followers endpoint, which answers alike ({ followers, followersAdded | followersRemoved }).
import type { ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel } from '../http/client';

const userIds = zod.array(zod.string()).default([]);

const followersResponseSchema = zod.looseObject({
  followers: userIds,
  followersAdded: userIds,
  followersRemoved: userIds,
});

type FollowersChange = 'followersAdded' | 'followersRemoved';

/**
 * Sends `followers` to `endpoint`, its `{contactId}` filled, and returns the contact, the followers
 * HighLevel reports as changed (under `change`) and who follows it now.
 */
export const changeContactFollowers = async <K extends FollowersChange>(
  z: ZObject,
  { contactId, followers }: { contactId: string; followers: string[] },
  change: K,
  endpoint: { method: 'POST' | 'DELETE'; path: string },
) => {
  const response = await callHighLevel(
    z,
    { ...endpoint, pathParams: { contactId }, body: { followers } },
    followersResponseSchema,
  );
  const changed = { [change]: response[change] } as Record<K, string[]>;
  return { id: contactId, contactId, ...changed, followers: response.followers };
};

/** What both followers actions return besides the list of followers added or removed. */
export const followersSample = {
  id: 'seD4PfOuKoVMLkEZqohJ',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  followers: ['sx6wyHhbFdRXh302Lunr'],
};
