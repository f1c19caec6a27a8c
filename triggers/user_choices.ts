// User dropdown: GET /users/search?companyId&locationId&skip&limit, one page per "load more".
// Inputs show `name`, so it carries the email too: two users may share a name. The endpoint needs
// the company (agency) id; for a connection without one (HighLevel's token answer need not carry
// it) the sub-account says which (GET /locations/{locationId}, a scope the app has). The
// location-scoped GET /users/?locationId is deprecated and pages nothing, so it is not used.
import type { Bundle, ZObject } from 'zapier-platform-core';
import * as zod from 'zod';
import { callHighLevel, locationIdOf } from '../lib/http/client';
import { DROPDOWN_PAGE_SIZE, dropdownTrigger, personLabel, skipOf } from '../lib/inputs/dropdowns';
import { uniqueById } from '../lib/uniqueById';
import { invalidInput } from '../lib/http/errors';
import { locationResponseSchema } from '../lib/records/location';

/** Users per dropdown page. */

const responseSchema = zod.looseObject({
  users: zod
    .array(
      zod.looseObject({
        id: zod.string(),
        name: zod.string().nullish(),
        firstName: zod.string().nullish(),
        lastName: zod.string().nullish(),
        email: zod.string().nullish(),
      }),
    )
    .default([]),
});

/** The connection's company id, else the one its sub-account belongs to. */
const companyIdOf = async (z: ZObject, bundle: Bundle, locationId: string): Promise<string> => {
  if (bundle.authData.companyId) return bundle.authData.companyId;
  const { location } = await callHighLevel(
    z,
    { path: '/locations/{locationId}', pathParams: { locationId } },
    locationResponseSchema,
  );
  if (!location.companyId) {
    throw invalidInput(
      'connection',
      'HighLevel did not say which company (agency) this sub-account belongs to, and users are listed per company. Reconnect HighLevel, or map a user ID from an earlier step instead.',
    );
  }
  return location.companyId;
};

export const perform = async (z: ZObject, bundle: Bundle) => {
  const locationId = locationIdOf(bundle);
  const companyId = await companyIdOf(z, bundle, locationId);
  const { users } = await callHighLevel(
    z,
    {
      path: '/users/search',
      query: {
        companyId,
        locationId,
        skip: skipOf(bundle, DROPDOWN_PAGE_SIZE),
        limit: String(DROPDOWN_PAGE_SIZE),
      },
    },
    responseSchema,
  );
  return uniqueById(
    users.map((user) => {
      const fullName = user.name || [user.firstName, user.lastName].filter(Boolean).join(' ');
      return {
        id: user.id,
        name: personLabel({ name: fullName, email: user.email, id: user.id }),
        firstName: user.firstName ?? '',
        lastName: user.lastName ?? '',
        email: user.email ?? '',
      };
    }),
  );
};

export default dropdownTrigger({
  key: 'user_choices' as const,
  noun: 'User',
  perform,
  canPaginate: true,
});
