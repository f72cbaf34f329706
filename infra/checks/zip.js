// Reads a zip's central directory (names, sizes) and single entries, without unpacking the archive: enough to measure
// a Lambda package against its limits and to look inside the jars it holds.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/** A zip over random access: `read(offset, length)` returns those bytes of the archive, `size` its length. */
function entriesOf({ read, size }) {
  const tailLength = Math.min(size, 22 + MAX16);
  const tail = read(size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new Error("not a zip archive (no end of central directory)");
  let count = tail.readUInt16LE(at + 10);
  let dirOffset = tail.readUInt32LE(at + 16);
  if (count === MAX16 || dirOffset === MAX32) {
    const locator = read(size - tailLength + at - 20, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new Error("ZIP64 archive without its locator");
    const record = read(Number(locator.readBigUInt64LE(8)), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new Error("ZIP64 end of central directory not found");
    count = Number(record.readBigUInt64LE(32));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  const dirLength = size - tailLength + at - dirOffset;
  const dir = read(dirOffset, dirLength);
  const entries = [];
  for (let p = 0; entries.length < count; ) {
    if (dir.readUInt32LE(p) !== CENTRAL) throw new Error(`corrupt central directory at entry ${entries.length}`);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const entry = {
      name: dir.toString("utf8", p + 46, p + 46 + nameLength),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      offset: dir.readUInt32LE(p + 42),
    };
    readZip64Extra(entry, dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset that did not fit 32 bits are in the ZIP64 extra field (id 1), in this order, only if so marked. */
function readZip64Extra(entry, extra) {
  for (let p = 0; p + 4 <= extra.length; p += 4 + extra.readUInt16LE(p + 2)) {
    if (extra.readUInt16LE(p) !== 1) continue;
    let q = p + 4;
    for (const field of ["size", "compressedSize", "offset"]) {
      if (entry[field] !== MAX32) continue;
      entry[field] = Number(extra.readBigUInt64LE(q));
      q += 8;
    }
  }
}

function contentOf({ read }, entry) {
  const header = read(entry.offset, 30);
  if (header.readUInt32LE(0) !== LOCAL) throw new Error(`${entry.name}: local header not found`);
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = read(start, entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${entry.name}: compression method ${entry.method} not supported`);
}

function bufferSource(buffer) {
  return { size: buffer.length, read: (offset, length) => buffer.subarray(offset, offset + length) };
}

/**
 * Reads a zip file's directory: `{ size, entries, nested }`, where `nested` maps the name of each entry that
 * `openNested(name)` selects (a jar) to that inner zip's entries.
 */
export function readZip(path, openNested = () => false) {
  const fd = openSync(path, "r");
  try {
    const source = {
      size: fstatSync(fd).size,
      read: (offset, length) => {
        const buffer = Buffer.alloc(length);
        readSync(fd, buffer, 0, length, offset);
        return buffer;
      },
    };
    const entries = entriesOf(source);
    const nested = new Map(
      entries.filter((e) => openNested(e.name)).map((e) => [e.name, entriesOf(bufferSource(contentOf(source, e)))]),
    );
    return { size: source.size, entries, nested };
  } finally {
    closeSync(fd);
  }
}
