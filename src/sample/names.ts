// The made-up words the sample practice is built from: people, streets and towns. Surnames are
// invented compounds ("Ambergrove", "Tinwhistle") so no row can be mistaken for a real patient;
// every phone number is in the 555-0100..0199 range reserved for fiction.

// prettier-ignore
export const FEMALE_FIRST_NAMES = [
  "Ada", "Bea", "Cora", "Dina", "Elsa", "Faye", "Gwen", "Hana", "Ida", "Juno", "Kira", "Lena",
  "Mae", "Nora", "Opal", "Pia", "Rhea", "Sage", "Tess", "Uma", "Vera", "Wren", "Yara", "Zola",
] as const;

// prettier-ignore
export const MALE_FIRST_NAMES = [
  "Abe", "Bram", "Cal", "Dex", "Eli", "Finn", "Gus", "Hal", "Ike", "Jude", "Kai", "Lev",
  "Milo", "Ned", "Otis", "Pax", "Reid", "Sol", "Tad", "Ugo", "Vic", "Wes", "Yul", "Zed",
] as const;

/** Halves of invented surnames: "Amber" + "grove" = "Ambergrove". */
// prettier-ignore
export const SURNAME_STARTS = [
  "Amber", "Birch", "Cinder", "Dapple", "Elder", "Fern", "Glimmer", "Hazel", "Ivory", "Juniper", "Kettle", "Lark",
  "Moss", "Nettle", "Oak", "Pebble", "Quill", "Rowan", "Sorrel", "Tin", "Umber", "Vale", "Willow", "Yarrow",
] as const;

// prettier-ignore
export const SURNAME_ENDS = [
  "grove", "wick", "brook", "thorpe", "whistle", "field", "bottom", "worth",
  "hollow", "mere", "stack", "ridge", "bury", "combe", "dale", "ford",
] as const;

// prettier-ignore
export const STREET_NAMES = [
  "Sample", "Placeholder", "Testing", "Example", "Mockingbird", "Fictional", "Dummy Creek",
  "Specimen", "Pretend", "Imaginary", "Makebelieve", "Lorem", "Ipsum", "Demo Ridge",
] as const;

export const STREET_KINDS = ["St", "Ave", "Ln", "Rd", "Ct", "Way", "Dr", "Blvd"] as const;

/** Towns of the sample practice's area; the ZIP codes are the 5-digit part, +4 added per patient. */
export const TOWNS = [
  { city: "Sampleton", state: "IL", zip: "62701" },
  { city: "Fauxville", state: "IL", zip: "62702" },
  { city: "Mockford", state: "IL", zip: "62703" },
  { city: "Testburg", state: "IL", zip: "62704" },
  { city: "Demo Falls", state: "IL", zip: "62707" },
  { city: "Pretendale", state: "IL", zip: "62711" },
] as const;

export const AREA_CODE = "217";
