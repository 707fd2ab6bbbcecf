// The CSV cells' rules live in the engine (src/csvCells.ts), where the collection agency's file is made
// too: the commands keep importing them from here.
export { csvDollars, csvLine, csvNumber, csvText } from "../csvCells";
