// How Excel shows a number under a number format, for the browser host's preview: the formats the
// add-in writes ("yyyy-mm-dd", "mm/dd/yyyy", '"$"#,##0.00;[Red]-"$"#,##0.00', "0.0%", "0", "0.##", "@")
// and the usual ones an office's file carries (m/d/yyyy, d-mmm-yy, #,##0, accounting formats, a
// locale or currency tag such as [$-409] or [$€-407], [Red]). Not a whole formatting engine: a
// section it cannot read (a condition such as [>=100], scientific notation, fractions, elapsed
// time) shows the number as Excel's General would, never a wrong figure.
import { serialToIso, type DateSystem } from "../../src/dates";

/** A number as a formatted cell shows it, and whether the format colors it red (a negative amount). */
export interface Shown {
  text: string;
  red?: boolean;
}

type Token = { literal: string } | { code: string };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Whether a format shows a number as it is (no format, General, or text "@"). */
export function isGeneralFormat(format: string | null | undefined): boolean {
  if (format === null || format === undefined) return true;
  const f = format.trim().toLowerCase();
  return f === "" || f === "general" || f === "@";
}

/** The number as Excel shows it under `format`. */
export function formatNumber(value: number, format: string, dateSystem: DateSystem): Shown {
  const sections = splitSections(format);
  let section = sections[0];
  let shown = value;
  let minus = value < 0;
  if (value < 0 && sections.length >= 2 && sections[1].trim() !== "") {
    // A negative section shows the number without its sign: it writes its own.
    section = sections[1];
    shown = -value;
    minus = false;
  } else if (value === 0 && sections.length >= 3 && sections[2].trim() !== "") {
    section = sections[2];
  }
  const parsed = tokenize(section);
  if (!parsed) return { text: generalText(value) };
  const { tokens, red } = parsed;
  const codes = tokens.map((t) => ("code" in t ? t.code : "")).join("");
  const withColor = (text: string): Shown => (red ? { text, red } : { text });
  if (/^general$/i.test(codes.trim())) return withColor(generalText(value));
  // Letters other than General's are date and time codes (a numeric section has none).
  if (/[ymdhs]/i.test(codes)) {
    const text = dateText(shown, tokens, dateSystem);
    return text === undefined ? { text: generalText(value) } : withColor(text);
  }
  if (/[0#?]/.test(codes)) {
    const text = numberText(Math.abs(shown), tokens);
    return text === undefined ? { text: generalText(value) } : withColor(minus ? `-${text}` : text);
  }
  if (codes.includes("@")) return withColor(generalText(value));
  // Only literals: the section shows its text (a zero shown as "-", say).
  return withColor(tokens.map((t) => ("literal" in t ? t.literal : t.code)).join(""));
}

/** Excel's General for the preview: the number as JavaScript writes it (the grid shows plain numbers so). */
function generalText(value: number): string {
  return String(value);
}

/** Sections split at ";" outside quotes, brackets and escapes. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "\\" && !quoted && i + 1 < format.length) {
      current += c + format[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "[") bracket = true;
    else if (!quoted && c === "]") bracket = false;
    if (c === ";" && !quoted && !bracket) {
      sections.push(current);
      current = "";
    } else current += c;
  }
  sections.push(current);
  return sections;
}

/** A section as literals and format codes, and its color; undefined for what is not read here. */
function tokenize(section: string): { tokens: Token[]; red: boolean } | undefined {
  const tokens: Token[] = [];
  let red = false;
  const literal = (text: string) => tokens.push({ literal: text });
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (c === "\\") {
      if (i + 1 < section.length) literal(section[++i]);
    } else if (c === "_") {
      // Room for the next character (a ")" lining positives up with negatives): a space here.
      i++;
      literal(" ");
    } else if (c === "*") {
      i++; // Fill to the cell's width with the next character: nothing in a preview.
    } else if (c === "[") {
      const end = section.indexOf("]", i);
      if (end < 0) return undefined;
      const inside = section.slice(i + 1, end);
      i = end;
      if (/^red$/i.test(inside)) red = true;
      else if (inside.startsWith("$")) {
        // [$-409] is a locale (shows nothing); [$€-407] or [$USD] a currency symbol.
        const symbol = inside.slice(1).split("-")[0];
        if (symbol !== "") literal(symbol);
      } else if (!/^(black|blue|cyan|green|magenta|white|yellow|color\s*\d+)$/i.test(inside)) return undefined;
    } else if (/[eE]/.test(c) && /[+-]/.test(section[i + 1] ?? "")) {
      return undefined; // scientific notation
    } else if (c === "/" && /[0#?]/.test(section.slice(0, i)) && /[0#?]/.test(section.slice(i + 1))) {
      return undefined; // a fraction (# ?/?)
    } else if (/[$\-+():!^&'~{}<>=\s/]/.test(c)) {
      literal(c);
    } else {
      tokens.push({ code: c });
    }
  }
  return { tokens, red };
}

/** A number under a numeric section: digits, thousands separators, decimals, percent, literals around. */
function numberText(value: number, tokens: Token[]): string | undefined {
  const codes = tokens.map((t) => ("code" in t ? t.code : ""));
  const placeholders = codes.map((c, i) => (/[0#?.,]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const firstDigit = codes.findIndex((c) => /[0#?]/.test(c));
  const lastDigit = codes.length - 1 - [...codes].reverse().findIndex((c) => /[0#?]/.test(c));
  const start = Math.min(firstDigit, placeholders.find((i) => codes[i] === ".") ?? firstDigit);
  let end = lastDigit;
  // Commas right after the last digit scale by a thousand each ("#,##0," shows thousands).
  let scale = 0;
  while (codes[end + 1] === ",") {
    end++;
    scale++;
  }
  const pattern = tokens
    .slice(start, end + 1)
    .map((t) => ("code" in t ? t.code : ""))
    .join("");
  if (/[^0#?.,]/.test(pattern.replace(/,+$/, ""))) return undefined;
  const percents = codes.filter((c) => c === "%").length;
  const scaled = (value * 100 ** percents) / 1000 ** scale;
  const body = pattern.replace(/,+$/, "");
  const dot = body.indexOf(".");
  const intPattern = dot < 0 ? body : body.slice(0, dot);
  const fracPattern = dot < 0 ? "" : body.slice(dot + 1).replace(/,/g, "");
  const decimals = fracPattern.length;
  const minDecimals = (fracPattern.match(/0/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const grouped = /[0#?],+[0#?]/.test(intPattern);
  const rounded = roundTo(scaled, decimals);
  let [whole, fraction = ""] = rounded.split(".");
  fraction = fraction.replace(/0+$/, "").padEnd(minDecimals, "0");
  if (whole === "0" && minInt === 0) whole = "";
  whole = whole.padStart(minInt, "0");
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = dot < 0 ? whole : `${whole}.${fraction}`;
  const around = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .map((t) => ("literal" in t ? t.literal : t.code === "%" ? "%" : /[0#?.,]/.test(t.code) ? "" : t.code))
      .join("");
  return around(0, start) + number + around(end + 1, tokens.length);
}

/** The number with `decimals` places, rounded half away from zero as Excel does (1.005 -> 1.01). */
function roundTo(value: number, decimals: number): string {
  const shifted = Number(`${value}e${decimals}`);
  const rounded = Number.isFinite(shifted) ? Math.round(shifted) : Math.round(value * 10 ** decimals);
  return (rounded / 10 ** decimals).toFixed(decimals);
}

/** A serial under a date or time section; undefined when it is no date Excel can show. */
function dateText(serial: number, tokens: Token[], dateSystem: DateSystem): string | undefined {
  const day = Math.floor(serial);
  const iso = serialToIso(day, dateSystem);
  if (!iso.ok) return undefined;
  const [year, month, date] = iso.value.split("-").map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  const seconds = Math.round((serial - day) * 86_400) % 86_400;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const hasAmPm = tokens.some((t, i) => "code" in t && /a/i.test(t.code) && ampmAt(tokens, i) !== undefined);
  const two = (n: number) => String(n).padStart(2, "0");

  // Codes in runs of the same letter ("yyyy", "mm"); an "m" run next to hours or seconds is minutes.
  const runs: ({ literal: string } | { run: string })[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ("literal" in t) {
      runs.push(t);
      continue;
    }
    const ampm = ampmAt(tokens, i);
    if (ampm !== undefined) {
      runs.push({ literal: ampm.long ? (hours < 12 ? "AM" : "PM") : hours < 12 ? "A" : "P" });
      i += ampm.length - 1;
      continue;
    }
    const letter = t.code.toLowerCase();
    if (!"ymdhs".includes(letter)) {
      runs.push({ literal: t.code });
      continue;
    }
    let run = letter;
    while ("code" in (tokens[i + 1] ?? {}) && (tokens[i + 1] as { code: string }).code.toLowerCase() === letter) {
      run += letter;
      i++;
    }
    runs.push({ run });
  }
  const isMinutes = (at: number) => {
    const near = (step: number) => {
      for (let j = at + step; j >= 0 && j < runs.length; j += step) {
        const r = runs[j];
        if ("run" in r) return r.run[0];
      }
      return undefined;
    };
    return near(-1) === "h" || near(1) === "s";
  };
  let out = "";
  runs.forEach((r, at) => {
    if ("literal" in r) {
      out += r.literal;
      return;
    }
    const { run } = r;
    const n = run.length;
    switch (run[0]) {
      case "y":
        out += n <= 2 ? two(year % 100) : String(year);
        break;
      case "m":
        if (n <= 2 && isMinutes(at)) out += n === 2 ? two(minutes) : String(minutes);
        else if (n === 1) out += String(month);
        else if (n === 2) out += two(month);
        else if (n === 3) out += MONTHS[month - 1].slice(0, 3);
        else if (n === 5) out += MONTHS[month - 1][0];
        else out += MONTHS[month - 1];
        break;
      case "d":
        if (n === 1) out += String(date);
        else if (n === 2) out += two(date);
        else if (n === 3) out += DAYS[weekday].slice(0, 3);
        else out += DAYS[weekday];
        break;
      case "h": {
        const h = hasAmPm ? hours % 12 || 12 : hours;
        out += n >= 2 ? two(h) : String(h);
        break;
      }
      case "s":
        out += n >= 2 ? two(secs) : String(secs);
        break;
    }
  });
  return out;
}

/** "AM/PM" or "A/P" starting at token i (the slash is a literal between codes). */
function ampmAt(tokens: Token[], i: number): { long: boolean; length: number } | undefined {
  const text = tokens
    .slice(i, i + 5)
    .map((t) => ("code" in t ? t.code : t.literal))
    .join("")
    .toUpperCase();
  if (text.startsWith("AM/PM")) return { long: true, length: 5 };
  if (text.startsWith("A/P")) return { long: false, length: 3 };
  return undefined;
}
