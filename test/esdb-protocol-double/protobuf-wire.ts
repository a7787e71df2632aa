/**
 * Protocol buffer fields written by hand, for messages the project cannot build through classes: ones client 6.2.1's
 * protos lack, and the google-protobuf well-known types (`Any`, `Timestamp`) that only the client depends on. A
 * message parsed from these bytes by the client's own generated class is an instance of its own classes.
 */
function varint(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

export function varintField(field: number, value: number): Uint8Array {
  return concat(varint(field << 3), varint(value));
}

export function lengthDelimited(field: number, bytes: Uint8Array): Uint8Array {
  return concat(varint((field << 3) | 2), varint(bytes.byteLength), bytes);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}
