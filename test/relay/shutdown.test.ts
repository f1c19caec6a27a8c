// Shutdown finishes the deliveries in flight: a relay closed while its subscriber still holds a
// delivery's POST waits for the answer and records the delivery done, so that the relay started
// again on the same data delivers it no second time.
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import { startRelay } from '../../relay';
import { contactBody } from './support/events';
import { deliveryStates } from './support/deliveryJobs';
import { LOCATION, startRelayHarness, tempDir, testSettings } from './support/relayHarness';
import { until } from './support/sandboxSender';
import { highlevelEvent } from './support/signing';

const HOLD_MS = 1_000;

/** A hook receiver that answers each POST 200 only after holding it for HOLD_MS. */
async function startSlowReceiver() {
  const receiver = { arrived: [] as string[], answered: [] as string[], url: '' };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { webhookId } = JSON.parse(Buffer.concat(chunks).toString()) as { webhookId: string };
      receiver.arrived.push(webhookId);
      setTimeout(() => {
        response.writeHead(200).end(() => receiver.answered.push(webhookId));
      }, HOLD_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { receiver, close };
}

describe('shutdown', () => {
  it('finishes a delivery in flight and records it delivered', async () => {
    const dataDir = tempDir('relay-shutdown-');
    const slow = await startSlowReceiver();
    const h = await startRelayHarness({ dataDir });
    try {
      await h.install();
      const subscribed = await h.subscribe({
        targetUrl: `${slow.receiver.url}/held`,
        event: 'ContactCreate',
        locationId: LOCATION,
      });
      expect(subscribed.status).toBe(201);
      const event = highlevelEvent({ type: 'ContactCreate', ...contactBody(LOCATION) });
      expect((await h.send(event)).status).toBe(200);
      await until(() => slow.receiver.arrived.length === 1, 'the delivery to arrive', 10_000);

      const closing = Date.now();
      await h.relay.close();
      // It waited for the held POST's answer rather than dropping it.
      expect(slow.receiver.answered).toEqual([event.webhookId]);
      expect(Date.now() - closing).toBeGreaterThanOrEqual(HOLD_MS / 2);

      // Started again on the same data: the delivery is done, and not made again.
      const again = await startRelay(
        testSettings({
          dataDir,
          webhookPublicKey: h.keys.ed25519.publicPem,
          highlevelApiBaseUrl: h.highlevel.url,
        }),
      );
      try {
        expect(await deliveryStates(again.db, { webhookId: event.webhookId as string })).toEqual([
          'delivered',
        ]);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(slow.receiver.arrived).toEqual([event.webhookId]);
      } finally {
        await again.close();
      }
    } finally {
      await h.close();
      await slow.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
