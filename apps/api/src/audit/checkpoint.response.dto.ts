import { ApiProperty } from '@nestjs/swagger';

/** What `GET /audit/checkpoint` and `GET /audit/public-key` answer, for the OpenAPI document (libs/audit). */

export class CheckpointHeadDto {
  @ApiProperty({ example: 'treaty-ru-ir-comprehensive-strategic-partnership' }) stream!: string;
  @ApiProperty({ example: '35', description: "The stream's last revision at the checkpoint's position" })
  revision!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: "That event's `metadata.integrity.hash`" }) hash!: string;
}

export class CheckpointDto {
  @ApiProperty({ enum: ['timeline-checkpoint-1'] }) scheme!: string;
  @ApiProperty({ example: '47', description: 'Events at or before this position are covered' }) position!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({
    pattern: '^[0-9a-f]{64}$',
    description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of `heads`',
  })
  root!: string;
  @ApiProperty({ type: [CheckpointHeadDto], description: "Every stream's head at `position`, sorted by stream" })
  heads!: CheckpointHeadDto[];
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: "SHA-256 of the signing key's SPKI DER" })
  keyFingerprint!: string;
  @ApiProperty({
    format: 'byte',
    description:
      'Ed25519 signature (base64) over the RFC 8785 canonical JSON of `{ scheme, position, issuedAt, root }`',
  })
  signature!: string;
}

export class PublicKeyDto {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: string;
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----\n', description: 'SPKI, PEM' })
  publicKey!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the SPKI DER: a checkpoint’s `keyFingerprint`' })
  fingerprint!: string;
}
