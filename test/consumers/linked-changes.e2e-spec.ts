import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, fixedClock, post } from '../support/treaty-requests';

/** A treaty whose registration states that it builds on RU_IR: one event that changes what RU_IR's views show. */
const BUILDS_ON = {
  id: 'ru-ir-information-security',
  title: 'Agreement on cooperation in international information security',
  parties: ['RU', 'IR'],
  category: 'security',
  relations: [{ type: 'builds-on', treatyId: RU_IR.id }],
};

interface Page {
  readonly items: { id: string; relations: unknown[] }[];
  readonly nextCursor: string | null;
  readonly changedUpTo: string;
}

const changedSince = async (subject: TestApp, position: string, query = ''): Promise<Page> =>
  (await request(subject.http).get(`/treaties?changedSince=${position}${query}`).expect(200)).body as Page;

/** The raw SSE messages of a stream until `count` have come (ids included or not, as sent). */
async function sseMessages(url: string, count: number, lastEventId?: string): Promise<string[]> {
  const controller = new AbortController();
  const response = await fetch(url, {
    signal: controller.signal,
    headers: lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId },
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const deadline = setTimeout(() => controller.abort(), 5_000);
  try {
    for (;;) {
      const messages = text.split('\n\n').filter((message) => message.includes('data: '));
      if (messages.length >= count) return messages.map((message) => message.trim());
      const { value, done } = await reader.read();
      if (done) return messages;
      text += value;
    }
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
}

const idAndTreaty = (message: string) => ({
  id: /^id: (\d+)$/m.exec(message)?.[1],
  treatyId: (JSON.parse(/^data: (.*)$/m.exec(message)![1]!) as { id: string }).id,
});

describe("what another treaty records about a treaty reaches sync and live at that record's position", () => {
  let subject: TestApp;
  let base: string;
  let before: string;
  let at: string;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await subject.app.listen(0, '127.0.0.1');
    base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    before = (await post(subject.http, '/treaties', RU_IR).expect(201)).body.position as string;
    at = (await post(subject.http, '/treaties', BUILDS_ON).expect(201)).body.position as string;
  });
  afterAll(() => subject.close());

  it('lists the named treaty as changed, with what the other records, in the same page however small', async () => {
    const page = await changedSince(subject, before, '&limit=1');
    expect(page.items.map((treaty) => treaty.id).sort()).toEqual([BUILDS_ON.id, RU_IR.id].sort());
    expect(page.items.find((treaty) => treaty.id === RU_IR.id)?.relations).toEqual([
      { type: 'built-on-by', treatyId: BUILDS_ON.id, direction: 'incoming' },
    ]);
    expect(page).toMatchObject({ nextCursor: null, changedUpTo: at });
    expect((await changedSince(subject, at)).items).toEqual([]);
  });

  it('sends it live, and only the last message at the position carries it as id', async () => {
    const messages = (await sseMessages(`${base}/live`, 2, before)).map(idAndTreaty);
    // Same position, in treaty id order: the first carries no id, so a client cut off between the two resumes
    // before the position and gets both again rather than skip one.
    expect(messages).toEqual([
      { id: undefined, treatyId: RU_IR.id },
      { id: at, treatyId: BUILDS_ON.id },
    ]);
    expect(await sseMessages(`${base}/treaties/${RU_IR.id}/live`, 1, before)).toEqual([
      expect.stringContaining(`"relations":[{"type":"built-on-by","treatyId":"${BUILDS_ON.id}"`),
    ]);
  });

  it('sends both to a client that is subscribed when the other treaty records it', async () => {
    const later = { ...BUILDS_ON, id: 'ru-ir-later-agreement', relations: [{ type: 'amends', treatyId: RU_IR.id }] };
    const live = sseMessages(`${base}/live`, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const position = (await post(subject.http, '/treaties', later).expect(201)).body.position as string;
    expect((await live).map(idAndTreaty)).toEqual([
      { id: undefined, treatyId: RU_IR.id },
      { id: position, treatyId: later.id },
    ]);
  });
});
