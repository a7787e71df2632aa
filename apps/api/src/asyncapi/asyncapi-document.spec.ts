import { describe, expect, it } from '@jest/globals';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { asyncApiDocument } from './asyncapi-document';

describe('the AsyncAPI document', () => {
  it('is valid AsyncAPI 3 for the official parser, with no errors', async () => {
    const parser = new Parser();
    const diagnostics = await parser.validate(JSON.stringify(asyncApiDocument('localhost:3000', 'http')));
    const errors = diagnostics.filter((diagnostic) => Number(diagnostic.severity) === Number(DiagnosticSeverity.Error));
    expect(errors).toEqual([]);
    const { document } = await parser.parse(JSON.stringify(asyncApiDocument('localhost:3000', 'http')));
    expect(
      document
        ?.channels()
        .all()
        .map((channel) => channel.address()),
    ).toEqual(expect.arrayContaining(['/live', '/treaties/{treatyId}/live', '{path}']));
    expect(document?.operations().all().length).toBe(3);
  });

  it("names every webhook delivery's CloudEvents type, a treaty deleted for good's among them", () => {
    const webhook = (asyncApiDocument('localhost:3000', 'http').channels as Record<string, { messages: object }>)
      .webhook;
    expect(Object.values(webhook!.messages).map((message: { name: string }) => message.name)).toEqual([
      'org.treaty-timeline.treaty.registered',
      'org.treaty-timeline.development.reported',
      'org.treaty-timeline.development.corroborated',
      'org.treaty-timeline.development.corrected',
      'org.treaty-timeline.development.retracted',
      'org.treaty-timeline.treaty.deleted',
      'org.treaty-timeline.treaty.date-came',
    ]);
  });

  it('describes a day’s change of status on both live channels (decision 0039)', () => {
    const channels = asyncApiDocument('localhost:3000', 'http').channels as Record<
      string,
      { messages: Record<string, unknown> }
    >;
    for (const channel of ['live', 'treatyLive']) {
      expect(channels[channel]!.messages['dateCame']).toEqual({ $ref: '#/components/messages/dateCame' });
    }
  });

  it('describes the update that takes a treaty out of a filter by status on /live, which filters by status', () => {
    const channels = asyncApiDocument('localhost:3000', 'http').channels as Record<
      string,
      { messages: Record<string, unknown> }
    >;
    expect(channels['live']!.messages['leftFilter']).toEqual({ $ref: '#/components/messages/leftFilter' });
    expect(channels['treatyLive']!.messages['leftFilter']).toBeUndefined();
  });

  it('is checked by a parser that does report an invalid document', async () => {
    const broken = { ...asyncApiDocument('localhost:3000', 'http'), operations: { x: { action: 'push' } } };
    const diagnostics = await new Parser().validate(JSON.stringify(broken));
    expect(diagnostics.some((diagnostic) => Number(diagnostic.severity) === Number(DiagnosticSeverity.Error))).toBe(
      true,
    );
  });
});
