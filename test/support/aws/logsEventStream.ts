// An encoder for the AWS event-stream framing (application/vnd.amazon.eventstream), written
// independently of the SDK's decoder so a test proves the two agree on the wire format:
//   prelude: total length (u32 BE) | headers length (u32 BE) | CRC32 of those 8 bytes
//   headers: name length (u8) | name | value type (7 = string) | value length (u16 BE) | value
//   payload, then CRC32 of everything before it.
// Node 20 only gained zlib.crc32 in 20.15, so the CRC (IEEE 802.3, as the codec uses) is here.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One frame with string headers only (all the Logs event stream uses). */
export function encodeFrame(headers: Readonly<Record<string, string>>, payload: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = Buffer.from(name, 'utf8');
    const v = Buffer.from(value, 'utf8');
    const head = Buffer.alloc(1 + n.length + 1 + 2);
    head.writeUInt8(n.length, 0);
    n.copy(head, 1);
    head.writeUInt8(7, 1 + n.length);
    head.writeUInt16BE(v.length, 2 + n.length);
    parts.push(head, v);
  }
  const headerBytes = Buffer.concat(parts);
  const total = 12 + headerBytes.length + payload.length + 4;
  const frame = Buffer.alloc(total);
  frame.writeUInt32BE(total, 0);
  frame.writeUInt32BE(headerBytes.length, 4);
  frame.writeUInt32BE(crc32(frame.subarray(0, 8)), 8);
  headerBytes.copy(frame, 12);
  Buffer.from(payload).copy(frame, 12 + headerBytes.length);
  frame.writeUInt32BE(crc32(frame.subarray(0, total - 4)), total - 4);
  return frame;
}

/** An `event` frame of type `eventType` with a JSON payload. */
export function eventFrame(eventType: string, body: unknown): Buffer {
  return encodeFrame({ ':message-type': 'event', ':event-type': eventType, ':content-type': 'application/json' }, Buffer.from(JSON.stringify(body), 'utf8'));
}

/** A modelled exception frame (e.g. SessionTimeoutException) ending the stream. */
export function exceptionFrame(exceptionType: string, message: string): Buffer {
  return encodeFrame({ ':message-type': 'exception', ':exception-type': exceptionType, ':content-type': 'application/json' }, Buffer.from(JSON.stringify({ message }), 'utf8'));
}
