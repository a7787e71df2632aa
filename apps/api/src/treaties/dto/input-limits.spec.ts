import { beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { CLAUSE_LIMITS, INPUT_LIMITS } from '@timeline/treaty';
import { CorrectDevelopmentRequestDto, DevelopmentChangesDto } from './correct-development.request.dto';
import { EntryIntoForceDto } from './entry-into-force.dto';
import { RegisterTreatyRequestDto } from './register-treaty.request.dto';
import { ReportDevelopmentRequestDto } from './report-development.request.dto';
import { RetractDevelopmentRequestDto } from './retract-development.request.dto';
import { SourceDto } from './source.dto';
import { TreatyIdentifiersDto } from './treaty-identifiers.dto';
import { TreatyListQueryDto } from './treaty-list.query.dto';
import { TreatyTimelineQueryDto } from './treaty-timeline.query.dto';
import { VoteCountChangesDto } from './vote-count-changes.dto';
import { VotesDto } from './votes.dto';
import { WithdrawalNoticeDto } from './withdrawal-notice.dto';

/** The domain's limits: on input in general, and on the terms of a treaty's clauses. */
const DOMAIN_LIMITS = {
  ...INPUT_LIMITS,
  instrumentsRequired: CLAUSE_LIMITS.instrumentsRequired,
  clauseDays: CLAUSE_LIMITS.days,
  clauseMonths: CLAUSE_LIMITS.months,
  clauseYears: CLAUSE_LIMITS.years,
} as const;
type Limit = keyof typeof DOMAIN_LIMITS;
type DtoClass = abstract new (...args: never[]) => unknown;

/**
 * Which of the domain's limits each bounded request field must have. A bound on a request field that is missing
 * here fails the last test: a new field takes its limit from the domain, or says here why it has none there.
 */
const EXPECTED: [DtoClass, string, 'maxLength' | 'arrayMaxSize' | 'max', Limit][] = [
  [RegisterTreatyRequestDto, 'title', 'maxLength', 'title'],
  [RegisterTreatyRequestDto, 'parties', 'arrayMaxSize', 'parties'],
  [RegisterTreatyRequestDto, 'depositary', 'maxLength', 'name'],
  [RegisterTreatyRequestDto, 'withdrawalNoticeDays', 'max', 'clauseDays'],
  [RegisterTreatyRequestDto, 'relations', 'arrayMaxSize', 'links'],
  [EntryIntoForceDto, 'instrumentsRequired', 'max', 'instrumentsRequired'],
  [EntryIntoForceDto, 'daysAfter', 'max', 'clauseDays'],
  [EntryIntoForceDto, 'monthsAfter', 'max', 'clauseMonths'],
  [EntryIntoForceDto, 'yearsAfter', 'max', 'clauseYears'],
  [WithdrawalNoticeDto, 'days', 'max', 'clauseDays'],
  [WithdrawalNoticeDto, 'months', 'max', 'clauseMonths'],
  [WithdrawalNoticeDto, 'years', 'max', 'clauseYears'],
  [TreatyIdentifiersDto, 'officialTextUrl', 'maxLength', 'url'],
  [SourceDto, 'publisher', 'maxLength', 'name'],
  [SourceDto, 'url', 'maxLength', 'url'],
  [SourceDto, 'document', 'maxLength', 'reference'],
  [SourceDto, 'quote', 'maxLength', 'quote'],
  [ReportDevelopmentRequestDto, 'body', 'maxLength', 'name'],
  [ReportDevelopmentRequestDto, 'place', 'maxLength', 'name'],
  [ReportDevelopmentRequestDto, 'signatories', 'maxLength', 'name'],
  [ReportDevelopmentRequestDto, 'signatories', 'arrayMaxSize', 'signatories'],
  [ReportDevelopmentRequestDto, 'text', 'maxLength', 'quote'],
  [ReportDevelopmentRequestDto, 'speaker', 'maxLength', 'name'],
  [ReportDevelopmentRequestDto, 'quote', 'maxLength', 'quote'],
  [ReportDevelopmentRequestDto, 'summary', 'maxLength', 'reason'],
  [ReportDevelopmentRequestDto, 'participants', 'arrayMaxSize', 'links'],
  [ReportDevelopmentRequestDto, 'treaties', 'arrayMaxSize', 'links'],
  [ReportDevelopmentRequestDto, 'parties', 'arrayMaxSize', 'links'],
  [DevelopmentChangesDto, 'body', 'maxLength', 'name'],
  [DevelopmentChangesDto, 'place', 'maxLength', 'name'],
  [DevelopmentChangesDto, 'signatories', 'maxLength', 'name'],
  [DevelopmentChangesDto, 'signatories', 'arrayMaxSize', 'signatories'],
  [CorrectDevelopmentRequestDto, 'reason', 'maxLength', 'reason'],
  [RetractDevelopmentRequestDto, 'reason', 'maxLength', 'reason'],
  [VotesDto, 'for', 'max', 'votes'],
  [VotesDto, 'against', 'max', 'votes'],
  [VotesDto, 'abstained', 'max', 'votes'],
  [VoteCountChangesDto, 'for', 'max', 'votes'],
  [VoteCountChangesDto, 'against', 'max', 'votes'],
  [VoteCountChangesDto, 'abstained', 'max', 'votes'],
];

/** Bounds with no counterpart in the domain, and why. */
const HTTP_ONLY: [DtoClass, string, string][] = [
  // The domain checks `type` against its list of types; this only stops a huge string before that.
  [ReportDevelopmentRequestDto, 'type', 'maxLength'],
  // Page sizes of the list and of a timeline, which the domain does not know.
  [TreatyListQueryDto, 'limit', 'max'],
  [TreatyTimelineQueryDto, 'limit', 'max'],
];

const BOUNDS = ['maxLength', 'arrayMaxSize', 'max'];

function boundsOf(target: DtoClass): { property: string; bound: string; value: unknown }[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .filter((metadata) => BOUNDS.includes(metadata.name ?? ''))
    .map((metadata) => ({
      property: metadata.propertyName,
      bound: metadata.name!,
      value: (metadata.constraints as unknown[])[0],
    }));
}

describe("the request DTOs' limits", () => {
  it.each(EXPECTED.map(([target, property, bound, limit]) => [target.name, property, bound, limit, target]))(
    '%s.%s has the %s of the domain’s %s limit',
    (_name, property, bound, limit, target) => {
      const found = boundsOf(target as DtoClass).filter((b) => b.property === property && b.bound === bound);
      expect(found.map((b) => b.value)).toEqual([DOMAIN_LIMITS[limit as Limit]]);
    },
  );

  /** Every class exported by a DTO file of this folder, so that a new DTO is checked without being named here. */
  let requestClasses: DtoClass[] = [];
  beforeAll(async () => {
    const folder = resolve('apps/api/src/treaties/dto'); // jest runs from the repository's root
    const files = readdirSync(folder).filter((file) => file.endsWith('.dto.ts'));
    const modules = await Promise.all(files.map((file) => import(`./${file.replace(/\.ts$/, '')}`)));
    requestClasses = modules.flatMap((module: Record<string, unknown>) =>
      Object.values(module).filter((value): value is DtoClass => typeof value === 'function'),
    );
  });

  it('are all listed above: none is written out on its own', () => {
    const targets = new Set(requestClasses);
    expect(targets.size).toBeGreaterThanOrEqual(7);
    const listed = new Set([
      ...EXPECTED.map(([target, property, bound]) => `${target.name}.${property}:${bound}`),
      ...HTTP_ONLY.map(([target, property, bound]) => `${target.name}.${property}:${bound}`),
    ]);
    const found = [...targets].flatMap((target) =>
      boundsOf(target).map(({ property, bound }) => `${target.name}.${property}:${bound}`),
    );
    expect(found.filter((key) => !listed.has(key))).toEqual([]);
  });
});
