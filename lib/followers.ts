// The followers endpoints answer alike ({ followers, followersAdded | followersRemoved }).
import { z as zod } from 'zod';

const userIds = zod.array(zod.string()).default([]);

export const followersResponseSchema = zod.looseObject({
  followers: userIds,
  followersAdded: userIds,
  followersRemoved: userIds,
});

/** What both followers actions return besides the list of followers added or removed. */
export const followersSample = {
  id: 'seD4PfOuKoVMLkEZqohJ',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  followers: ['sx6wyHhbFdRXh302Lunr'],
};
