import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StreamHead, VerificationFailure } from './log-verifier';

export const CHECKPOINT_SCHEME = 'timeline-checkpoint-1';

export interface CheckpointHead {
  readonly stream: string;
  readonly revision: string;
  readonly hash: string;
}

/**
 * What the log looked like at a global position: every stream's last event (revision and hash), their root
 * hash, and an Ed25519 signature over the position, time and root. An auditor who keeps one can later prove that
 * nothing before that position was altered, removed or reordered: a rewritten log cannot match it.
 */
export interface SignedCheckpoint {
  readonly scheme: typeof CHECKPOINT_SCHEME;
  /** Events at or before this position are covered. */
  readonly position: string;
  readonly issuedAt: string;
  readonly root: string;
  readonly heads: readonly CheckpointHead[];
  /** SHA-256 of the signing public key (SPKI DER), to tell keys apart. */
  readonly keyFingerprint: string;
  readonly signature: string;
}

export function rootOf(heads: readonly CheckpointHead[]): string {
  return createHash('sha256').update(canonicalize(heads)!, 'utf8').digest('hex');
}

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

function signedBytes(checkpoint: Pick<SignedCheckpoint, 'scheme' | 'position' | 'issuedAt' | 'root'>): Buffer {
  const { scheme, position, issuedAt, root } = checkpoint;
  return Buffer.from(canonicalize({ scheme, position, issuedAt, root })!, 'utf8');
}

export function toCheckpointHeads(heads: ReadonlyMap<string, StreamHead>): CheckpointHead[] {
  return [...heads.entries()]
    .map(([stream, head]) => ({ stream, revision: head.revision.toString(), hash: head.hash }))
    .sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
}

export function signCheckpoint(
  position: bigint,
  heads: ReadonlyMap<string, StreamHead>,
  issuedAt: Date,
  privateKey: KeyObject,
): SignedCheckpoint {
  const checkpointHeads = toCheckpointHeads(heads);
  const unsigned = {
    scheme: CHECKPOINT_SCHEME,
    position: position.toString(),
    issuedAt: issuedAt.toISOString(),
    root: rootOf(checkpointHeads),
  } as const;
  return {
    ...unsigned,
    heads: checkpointHeads,
    keyFingerprint: keyFingerprint(createPublicKey(privateKey)),
    signature: sign(null, signedBytes(unsigned), privateKey).toString('base64'),
  };
}

/** True when the checkpoint was signed by this key and its heads are the ones its root commits to. */
export function checkpointIsAuthentic(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  if (checkpoint.scheme !== CHECKPOINT_SCHEME || rootOf(checkpoint.heads) !== checkpoint.root) return false;
  try {
    return verify(null, signedBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Compares the heads the log shows at the checkpoint's position with those the checkpoint recorded: an event
 * removed from a stream's end, or added before the position, shows only here.
 */
export function compareWithCheckpoint(
  checkpoint: SignedCheckpoint,
  headsAtPosition: ReadonlyMap<string, StreamHead>,
  logEndsAt?: bigint,
): VerificationFailure[] {
  const failures: VerificationFailure[] = [];
  const recorded = new Map(checkpoint.heads.map((head) => [head.stream, head]));
  // A log that ends before the checkpoint's position lacks what the checkpoint covers past its end: events removed
  // from its end, or, offline, an export fetched before the checkpoint. Neither can be told from the export alone,
  // so it fails, saying so, rather than read as a stream whose head was rewritten.
  const endsBefore =
    logEndsAt !== undefined && logEndsAt < BigInt(checkpoint.position)
      ? `the log ends at position ${logEndsAt}, before the checkpoint's position ${checkpoint.position}: events ` +
        'it covers are missing from the end (removed; or, for an export, it was taken before the checkpoint was ' +
        'issued: export the log again after fetching the checkpoint)'
      : undefined;
  for (const head of checkpoint.heads) {
    const found = headsAtPosition.get(head.stream);
    if (!found || found.revision.toString() !== head.revision || found.hash !== head.hash) {
      const missingFromTheEnd = found !== undefined && found.revision < BigInt(head.revision);
      failures.push({
        eventId: found?.eventId ?? 'unknown',
        stream: head.stream,
        revision: head.revision,
        reason:
          endsBefore !== undefined && (found === undefined || missingFromTheEnd)
            ? `the checkpoint recorded this stream up to revision ${head.revision}, the log has ${found ? `up to revision ${found.revision}` : 'none of it'}; ${endsBefore}`
            : found
              ? `the checkpoint at position ${checkpoint.position} recorded revision ${head.revision} with hash ${head.hash} as this stream's head; the log now shows revision ${found.revision} with hash ${found.hash}`
              : `the checkpoint at position ${checkpoint.position} recorded this stream up to revision ${head.revision}; the log no longer has it`,
      });
    }
  }
  for (const [stream, head] of headsAtPosition) {
    if (!recorded.has(stream)) {
      failures.push({
        eventId: head.eventId,
        stream,
        revision: head.revision.toString(),
        reason: `this stream is not in the checkpoint at position ${checkpoint.position}: its events were added before that position afterwards`,
      });
    }
  }
  return failures;
}
