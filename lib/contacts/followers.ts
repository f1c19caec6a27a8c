// Add Followers to Contact and Remove Followers from Contact: both send `{ followers }` to the
// contact's followers endpoint, which answers alike ({ followers, followersAdded | followersRemoved }).
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel } from '../http/client';
import { requireList } from '../inputs/normalise';
import { requireId } from '../http/paths';

const userIds = zod.array(zod.string()).default([]);

const followersResponseSchema = zod.looseObject({
  followers: userIds,
  followersAdded: userIds,
  followersRemoved: userIds,
});

type FollowersChange = 'followersAdded' | 'followersRemoved';

/**
 * Sends the Followers input to `endpoint`, its `{contactId}` filled from the Contact input, and
 * returns the contact, the followers HighLevel reports as changed (under `change`) and who follows
 * it now.
 */
export const changeContactFollowers = async <K extends FollowersChange>(
  z: ZObject,
  bundle: Bundle,
  change: K,
  endpoint: { method: 'POST' | 'DELETE'; path: string },
) => {
  const contactId = requireId('contactId', bundle.inputData.contactId);
  const followers = requireList('Followers', bundle.inputData.followers);
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
