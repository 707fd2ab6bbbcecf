#!/usr/bin/env node
// Draws the add-in's icons (assets/icon-<size>.png): a white medical cross over a ledger rule on a
// teal rounded square. Written with node:zlib alone so nothing is downloaded and the PNGs can be
// rebuilt byte for byte: `node scripts/make-icons.mjs`. The PNGs are committed; rerun after a change.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const TEAL = [15, 123, 108];
const WHITE = [255, 255, 255];
const SAMPLES = 4; // 4x4 samples per pixel: smooth edges without a drawing library

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encode RGBA pixels (row by row, 4 bytes each) as a PNG. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // no filter
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** What covers a point (unit square coordinates): "cross", "tile" or nothing. */
function shapeAt(x, y) {
  const r = 0.2; // corner radius of the tile
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  const inTile = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  if (!inTile) return null;
  const arm = 0.11; // half the cross's bar width
  const reach = 0.3; // half the cross's length
  const [mx, my] = [0.5, 0.44];
  const inCross = (Math.abs(x - mx) <= arm && Math.abs(y - my) <= reach) || (Math.abs(y - my) <= arm && Math.abs(x - mx) <= reach);
  const inRule = y >= 0.82 && y <= 0.87 && x >= 0.2 && x <= 0.8; // the ledger's total line
  return inCross || inRule ? "cross" : "tile";
}

export function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const shape = shapeAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (shape === "tile") tile++;
          if (shape === "cross") white++;
        }
      }
      const covered = tile + white;
      const i = (py * size + px) * 4;
      if (covered === 0) continue; // transparent
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((TEAL[c] * tile + WHITE[c] * white) / covered);
      rgba[i + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, size, rgba);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../assets");
  mkdirSync(assets, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(assets, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
