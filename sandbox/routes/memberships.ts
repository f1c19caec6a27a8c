// What a contact belongs to: appointments (read-only), followers, campaigns, workflows and the
// bulk business assignment. Each write is a write to the contact, so each one touch()es it, as the
// sandbox's brief asks ("dateUpdated moves on every write"). Whether HighLevel itself moves
// dateUpdated when a contact joins a campaign or workflow is not documented: an assumption. For
// the same reason each one emits ContactUpdate, so the webhook agrees with the polling trigger.
import { touch } from '../model/contactWrites';
import { appointmentResponse } from '../model/shapes';
import { ContactRecord } from '../model/types';
import { contactEvent } from '../webhooks/payloads';
import {
  created,
  Handler,
  HandlerContext,
  loadContact,
  loadLocation,
  loadOwned,
  ok,
} from './context';

function contactChanged(ctx: HandlerContext, contact: ContactRecord): void {
  touch(ctx.store, contact);
  ctx.webhooks.emit(contactEvent('ContactUpdate', contact));
}

const listAppointments: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const events = ctx.store.appointmentsByContact
    .of(contact.id)
    .map((id) => ctx.store.appointments.get(id)!)
    .sort((a, b) => a.startTime.localeCompare(b.startTime));
  return ok({ events: events.map(appointmentResponse) });
};

const addFollowers: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const wanted = [...new Set((ctx.body as { followers: string[] }).followers)];
  const followersAdded = wanted.filter((id) => !contact.followers.includes(id));
  contact.followers = [...contact.followers, ...followersAdded];
  contactChanged(ctx, contact);
  return created({ followers: [...contact.followers], followersAdded });
};

const removeFollowers: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  const wanted = new Set((ctx.body as { followers: string[] }).followers);
  const followersRemoved = contact.followers.filter((id) => wanted.has(id));
  contact.followers = contact.followers.filter((id) => !wanted.has(id));
  contactChanged(ctx, contact);
  return ok({ followers: [...contact.followers], followersRemoved });
};

type Membership = 'campaignIds' | 'workflowIds';

/**
 * The contact of the path and the campaign or workflow it names (which must belong to the
 * contact's location); `change` edits the contact's membership list, then the contact is touched.
 */
const changeMembership =
  (
    membership: Membership,
    change: (ids: string[], targetId: string) => string[],
    answer: typeof ok = ok,
  ): Handler =>
  (ctx) => {
    const contact = loadContact(ctx, ctx.params.contactId);
    const target =
      membership === 'campaignIds'
        ? loadOwned(
            ctx,
            ctx.store.campaigns.get(ctx.params.campaignId ?? ''),
            'Campaign',
            contact.locationId,
          )
        : loadOwned(
            ctx,
            ctx.store.workflows.get(ctx.params.workflowId ?? ''),
            'Workflow',
            contact.locationId,
          );
    contact[membership] = change(contact[membership], target.id);
    contactChanged(ctx, contact);
    return answer({ succeded: true });
  };

const join = (ids: string[], id: string) => (ids.includes(id) ? ids : [...ids, id]);
const leave = (ids: string[], id: string) => ids.filter((other) => other !== id);

// HighLevel answers 201 to joining a campaign and 200 to everything else here.
const addToCampaign = changeMembership('campaignIds', join, created);
const removeFromCampaign = changeMembership('campaignIds', leave);
const addToWorkflow = changeMembership('workflowIds', join);
const removeFromWorkflow = changeMembership('workflowIds', leave);

const removeFromAllCampaigns: Handler = (ctx) => {
  const contact = loadContact(ctx, ctx.params.contactId);
  contact.campaignIds = [];
  contactChanged(ctx, contact);
  return ok({ succeded: true });
};

/** `businessId: null` removes the contacts from their business. Unknown ids are skipped. */
const bulkBusiness: Handler = (ctx) => {
  const body = ctx.body as { locationId: string; ids: string[]; businessId: string | null };
  const location = loadLocation(ctx, body.locationId);
  if (body.businessId !== null) {
    loadOwned(ctx, ctx.store.businesses.get(body.businessId), 'Business', location.id);
  }
  const updated: string[] = [];
  for (const id of body.ids) {
    const contact = ctx.store.contacts.get(id);
    if (!contact || contact.locationId !== location.id) continue;
    contact.businessId = body.businessId;
    contactChanged(ctx, contact);
    updated.push(id);
  }
  return ok({ success: true, ids: updated });
};

export const membershipRoutes: Record<string, Handler> = {
  'get-appointments-for-contact': listAppointments,
  'add-followers-contact': addFollowers,
  'remove-followers-contact': removeFollowers,
  'add-contact-to-campaign': addToCampaign,
  'remove-contact-from-campaign': removeFromCampaign,
  'remove-contact-from-every-campaign': removeFromAllCampaigns,
  'add-contact-to-workflow': addToWorkflow,
  'delete-contact-from-workflow': removeFromWorkflow,
  'add-remove-contact-from-business': bulkBusiness,
};
