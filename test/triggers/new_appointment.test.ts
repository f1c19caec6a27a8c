import newAppointment, { perform } from '../../triggers/new_appointment';
import { bundleWith, failureOf, highLevel, LOCATION_ID, testerFor } from '../support/app';

const appTester = testerFor('triggers', newAppointment);
const CONTACT_ID = 'seD4PfOuKoVMLkEZqohJ';

const event = (id: string, times: { dateAdded?: string; startTime?: string }) => ({
  id,
  calendarId: 'BqTwX8QFwXzpegMve9EQ',
  title: `Visit ${id}`,
  status: 'booked',
  appointmentStatus: 'confirmed',
  startTime: '2026-12-02 15:00:00',
  endTime: '2026-12-02 15:45:00',
  locationId: LOCATION_ID,
  contactId: CONTACT_ID,
  ...times,
});

describe('new_appointment', () => {
  it("lists the contact's appointments, the most recently booked first", async () => {
    highLevel()
      .get(`/contacts/${CONTACT_ID}/appointments`)
      .reply(200, {
        events: [
          event('early', { dateAdded: '2026-11-01T10:00:00.000Z' }),
          event('latest', { dateAdded: '2026-11-20T10:04:11.000Z' }),
          // No booking time: its start time (HighLevel's UTC "YYYY-MM-DD HH:mm:ss") orders it.
          event('unbooked', { startTime: '2026-11-10 09:00:00' }),
        ],
      });

    const results = await appTester(perform, bundleWith({ contactId: CONTACT_ID }));

    expect(results.map((r) => r.id)).toEqual(['latest', 'unbooked', 'early']);
    expect(results[0]).toMatchObject({
      title: 'Visit latest',
      startTime: '2026-12-02T15:00:00.000Z',
      endTime: '2026-12-02T15:45:00.000Z',
      dateAdded: '2026-11-20T10:04:11.000Z',
      contactId: CONTACT_ID,
      locationId: LOCATION_ID,
    });
  });

  it('returns nothing for a contact without appointments', async () => {
    highLevel().get(`/contacts/${CONTACT_ID}/appointments`).reply(200, { events: [] });
    expect(await appTester(perform, bundleWith({ contactId: CONTACT_ID }))).toEqual([]);
  });

  it('requires a contact, before any request', async () => {
    expect((await failureOf(appTester(perform, bundleWith({})))).message).toMatch(
      /Invalid Contact ID/,
    );
  });
});
