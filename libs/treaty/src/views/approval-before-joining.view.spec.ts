import { describe, expect, it } from '@jest/globals';
import { approved, consented, recorded, registeredMultilateral, retracted, uuid } from '../testing';
import { treatyStatusView } from './treaty-status.view';
import { treatyTimelineView } from './treaty-timeline.view';

describe("decision 0070, a chamber's approval of joining before the state's consent", () => {
  const convention = registeredMultilateral({ parties: ['AT', 'BE'] });
  const dumaApproval = approved(uuid(2), 'RU', 'State Duma', '2025-04-10');

  it('is on the timeline, and leaves the parties, their statuses and the treaty status as they were', () => {
    const without = treatyStatusView(recorded([convention]))!;
    const view = treatyStatusView(recorded([convention, dumaApproval]))!;
    expect(view.parties).toEqual(['AT', 'BE']);
    expect(Object.keys(view.ratification)).toEqual(['AT', 'BE']);
    expect(view.status).toBe(without.status);
    expect(view.joining).toEqual({
      RU: [expect.objectContaining({ type: 'legislative-approval', body: 'State Duma', occurredOn: '2025-04-10' })],
    });
    expect(without.joining).toEqual({});
    const timeline = treatyTimelineView(recorded([convention, dumaApproval]))!;
    expect(timeline.items).toEqual([expect.objectContaining({ type: 'legislative-approval', party: 'RU' })]);
  });

  it("starts the state's path once its consent is on record", () => {
    const view = treatyStatusView(
      recorded([convention, dumaApproval, consented(uuid(3), 'RU', 'accession', '2025-05-20')]),
    )!;
    expect(view.parties).toEqual(['AT', 'BE', 'RU']);
    expect(view.ratification['RU']).toMatchObject({ status: 'completed', original: false });
    expect(view.ratification['RU']!.steps.map((step) => [step.type, step.occurredOn])).toEqual([
      ['legislative-approval', '2025-04-10'],
      ['consent-to-be-bound', '2025-05-20'],
    ]);
    expect(view.joining).toEqual({});
  });

  it("lists a state's steps there again once its joining is retracted", () => {
    const view = treatyStatusView(
      recorded([convention, dumaApproval, consented(uuid(3), 'RU', 'accession', '2025-05-20'), retracted(uuid(3))]),
    )!;
    expect(view.parties).toEqual(['AT', 'BE']);
    expect(view.joining['RU']!.map((step) => step.type)).toEqual(['legislative-approval']);
  });
});
