import type { ProposalType } from '../extraction.types';

/** A word or phrase that reports a treaty act, and the act it reports. */
export interface Trigger {
  readonly type: ProposalType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** An approval word: a legislature's vote when a chamber is named, else a party's completed ratification. */
  readonly approval: boolean;
  readonly consentType?: string;
}

interface TriggerRule {
  readonly type: ProposalType;
  readonly pattern: RegExp;
  readonly approval?: boolean;
  readonly consentType?: (match: RegExpExecArray) => string;
}

/**
 * The verbs of treaty acts, most specific first: a span claimed by one rule is not read again by a later one
 * ("signed the law ratifying" is the president's signature of a ratification law, not a signature of the treaty).
 * Reporters write "ratified" for any domestic step; with a chamber named it is that chamber's approval.
 */
const RULES: readonly TriggerRule[] = [
  {
    type: 'ratification-completed',
    pattern:
      /\bsign(?:ed|s)?\s+(?:(?:a|the)\s+)?(?:federal\s+)?(?:ratification\s+)?(?:law|bill|decree)\b|\bsigned\s+into\s+law\b|\bpromulgat(?:ed|es)\b/gi,
  },
  {
    type: 'instruments-exchanged',
    pattern: /\bexchang(?:ed|es)\s+(?:the\s+)?instruments\b|\bexchange\s+of\s+(?:the\s+)?instruments\b/gi,
  },
  {
    type: 'consent-to-be-bound',
    pattern:
      /\bdeposit(?:ed|s)?\s+(?:its\s+|their\s+|the\s+)?instruments?\s+of\s+(ratification|accession|acceptance|approval)\b/gi,
    consentType: (match) => match[1]!.toLowerCase(),
  },
  { type: 'consent-to-be-bound', pattern: /\bacced(?:ed|es)\s+to\b/gi, consentType: () => 'accession' },
  {
    type: 'entered-into-force',
    pattern:
      /\b(?:enter(?:ed|s)?|c[oa]me(?:s)?)\s+into\s+(?:force|effect)\b|\b(?:took|takes|take|went|goes)\s+(?:into\s+)?effect\b|\bbec(?:ame|omes)\s+effective\b/gi,
  },
  {
    // Before the notice it revokes and before "revoked" as a termination: a state revoking its notice stays a party.
    type: 'withdrawal-revoked',
    pattern:
      /\b(?:revok(?:ed|es)|rescind(?:ed|s)?|withdr(?:ew|awn|aws))\s+(?:its\s+|their\s+|the\s+)?(?:notification|notice)\s+of\s+(?:its\s+|their\s+)?withdrawal\b/gi,
  },
  {
    type: 'withdrawal-notified',
    pattern: /\b(?:announced|notified|gave\s+notice\s+of)\s+(?:its\s+|their\s+)?withdrawal\b/gi,
  },
  { type: 'withdrawn', pattern: /\bwithdr(?:ew|awn|aws)\s+from\b|\bpulled\s+out\s+of\b|\bquit\b/gi },
  { type: 'suspended', pattern: /\bsuspend(?:ed|s)?\b/gi },
  { type: 'resumed', pattern: /\bresum(?:ed|es)\b/gi },
  { type: 'terminated', pattern: /\bterminat(?:ed|es)\b|\bscrapped\b|\brevoked\b/gi },
  { type: 'signed', pattern: /\b(?:sign(?:ed|s)?|ink(?:ed|s)|concluded)\b/gi },
  {
    type: 'legislative-approval',
    pattern: /\b(?:ratif(?:ied|ies|y)|approv(?:ed|es)|adopted|voted|passed|endorsed)\b/gi,
    approval: true,
  },
];

export function findTriggers(text: string, offset: number): Trigger[] {
  const found: Trigger[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const start = offset + match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      found.push({
        type: rule.type,
        start,
        end,
        text: match[0],
        approval: rule.approval ?? false,
        ...(rule.consentType ? { consentType: rule.consentType(match) } : {}),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
