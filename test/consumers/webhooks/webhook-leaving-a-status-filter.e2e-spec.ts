import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KEYS } from '../../support/api-keys';
import { startTestApp, type TestApp } from '../../support/test-app';
import { dumaApproval, fixedClock, post, signature } from '../../support/treaty-requests';
import { WebhookReceiver, until } from '../../support/webhook-receiver';

const TREATY = { id: 'ru-by-moves-on', title: 'Moves on', parties: ['RU', 'BY'], category: 'security' };
const developments = `/treaties/${TREATY.id}/developments`;

interface Delivered {
  readonly type: string;
  readonly data: { treatyId: string; position: string; status: { status: string } };
}

describe('a webhook filtered by status gets the event that takes a treaty out of it (decision 0050)', () => {
  let subject: TestApp;
  const receiver = new WebhookReceiver();
  beforeAll(async () => {
    await receiver.start();
    subject = await startTestApp(
      { webhooks: { allowPrivateTargets: true, retryBaseMs: 20, maxFailures: 1000, timeoutMs: 2000, leaseMs: 2000 } },
      { clock: fixedClock() },
    );
  });
  afterAll(async () => {
    await subject.close();
    await receiver.stop();
  });

  it('delivers the signature, then the approval that moves the treaty on, and nothing after it', async () => {
    await post(subject.http, '/webhooks', { url: receiver.url, filter: { status: 'signed' } }, KEYS.reader).expect(201);
    await post(subject.http, '/treaties', TREATY).expect(201);
    const signed = await post(subject.http, developments, signature()).expect(201);
    const approved = await post(subject.http, developments, dumaApproval()).expect(201);
    // Already out of the filter: a further approval is no business of this subscription.
    const further = await post(
      subject.http,
      developments,
      dumaApproval({ party: 'BY', body: 'House of Representatives' }),
    ).expect(201);
    await post(subject.http, '/treaties', { ...TREATY, id: 'ru-kz-marker', parties: ['RU', 'KZ'] }).expect(201);
    const marker = await post(subject.http, '/treaties/ru-kz-marker/developments', signature()).expect(201);
    const delivered = () => receiver.acknowledged.map((delivery) => JSON.parse(delivery.body) as Delivered);
    await until(() => delivered().some(({ data }) => data.position === marker.body.position), 10_000, 'the marker');
    expect(delivered().map(({ data }) => [data.treatyId, data.position, data.status.status])).toEqual([
      [TREATY.id, signed.body.position, 'signed'],
      [TREATY.id, approved.body.position, 'ratification-in-progress'],
      ['ru-kz-marker', marker.body.position, 'signed'],
    ]);
    expect(delivered().map(({ data }) => data.position)).not.toContain(further.body.position);
  });
});
