// What the app's dropdowns and connection label read: location, tags, custom fields, users,
// campaigns, workflows and businesses.
import { notFound } from '../http/errors';
import { customFieldResponse, locationResponse, userResponse } from '../model/shapes';
import { canAccessLocation } from '../auth/guard';
import { Handler, loadLocation, ok, queryString } from './context';

const getLocation: Handler = (ctx) =>
  ok({ location: locationResponse(loadLocation(ctx, ctx.params.locationId)) });

const listTags: Handler = (ctx) => {
  const location = loadLocation(ctx, ctx.params.locationId);
  return ok({ tags: ctx.store.tagsOf(location.id).map((tag) => ({ ...tag })) });
};

const listCustomFields: Handler = (ctx) => {
  const location = loadLocation(ctx, ctx.params.locationId);
  const model = queryString(ctx, 'model') ?? 'all';
  const fields = model === 'opportunity' ? [] : ctx.store.customFieldsOf(location.id);
  return ok({ customFields: fields.map(customFieldResponse) });
};

const getCustomField: Handler = (ctx) => {
  const location = loadLocation(ctx, ctx.params.locationId);
  const field = ctx.store.customFields.get(ctx.params.id ?? '');
  if (!field || field.locationId !== location.id) throw notFound('Custom field');
  return ok({ customField: customFieldResponse(field) });
};

const searchUsers: Handler = (ctx) => {
  const locationId = queryString(ctx, 'locationId');
  const query = queryString(ctx, 'query')?.toLowerCase();
  const skip = Math.max(Number(queryString(ctx, 'skip') ?? 0) || 0, 0);
  const limit = Math.max(Number(queryString(ctx, 'limit') ?? 25) || 25, 1);
  const users = [...ctx.store.users.values()].filter(
    (user) =>
      user.companyId === ctx.grant.companyId &&
      (!locationId || user.locationIds.includes(locationId)) &&
      (ctx.grant.userType === 'Company' || user.locationIds.includes(ctx.grant.locationId ?? '')) &&
      (!query || `${user.firstName} ${user.lastName} ${user.email}`.toLowerCase().includes(query)),
  );
  return ok({ users: users.slice(skip, skip + limit).map(userResponse), count: users.length });
};

const getUser: Handler = (ctx) => {
  const user = ctx.store.users.get(ctx.params.userId ?? '');
  const visible = user?.locationIds.some((id) => canAccessLocation(ctx.store, ctx.grant, id));
  if (!user || !visible) throw notFound('User');
  return ok(userResponse(user));
};

const listCampaigns: Handler = (ctx) => {
  const location = loadLocation(ctx, queryString(ctx, 'locationId'));
  const status = queryString(ctx, 'status');
  const campaigns = [...ctx.store.campaigns.values()].filter(
    (c) => c.locationId === location.id && (!status || c.status === status),
  );
  return ok({ campaigns: campaigns.map((c) => ({ ...c })) });
};

const listWorkflows: Handler = (ctx) => {
  const location = loadLocation(ctx, queryString(ctx, 'locationId'));
  const workflows = [...ctx.store.workflows.values()].filter((w) => w.locationId === location.id);
  return ok({ workflows: workflows.map((w) => ({ ...w })) });
};

const listBusinesses: Handler = (ctx) => {
  const location = loadLocation(ctx, queryString(ctx, 'locationId'));
  const skip = Math.max(Number(queryString(ctx, 'skip') ?? 0) || 0, 0);
  const limit = Math.max(Number(queryString(ctx, 'limit') ?? 100) || 100, 1);
  const businesses = [...ctx.store.businesses.values()].filter((b) => b.locationId === location.id);
  return ok({ businesses: businesses.slice(skip, skip + limit).map((b) => ({ ...b })) });
};

const getBusiness: Handler = (ctx) => {
  const business = ctx.store.businesses.get(ctx.params.businessId ?? '');
  if (!business || !canAccessLocation(ctx.store, ctx.grant, business.locationId))
    throw notFound('Business');
  return ok({ business: { ...business } });
};

export const lookupRoutes: Record<string, Handler> = {
  'get-location': getLocation,
  'get-location-tags': listTags,
  'get-custom-fields': listCustomFields,
  'get-custom-field': getCustomField,
  'search-users': searchUsers,
  'get-user': getUser,
  'get-campaigns': listCampaigns,
  'get-workflow': listWorkflows,
  'get-businesses-by-location': listBusinesses,
  'get-business': getBusiness,
};
