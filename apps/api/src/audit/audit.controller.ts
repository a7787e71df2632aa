import { Controller, Get, Head, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorators';
import { LogHead, parsePosition } from '../http/positions';
import { ApiProblem } from '../problems/api-problem';
import { TreatyIdPipe } from '../treaties/treaty-id.pipe';
import { AuditLogQueryDto, RebuildQueryDto } from './audit-log.query.dto';
import { AuditService, MAX_LOG_PAGE } from './audit.service';
import { CheckpointDto, PublicKeyDto } from './checkpoint.response.dto';
import { ReadModelComparison } from './read-model-comparison.service';

const NO_KEY = { description: 'UNAUTHENTICATED, INVALID_API_KEY: every audit route needs an auditor key' };
const NO_SIGNING_KEY = {
  description: 'SIGNING_KEY_NOT_CONFIGURED: on EventStoreDB without TIMELINE_SIGNING_KEY_FILE',
};

@ApiTags('auditors')
@ApiBearerAuth()
@ApiUnauthorizedResponse(NO_KEY)
@ApiForbiddenResponse({ description: 'FORBIDDEN: a reader or editor key' })
@Roles('auditor')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly comparison: ReadModelComparison,
    private readonly head: LogHead,
  ) {}

  @Get('public-key')
  @ApiOperation({ summary: 'The Ed25519 public key that signs checkpoints (PEM) and its fingerprint' })
  @ApiOkResponse({ type: PublicKeyDto })
  @ApiServiceUnavailableResponse(NO_SIGNING_KEY)
  publicKey() {
    return this.audit.publicKey();
  }

  // Registered before GET, which Express would otherwise run for HEAD too: a probe never issues a checkpoint.
  @Head('checkpoint')
  @ApiOperation({
    summary: "The latest checkpoint's headers when it covers the log; never issues one",
    description:
      'Answers as GET would while the latest checkpoint covers the log (`ETag`, `Content-Length`); once the log ' +
      "has moved past it, `200` without them, or GET's refusal (`409` on a log that fails verification): only GET " +
      'issues a checkpoint.',
  })
  @ApiConflictResponse({ description: 'LOG_FAILS_VERIFICATION: once the log has moved, as GET would answer' })
  @ApiServiceUnavailableResponse(NO_SIGNING_KEY)
  async checkpointHeaders(@Res() response: Response) {
    const current = await this.audit.currentCheckpoint();
    if (current) return response.json(current);
    // GET would issue one, over a log it verifies first: refused as GET would be (409 on a damaged log).
    await this.audit.refusalOfIssue();
    response.status(200).end();
  }

  @Get('checkpoint')
  @ApiOperation({
    summary: "A signed checkpoint of every stream's head at the log's last position: keep it",
    description:
      'The latest checkpoint while the log has not moved past it (asking again appends nothing); a new one, ' +
      'signed and recorded in the log, once it has. ' +
      '`{ scheme, position, issuedAt, root, heads: [{ stream, revision, hash }], keyFingerprint, signature }`. ' +
      '`root` is the SHA-256 (hex) of the RFC 8785 canonical JSON of `heads` (sorted by stream); `signature` is ' +
      'Ed25519 (base64) over the canonical JSON of `{ scheme, position, issuedAt, root }`, verified with ' +
      "`/audit/public-key`. How each event's hash is computed, and a script that checks both: the README, " +
      '"Checking without this service\'s code".',
  })
  @ApiOkResponse({ type: CheckpointDto })
  @ApiConflictResponse({ description: 'LOG_FAILS_VERIFICATION: no checkpoint is signed over a damaged log' })
  @ApiServiceUnavailableResponse(NO_SIGNING_KEY)
  checkpoint() {
    return this.audit.checkpoint();
  }

  @Get('log')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: `The raw events in global order with their hashes, ${MAX_LOG_PAGE} at most per page` })
  @ApiOkResponse({
    description:
      'NDJSON, one event a line: `{ position, stream, revision, id, type, data, metadata, recordedAt }`; the next ' +
      "page is `?after=` the last line's position",
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED (limit, after), POSITION_PAST_HEAD, POSITION_NOT_AN_EVENT',
  })
  async log(@Query() query: AuditLogQueryDto, @Res() response: Response) {
    const after = parsePosition(query.after);
    if (after !== undefined) await this.head.requireOnRecord(after, 'after');
    return this.audit.writeLog(after, query.limit ?? MAX_LOG_PAGE, response);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute every hash and chain, and compare with the checkpoints issued' })
  @ApiOkResponse({ description: '{ ok, checked, failures: [{ eventId, stream, revision, reason }] }' })
  verify() {
    return this.audit.verifyAll();
  }

  @Get('treaties/:treatyId/verify')
  @ApiOperation({ summary: "Verify one treaty's stream" })
  @ApiOkResponse({ description: '{ ok, checked, failures: [{ eventId, stream, revision, reason }] }' })
  @ApiNotFoundResponse({ description: 'TREATY_NOT_FOUND' })
  verifyTreaty(@Param('treatyId', TreatyIdPipe) treatyId: string) {
    return this.audit.verifyTreaty(treatyId);
  }

  @Post('projections/rebuild')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replay the whole log into a scratch read model and report every difference from the live one',
    description:
      'A dry run only (`dryRun=true`, the default): an auditor compares, and promoting a rebuilt read model is ' +
      "the operator's act on the host (`npm run projections:rebuild`), refused here with 403 " +
      '`REBUILD_PROMOTION_NOT_OVER_HTTP`. One rebuild runs at a time: a request made while one runs gets its report.',
  })
  @ApiOkResponse({
    description:
      '{ dryRun: true, events, milliseconds, parts, differences: [{ treatyId, part, live, rebuilt }] }; part: status, ' +
      'timeline, presence, deletion, or the stored rows reads answer from (listing, ahead, parties, links, linkers, ' +
      'open-to-joining, events)',
  })
  @ApiForbiddenResponse({
    description: 'REBUILD_PROMOTION_NOT_OVER_HTTP (dryRun=false), or a key of another role than auditor',
  })
  @ApiConflictResponse({
    description:
      'LOG_NOT_REPLAYABLE: the replay stopped at an event the store cannot read (`kind: unreadable-event`) or one ' +
      'of a type, schema version or form this build does not know (`event-not-applied`): `{ kind, projection, ' +
      'event: { eventId, stream, revision, position, type }, reason }`; nothing was compared. READ_MODEL_NOT_COMPARED: the live read model ' +
      'cannot be read (damaged) or is of another version; nothing was compared',
  })
  @ApiServiceUnavailableResponse({
    description: 'EVENT_STORE_UNAVAILABLE: the store stopped answering during the replay',
  })
  async rebuild(@Query() query: RebuildQueryDto) {
    if (query.dryRun === 'false') {
      throw new ApiProblem(
        403,
        'REBUILD_PROMOTION_NOT_OVER_HTTP',
        "Auditors compare the read model with a rebuild (dryRun=true); promoting a rebuilt read model is the operator's act: run `npm run projections:rebuild` on the host",
      );
    }
    const report = await this.comparison.compare();
    const { events, milliseconds, parts, differences, liveUnreadable, liveVersion } = report;
    // "No differences" would say the live read model agrees with the log; one that could not be read was never
    // compared, and an auditor must hear that rather than an empty list.
    if (liveUnreadable || liveVersion !== undefined) {
      throw new ApiProblem(
        409,
        'READ_MODEL_NOT_COMPARED',
        liveUnreadable
          ? `The live read model cannot be read (${liveUnreadable.reason}): nothing was compared; the operator repairs it with npm run projections:rebuild`
          : `The live read model is version ${liveVersion}, which this build does not read: nothing was compared`,
        { events, ...(liveVersion !== undefined ? { liveVersion } : {}) },
      );
    }
    return { dryRun: true, events, milliseconds, parts, differences };
  }
}
