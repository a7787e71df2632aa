/**
 * The vocabulary of treaty law the record speaks (Vienna Convention on the Law of Treaties, 1969). Lists, not
 * enums, so that the HTTP layer can document and check the same values.
 */

/** How a treaty is concluded: between two parties, or open to many (and so to parties joining later). */
export const TREATY_KINDS = ['bilateral', 'multilateral'] as const;
export type TreatyKind = (typeof TREATY_KINDS)[number];

/**
 * The international act by which a party consents to be bound (VCLT art. 11-16). Ratification, acceptance and
 * approval follow a signature; accession and succession need none and make the state a party on their own; a
 * definitive signature is consent and signature at once.
 */
export const CONSENT_TYPES = [
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
  'definitive-signature',
] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

/** Consent that makes a state a party although it did not sign before. */
export function consentAddsParty(type: ConsentType): boolean {
  return type === 'accession' || type === 'succession' || type === 'definitive-signature';
}

/** Where talks stand: announced, held (a round took place), or ended. */
export const NEGOTIATION_STAGES = ['announced', 'held', 'ended'] as const;
export type NegotiationStage = (typeof NEGOTIATION_STAGES)[number];

/**
 * The stage of a chamber's procedure a vote on the bill of approval (the ratification law) was taken at. A chamber
 * often votes on one treaty more than once: a committee's recommendation, then readings in plenary (the State
 * Duma's first, second and third). `final` is the vote that adopts the bill where the procedure numbers no third
 * reading (a single vote, "in the second reading and as a whole"). A report without a stage means the chamber's
 * decisive vote, as every report did before stages were recorded.
 */
export const LEGISLATIVE_STAGES = ['committee', 'first-reading', 'second-reading', 'third-reading', 'final'] as const;
export type LegislativeStage = (typeof LEGISLATIVE_STAGES)[number];

/**
 * Whether a vote at this stage (absent: not given) adopts the bill in that chamber. A third reading is always a
 * chamber's last (the State Duma, the Bundestag, the Sejm, the Knesset, the House of Commons); the earlier stages are
 * progress towards it, not the chamber's approval.
 */
export function isDecisiveStage(stage: LegislativeStage | undefined): boolean {
  return stage === undefined || stage === 'final' || stage === 'third-reading';
}

/** How one treaty relates to an earlier one. Recorded on the later treaty; shown on both. */
export const RELATION_TYPES = ['amends', 'protocol-to', 'supersedes', 'builds-on'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** The same relation read from the other treaty's side. */
export const INVERSE_RELATION: Readonly<Record<RelationType, string>> = {
  amends: 'amended-by',
  'protocol-to': 'has-protocol',
  supersedes: 'superseded-by',
  'builds-on': 'built-on-by',
};

/**
 * The treaty's own entry-into-force clause: in force a period after the deposit of the `instrumentsRequired`th
 * instrument of consent; for a party consenting later, the same period after its own. The period is exactly one of
 * `daysAfter`, `monthsAfter`, `yearsAfter` (months and years counted on the calendar: `addMonths`); with
 * `firstDayOfFollowingMonth`, the treaty enters into force on the first day of the month following the day that
 * period ends ("on the first day of the month following the expiration of a period of three months after the date
 * of deposit", the Council of Europe's conventions; "on the first day of the month after the 60th day following the
 * deposit", Rome Statute art. 126). Registrations before decision 0063 carry `daysAfter` alone, and mean what they
 * meant: that many days after the deposit.
 */
export type EntryIntoForceClause = {
  readonly instrumentsRequired: number;
  readonly daysAfter?: number;
  readonly monthsAfter?: number;
  readonly yearsAfter?: number;
  /** Present (true) only when the clause says so; absent means the day the period ends. */
  readonly firstDayOfFollowingMonth?: true;
};

/**
 * A treaty's notice of withdrawal counted in months or years, or ending on the first day of the following month
 * ("shall become effective on the first day of the month following the expiration of a period of six months after
 * the date of receipt of the notification", the Council of Europe's conventions; "upon expiry of one year from the
 * date of receipt", Paris Agreement art. 28). Exactly one of `days`, `months`, `years`. A notice of days alone is
 * recorded as `withdrawalNoticeDays`, as before decision 0063.
 */
export type WithdrawalNotice = {
  readonly days?: number;
  readonly months?: number;
  readonly years?: number;
  /** Present (true) only when the clause says so; absent means the day the period ends. */
  readonly firstDayOfFollowingMonth?: true;
};

export type TreatyRelation = { readonly type: RelationType; readonly treatyId: string };

/** Identifiers other registers give the treaty; each optional, each checked for its format. */
export type TreatyIdentifiers = {
  /** UN Treaty Series registration number: `54321`, or with its part, `I-54321`. */
  readonly untsNumber?: string;
  /** The depositary's reference: a chapter and number (`XXVII-10`), a CETS number (`CETS 185`), a notification. */
  readonly depositaryReference?: string;
  /** A Wikidata item: `Q` and digits. */
  readonly wikidataId?: string;
  /** The official text: an absolute http(s) URL. */
  readonly officialTextUrl?: string;
};

export const UNTS_NUMBER_PATTERN = /^(?:(?:I|II)-)?[1-9]\d{0,6}$/;
export const DEPOSITARY_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 .,:/()-]{0,99}$/;
export const WIKIDATA_ID_PATTERN = /^Q[1-9]\d{0,11}$/;

/** Upper bounds on a clause's numbers: a clause beyond them is a typing error, not a treaty. */
export const CLAUSE_LIMITS = { instrumentsRequired: 1000, days: 3660, months: 120, years: 10 } as const;
