// The text a pdf-lib PDF shows, read back from its bytes for the tests (the PDF unit tests and the
// CLI's): each content stream inflated, its <hex> Tj operands decoded from WinAnsi.
import { unzlibSync } from "fflate";

/** The strings each page shows, in drawing order (a page per content stream that shows any). */
export function pdfTexts(bytes: Uint8Array): string[][] {
  const raw = new TextDecoder("latin1").decode(bytes);
  const winAnsi = new TextDecoder("windows-1252");
  const pages: string[][] = [];
  for (const m of raw.matchAll(/\/Length (\d+)\s*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = new TextDecoder("latin1").decode(unzlibSync(bytes.subarray(start, start + Number(m[1]))));
    } catch {
      continue;
    }
    const shown = [...content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map(([, hex]) =>
      winAnsi.decode(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16))),
    );
    if (shown.length > 0) pages.push(shown);
  }
  return pages;
}
