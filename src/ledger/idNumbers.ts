// Ids as numbers 0, 1, 2… in first-seen order, for the ledger's million-row links (a posting's
// ChargeID to its line, a line's PatientID to its patient). Offices number their rows: "L000123",
// "PMT-000812", "10023". An id's trailing number then picks a slot in a typed array, and the id kept
// there is compared with the one asked (exactly, as the ledger matches keys), so two ids with one
// number ("C01" and "D1") still differ: the later one goes to a Map, as does an id with no number or a
// number too large for the slots. A Map of a million strings costs about half a second on the 2-core
// machines we measure on; the slots a small part of that (npm run bench -- ledger).
import * as trailing from "../trailingNumber";

// Read as this module's own constants: called for every id of a million-row table, and unbundled an
// imported binding is a lookup through its module at each call (a getter call where tsx compiles to CommonJS).
const { slotLimit, slotsHolding, trailingNumber } = trailing;

export class IdNumbers {
  // Made to the expected length up front: pushing a million ids one by one costs three times as much
  // (the list is copied as it grows). `count` of them are in use.
  private list: string[];
  private count = 0;
  /** Trailing number → the id's number + 1 (0: free). */
  private slots: Int32Array;
  private readonly limit: number;
  private readonly others = new Map<string, number>();
  // A line's payer or a remittance's payment repeats run after run: the last id asked is asked first.
  private lastId: string | undefined = undefined;
  private lastNumber = -1;

  /** `expected`: about how many ids there will be (sizes the slots; any count works). */
  constructor(expected = 0) {
    this.limit = slotLimit(expected);
    this.slots = new Int32Array(Math.min(this.limit, Math.max(16, expected)));
    this.list = expected > 0 ? new Array<string>(expected) : [];
  }

  /** ids[n] is the id numbered n. */
  get ids(): string[] {
    if (this.list.length !== this.count) this.list.length = this.count;
    return this.list;
  }

  get size(): number {
    return this.count;
  }

  /** The id's number, or -1 when it has none. */
  find(id: string): number {
    if (id === this.lastId) return this.lastNumber;
    const slot = trailingNumber(id);
    if (slot >= 0 && slot < this.slots.length) {
      const n = this.slots[slot] - 1;
      if (n >= 0 && this.list[n] === id) return n;
    }
    if (this.others.size === 0) return -1;
    return this.others.get(id) ?? -1;
  }

  /** The id's number, given the next one when it is new. */
  of(id: string): number {
    if (id === this.lastId) return this.lastNumber;
    const n = this.numberOf(id);
    this.lastId = id;
    this.lastNumber = n;
    return n;
  }

  private numberOf(id: string): number {
    const slot = trailingNumber(id);
    if (slot >= 0 && slot < this.limit) {
      if (slot >= this.slots.length) this.slots = slotsHolding(this.slots, slot, this.limit);
      const held = this.slots[slot] - 1;
      if (held >= 0 && this.list[held] === id) return held;
      if (held < 0) {
        // A free slot means the id is new: an id goes to the Map only past the limit (fixed) or when
        // its slot is held by another id (never freed).
        const n = this.add(id);
        this.slots[slot] = n + 1;
        return n;
      }
    }
    let n = this.others.get(id);
    if (n === undefined) {
      n = this.add(id);
      this.others.set(id, n);
    }
    return n;
  }

  private add(id: string): number {
    const n = this.count++;
    if (n < this.list.length) this.list[n] = id;
    else this.list.push(id);
    return n;
  }
}
