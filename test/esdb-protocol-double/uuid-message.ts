import { UUID } from './protocol';

/** How a read request asks for event ids: the Node client always asks for strings. */
export type UuidFormat = 'string' | 'structured';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * The id an append proposes, as the lower-case string the server's Guid formats to; undefined when the server
 * would refuse it (it throws on an unparsable id, and an event with the empty Guid).
 */
export function uuidFromMessage(message: UUID | undefined): string | undefined {
  let id: string | undefined;
  if (message?.hasString()) id = message.getString().toLowerCase();
  const structured = message?.getStructured();
  if (structured) {
    const hex = [structured.getMostSignificantBits(), structured.getLeastSignificantBits()]
      .map((bits) => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0'))
      .join('');
    id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return id !== undefined && UUID_PATTERN.test(id) && id !== NIL_UUID ? id : undefined;
}

/** The structured form packs the UUID's bytes, read big-endian, into two signed 64-bit numbers. */
export function uuidMessage(id: string, format: UuidFormat): UUID {
  const message = new UUID();
  if (format === 'string') return message.setString(id);
  const hex = id.replaceAll('-', '');
  const bits = (from: number): string => BigInt.asIntN(64, BigInt(`0x${hex.slice(from, from + 16)}`)).toString();
  return message.setStructured(new UUID.Structured().setMostSignificantBits(bits(0)).setLeastSignificantBits(bits(16)));
}
