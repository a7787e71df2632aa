import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONSENT_TYPES,
  DEVELOPMENT_TYPES,
  LEGISLATIVE_STAGES,
  RECORD_WARNING_CODES,
  TREATY_CATEGORIES,
  TREATY_KINDS,
} from '@timeline/treaty';
import { EntryIntoForceDto } from './entry-into-force.dto';
import { TreatyIdentifiersDto } from './treaty-identifiers.dto';
import { TreatyNotOnRecordDto } from './treaty-not-on-record.response.dto';
import { TREATY_STATUSES } from './treaty-statuses';
import { WithdrawalNoticeDto } from './withdrawal-notice.dto';

/**
 * The status as `GET /treaties/{id}` answers it, for the OpenAPI document only: the domain's TreatyStatusView is
 * the source of truth, this mirrors its shape (bigints as decimal strings). Dates are YYYY-MM-DD, YYYY-MM or YYYY.
 */

const PRECISIONS = ['year', 'month', 'day'];
const date = (description: string) => ({ type: String, nullable: true, example: '2025-06-19', description });

export class PartyConsentDto {
  @ApiProperty({ enum: CONSENT_TYPES })
  type!: string;
  @ApiProperty({ example: '2025-05-20', description: 'The date of deposit, exchange or notification' })
  on!: string;
  @ApiProperty({ enum: PRECISIONS })
  precision!: string;
  @ApiProperty({ format: 'uuid' })
  developmentId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1993-01-01',
    description:
      'A notification of succession: the date of the succession of States, when reported (the party is bound from it); null otherwise',
  })
  successionOn!: string | null;
}

export class ObjectedToByDto {
  @ApiProperty({ example: 'AT' })
  party!: string;
  @ApiProperty({ example: '2025-11-15' })
  on!: string;
  @ApiProperty({ format: 'uuid' })
  developmentId!: string;
}

export class PartyReservationDto {
  @ApiProperty({ format: 'uuid' })
  developmentId!: string;
  @ApiProperty({ type: String, nullable: true })
  text!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-09-01',
    description:
      'For a reservation confirmed on consent, the date of its confirmation (VCLT art. 23(2)); null for an unconfirmed ' +
      'one, formulated at signature and made only when confirmed (see formulatedOn)',
  })
  madeOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true, description: 'Null with madeOn' })
  madeOnPrecision!: string | null;
  @ApiPropertyOptional({
    example: '2025-02-01',
    description: 'A reservation confirmed on consent, or unconfirmed, only: when it was formulated (at signature)',
  })
  formulatedOn?: string;
  @ApiPropertyOptional({
    example: '2025-09-01',
    description: 'A reservation confirmed on consent only: the date of its confirmation',
  })
  confirmedOn?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A reservation confirmed on consent only: the developmentId of the confirmation',
  })
  confirmationId?: string;
  @ApiPropertyOptional({
    type: Boolean,
    description:
      "Present (true) on a reservation formulated before the party's consent to be bound, or while none is on record (at signature), that the record does not show confirmed (VCLT art. 23(2)): listed with formulatedOn and madeOn null, not to be taken as made. Before the party's consent it awaits its confirmation; after it, none is on record",
  })
  unconfirmed?: true;
  @ApiPropertyOptional({
    example: '2026-09-01',
    description:
      "Reservations made (confirmed, or made with a consent of its day; not late ones, declarations or reservations to a treaty registered bilateral): the earliest day the twelve months for objecting end, after which a state that has consented and not objected is taken to accept it. This is VCLT art. 20(5)'s residual rule, which a treaty may replace with its own period; counted from madeOn, since the depositary's notification it counts from is not on record, so the period ends on this day or later",
  })
  objectionPeriodEndsNotBefore?: string;
  @ApiProperty(date('Reservations: when withdrawn; null while it stands (declarations: always null)'))
  withdrawnOn!: string | null;
  @ApiProperty({ type: [ObjectedToByDto], description: 'Reservations: the parties whose objection to it stands' })
  objectedToBy!: ObjectedToByDto[];
}

export class PartyObjectionDto {
  @ApiProperty({ format: 'uuid' })
  developmentId!: string;
  @ApiProperty(date('When the objecting party withdrew it; null while it stands'))
  withdrawnOn!: string | null;
  @ApiProperty({ example: 'FR', description: 'The party whose reservation is objected to' })
  againstParty!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  reservationId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  text!: string | null;
  @ApiProperty({ example: '2025-11-15' })
  madeOn!: string;
  @ApiProperty({ enum: PRECISIONS })
  madeOnPrecision!: string;
  @ApiPropertyOptional({
    type: String,
    example: '2025-08-01',
    description:
      'Present only on an objection left with nothing to object to: the day the last reservation it concerns was withdrawn (or its own date, if later). It has no effect from then (VCLT art. 22(3)(a)); its state did not withdraw it',
  })
  mootOn?: string;
}

export class ProvisionalApplicationDto {
  @ApiProperty(date('Start of the last period of provisional application'))
  startedOn!: string | null;
  @ApiProperty(
    date(
      "Its end: on record, or else the party's entry into force or the day its withdrawal took effect, whichever came first, either of which ends it (VCLT art. 25)",
    ),
  )
  endedOn!: string | null;
  @ApiProperty({
    description:
      "True when no end is on record and endedOn is the party's entry into force or the day its withdrawal took effect",
  })
  endedOnComputed!: boolean;
}

export class EarlierEntryIntoForceDto {
  @ApiProperty({ example: '2016-11-04', description: 'In force for the party from this day, until it withdrew' })
  inForceOn!: string;
  @ApiProperty({ description: 'inForceOn is computed from the clause, no report having confirmed it' })
  inForceOnComputed!: boolean;
}

export class DaysBetweenDto {
  @ApiProperty({ example: '2023-05-30', description: 'The first day it may fall on' })
  earliest!: string;
  @ApiProperty({ example: '2023-06-29', description: 'The last day it may fall on: once it has come, so has the date' })
  latest!: string;
}

export class EarlierWithdrawalDto {
  @ApiProperty(date('The notification of withdrawal (null for a withdrawal reported with no notice on record)'))
  notifiedOn!: string | null;
  @ApiProperty(
    date(
      'When it took effect: as reported, else the notification plus the notice period; null when its possible days fall in two years (see effectiveBetween)',
    ),
  )
  effectiveOn!: string | null;
  @ApiProperty({ description: 'effectiveOn is computed from the notice period, no report having given it' })
  effectiveOnComputed!: boolean;
  @ApiProperty({
    type: DaysBetweenDto,
    nullable: true,
    description: 'The first and last days it may have taken effect on, when not one (as withdrawalEffectiveBetween)',
  })
  effectiveBetween!: DaysBetweenDto | null;
}

export class StepDto {
  @ApiProperty({ format: 'uuid' })
  developmentId!: string;
  @ApiProperty({
    enum: [
      'legislative-approval',
      'ratification-completed',
      'withdrawn',
      'consent-to-be-bound',
      'withdrawal-notified',
      'withdrawal-revoked',
    ],
    description:
      "A notice of withdrawal revoked before it took effect (withdrawal-revoked, VCLT art. 68) stays among the steps; the party's withdrawal fields then read as if it had never been given",
  })
  type!: string;
  @ApiProperty({ type: String, nullable: true })
  body!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: '{ for, against, abstained }' })
  votes!: object | null;
  @ApiPropertyOptional({
    enum: LEGISLATIVE_STAGES,
    description:
      "A legislative approval's stage of the chamber's procedure, when reported; absent: the chamber's decisive vote (third-reading and final are decisive too; earlier stages are progress, not the chamber's approval)",
  })
  stage?: string;
  @ApiProperty()
  occurredOn!: string;
  @ApiProperty({ enum: PRECISIONS })
  precision!: string;
  @ApiProperty()
  approximate!: boolean;
  @ApiProperty({
    type: [Object],
    description: 'Every source, each with kind, eventId, recordedAt, position, reportedOccurredOn',
  })
  sources!: object[];
  @ApiPropertyOptional({ type: [String] })
  disagreesWith?: string[];
}

export class PartyStatusDto {
  @ApiProperty({ enum: ['pending', 'in-progress', 'completed'] })
  status!: string;
  @ApiProperty(date('Ratification completed, else the consent'))
  completedOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true })
  completedOnPrecision!: string | null;
  @ApiProperty({
    description:
      'Bound by an entry into force on record, no act of consent or completed ratification being on record: status completed, completedOn null',
  })
  consentImplied!: boolean;
  @ApiProperty({
    description:
      'A withdrawal on record, or a notified one that has taken effect (by asOf), and no consent of the party since',
  })
  withdrawn!: boolean;
  @ApiProperty(
    date(
      'When the withdrawal took effect; null with withdrawn true when its possible days fall in two years (see withdrawalEffectiveBetween)',
    ),
  )
  withdrewOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true })
  withdrewOnPrecision!: string | null;
  @ApiProperty({ type: [StepDto] })
  steps!: StepDto[];
  @ApiProperty({
    description: 'Named at registration; false for a party that joined by signature, accession, succession',
  })
  original!: boolean;
  @ApiProperty(date("Its own signature, or the treaty's for an original party"))
  signedOn!: string | null;
  @ApiProperty({ type: PartyConsentDto, nullable: true })
  consent!: PartyConsentDto | null;
  @ApiProperty(date('In force for this party: reported, else computed from the clause'))
  inForceOn!: string | null;
  @ApiProperty({ description: 'inForceOn is computed from the clause, no report having confirmed it' })
  inForceOnComputed!: boolean;
  @ApiProperty(date('The day the clause puts it in force for this party, while still ahead (inForceOn is then null)'))
  inForceOnExpected!: string | null;
  @ApiProperty({
    type: [EarlierEntryIntoForceDto],
    description:
      'Its entries into force before inForceOn, earliest first: a state that withdrew and consented again was in force from each of its instruments; empty for a state bound once',
  })
  earlierEntriesIntoForce!: EarlierEntryIntoForceDto[];
  @ApiProperty({ type: [PartyReservationDto] })
  reservations!: PartyReservationDto[];
  @ApiProperty({ type: [PartyReservationDto], description: 'Interpretative declarations' })
  declarations!: PartyReservationDto[];
  @ApiProperty({ type: [PartyObjectionDto], description: "The objections this party made to others' reservations" })
  objections!: PartyObjectionDto[];
  @ApiProperty(date('A withdrawal (denunciation) notified'))
  withdrawalNotifiedOn!: string | null;
  @ApiProperty(
    date(
      'When it takes effect: as reported, else the notification plus the notice period (withdrawalNotice); null when not reported and a consent of the party dated before the first day it could take effect on revoked the notice',
    ),
  )
  withdrawalEffectiveOn!: string | null;
  @ApiProperty()
  withdrawalEffectiveOnComputed!: boolean;
  @ApiProperty({
    type: DaysBetweenDto,
    nullable: true,
    description:
      'The first and last days the withdrawal may take effect on, when not one: a notice known only to its month or year (or an effect reported to the month). withdrawalEffectiveOn shows the month or year they share, or null when they fall in different years; the party is withdrawn once the latest has come. Null when the effect is known to the day or unknown, for a notice in a bilateral treaty whose days fall in different years, which takes no effect, and for a notice a consent of the party revoked whose effect is not reported',
  })
  withdrawalEffectiveBetween!: DaysBetweenDto | null;
  @ApiProperty({
    type: [EarlierWithdrawalDto],
    description:
      'Its withdrawals that took effect before the one shown (its latest notice, withdrawalNotifiedOn, else its latest withdrawal while withdrewOn shows it; every one once the state consented again after a withdrawal reported with no notice), earliest first: a state that withdrew, consented again and left again; empty for a state that withdrew once, or never',
  })
  earlierWithdrawals!: EarlierWithdrawalDto[];
  @ApiProperty({ type: ProvisionalApplicationDto, nullable: true })
  provisionalApplication!: ProvisionalApplicationDto | null;
  @ApiProperty({ description: 'This party suspended (the whole treaty: status suspended)' })
  suspended!: boolean;
  @ApiProperty(
    date(
      'Its latest suspension once the treaty was in force for it, or applied provisionally by it; one dated before is none (see warnings)',
    ),
  )
  suspendedOn!: string | null;
}

export class TreatyRelationViewDto {
  @ApiProperty({
    example: 'built-on-by',
    description:
      'amends, protocol-to, supersedes, builds-on (outgoing); amended-by, has-protocol, superseded-by, built-on-by (incoming)',
  })
  type!: string;
  @ApiProperty({ example: 'ru-ir-2025-treaty' })
  treatyId!: string;
  @ApiProperty({ enum: ['outgoing', 'incoming'] })
  direction!: string;
}

export class DisagreementDto {
  @ApiProperty({ enum: DEVELOPMENT_TYPES })
  type!: string;
  @ApiProperty({ type: String, nullable: true })
  party!: string | null;
  @ApiProperty({ type: String, nullable: true })
  body!: string | null;
  @ApiPropertyOptional({ enum: LEGISLATIVE_STAGES, description: "A legislative approval's stage, when reported" })
  stage?: string;
  @ApiProperty({ type: [String] })
  developmentIds!: string[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'Entry into force: the date the clause gives; termination: the day the withdrawal that ended a bilateral treaty took effect',
  })
  computedOn?: string | null;
}

export class RecordWarningDto {
  @ApiProperty({
    enum: RECORD_WARNING_CODES,
    description:
      'LATE_RESERVATION: a reservation after the state consented; RESERVATION_TO_BILATERAL_TREATY; ' +
      'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE: started after the treaty entered into force for the state; ' +
      'PROVISIONAL_APPLICATION_END_WITHOUT_START: an end of the state’s provisional application while it applied none ' +
      '(no start of its before it, or only one an earlier end had closed); ' +
      'OBJECTION_BY_STATE_NOT_ON_RECORD: an objection by a state neither an original party nor, by its date, a ' +
      'signatory or a consenting state (effective only once it consents); ' +
      'SUSPENSION_BEFORE_ENTRY_INTO_FORCE: a suspension dated before the treaty entered into force (for its party: ' +
      "on its date on record, else, with no consent of it on record, on the treaty's), " +
      'while no state (nor that party) applied it provisionally: it suspended nothing; ' +
      'RESUMPTION_BEFORE_ENTRY_INTO_FORCE: a resumption dated before the treaty entered into force (for its party, as ' +
      'for a suspension), while no state (nor that party) applied it provisionally: there was nothing to resume; ' +
      'RESUMPTION_WITHOUT_SUSPENSION: a resumption while nothing of its scope stood suspended (no suspension before ' +
      'it, or only ones that suspended nothing or were already resumed); ' +
      'TERMINATION_BEFORE_ENTRY_INTO_FORCE: a termination dated before the treaty entered into force for any state, ' +
      'while none applied it provisionally: it ended nothing in force, and the treaty is will-not-enter-into-force',
  })
  code!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The state whose act is flagged; null only for SUSPENSION_BEFORE_ENTRY_INTO_FORCE, RESUMPTION_BEFORE_ENTRY_INTO_FORCE ' +
      'and RESUMPTION_WITHOUT_SUSPENSION of an act of the whole treaty, and always for TERMINATION_BEFORE_ENTRY_INTO_FORCE',
  })
  party!: string | null;
  @ApiProperty({ type: [String], description: 'The flagged report, then those it is measured against' })
  developmentIds!: string[];
}

export class RecordedTwiceDto {
  @ApiProperty({ example: 'legislative-approval' }) type!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for an act of the treaty as a whole' })
  party!: string | null;
  @ApiProperty({ type: [String], description: 'The developments that are this act, in the order recorded' })
  developmentIds!: string[];
}

export class TreatyStatusDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String], description: 'Every party: the original ones, then those who joined' })
  parties!: string[];
  @ApiProperty({ type: [String] }) originalParties!: string[];
  @ApiProperty({ enum: TREATY_CATEGORIES }) category!: string;
  @ApiProperty({ enum: TREATY_KINDS, nullable: true }) kind!: string | null;
  @ApiProperty({ type: String, nullable: true }) depositary!: string | null;
  @ApiProperty({ type: EntryIntoForceDto, nullable: true }) entryIntoForceClause!: EntryIntoForceDto | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The notice of withdrawal when registered in days; null when in months or years, or none',
  })
  withdrawalNoticeDays!: number | null;
  @ApiProperty({
    type: WithdrawalNoticeDto,
    nullable: true,
    description:
      'The notice of withdrawal however registered: { days } for withdrawalNoticeDays, else months or years, perhaps with firstDayOfFollowingMonth',
  })
  withdrawalNotice!: WithdrawalNoticeDto | null;
  @ApiProperty({ type: TreatyIdentifiersDto }) identifiers!: TreatyIdentifiersDto;
  @ApiProperty({ type: [TreatyRelationViewDto] }) relations!: TreatyRelationViewDto[];
  @ApiProperty({
    type: [TreatyNotOnRecordDto],
    description:
      'The treaties this one names (relations it states, its statements, negotiations and context) that are not on ' +
      'record: links to them lead nowhere. Empty once each is registered',
  })
  treatiesNotOnRecord!: TreatyNotOnRecordDto[];
  @ApiProperty({
    enum: TREATY_STATUSES,
    description:
      'will-not-enter-into-force: a bilateral treaty, or one without an entry-into-force clause, one of whose ' +
      'original states withdrew before it entered into force, or a treaty reported terminated before it entered into ' +
      'force, none applying it provisionally (abandoned before it bound anyone; terminatedOn is then null and warnings ' +
      'has TERMINATION_BEFORE_ENTRY_INTO_FORCE)',
  })
  status!: string;
  @ApiProperty(date("The treaty's signature, else the first party's")) signedOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true }) signedOnPrecision!: string | null;
  @ApiProperty(date('Instruments exchanged')) instrumentsExchangedOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true }) instrumentsExchangedOnPrecision!: string | null;
  @ApiProperty(date('In force: reported, else computed from the clause (by asOf)')) enteredIntoForceOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true }) enteredIntoForceOnPrecision!: string | null;
  @ApiProperty({ description: 'enteredIntoForceOn is computed from the clause, no report having confirmed it' })
  enteredIntoForceOnComputed!: boolean;
  @ApiProperty(date('The date the clause gives, whatever was reported')) enteredIntoForceOnByClause!: string | null;
  @ApiProperty(date('The day the clause puts the treaty in force, while still ahead (enteredIntoForceOn is then null)'))
  enteredIntoForceOnExpected!: string | null;
  @ApiProperty(
    date(
      'The latest suspension of the whole treaty (for a bilateral one, by a party) once it was in force or applied provisionally; one dated before is none (see warnings)',
    ),
  )
  suspendedOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true }) suspendedOnPrecision!: string | null;
  @ApiProperty(date('The latest resumption')) resumedOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true }) resumedOnPrecision!: string | null;
  @ApiProperty(date('Terminated: reported, else (a bilateral treaty) the day a party’s withdrawal took effect'))
  terminatedOn!: string | null;
  @ApiProperty({ enum: PRECISIONS, nullable: true }) terminatedOnPrecision!: string | null;
  @ApiProperty({
    description:
      "terminatedOn is computed: a bilateral treaty's end when one party's withdrawal took effect, no termination having been reported",
  })
  terminatedOnComputed!: boolean;
  @ApiProperty(date("A bilateral treaty's end by a party's withdrawal taking effect, while still ahead"))
  terminatedOnExpected!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/PartyStatusDto' },
    description: 'Per party, keyed by party code',
  })
  ratification!: Record<string, PartyStatusDto>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/StepDto' } },
    description:
      "Steps on record of states that are not parties, keyed by state code: a chamber's approval of joining before the state's consent (decision 0070), or what is left once a state's joining was retracted. They move to ratification once the state is a party",
  })
  joining!: Record<string, StepDto[]>;
  @ApiProperty({ type: [DisagreementDto] }) disagreements!: DisagreementDto[];
  @ApiProperty({
    type: [RecordWarningDto],
    description: 'Acts on record, as reported, that treaty law does not expect: flagged, not refused',
  })
  warnings!: RecordWarningDto[];
  @ApiProperty({
    type: [RecordedTwiceDto],
    description:
      'Acts the record holds as two developments or more (the same act, dates agreeing), which a correction made before decision 0042 could leave: retract the one recorded in error. Empty otherwise',
  })
  recordedTwice!: RecordedTwiceDto[];
  @ApiProperty({ type: String, nullable: true }) asOf!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) knownAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description:
      'Without asOf: the first day after today on which a date the record sets ahead comes (an entry into force ' +
      "by the clause, a withdrawal's effect, a bilateral treaty's end) and changes this status with no new report; " +
      'null when none lies ahead, and with asOf',
  })
  nextChangeOn!: string | null;
  @ApiProperty({ example: '12', description: 'Stream revision of the last event folded' }) revision!: string;
  @ApiProperty({ example: '340' }) position!: string;
}
