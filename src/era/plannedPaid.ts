// Paid an ERA file plans per payer and line (ChargeID), reversals negative: how the plan tells that a
// claim of the file was already paid by an earlier claim of the same file. The lines are numbered by
// IdNumbers per payer (ChargeIDs end in a number) and their sums kept in a list by number: a Map of
// 100,000 ChargeIDs per payer, set and read for each line, was a tenth of an ERA's plan.
import { IdNumbers } from "../ledger/idNumbers";
import type { Cents } from "../money";

interface PayerLines {
  lines: IdNumbers;
  paid: Cents[];
}

export class PlannedPaid {
  private readonly payers = new Map<string, PayerLines>();

  /** `lines`: about how many lines there are (the ledger's Charges), to size the numbering. */
  constructor(private readonly lines: number) {}

  /** Add `paid` to what the payer's claims of this file pay on the line. */
  add(payerId: string, chargeId: string, paid: Cents): void {
    let payer = this.payers.get(payerId);
    if (!payer) {
      payer = { lines: new IdNumbers(this.lines), paid: [] };
      this.payers.set(payerId, payer);
    }
    const n = payer.lines.of(chargeId);
    payer.paid[n] = (payer.paid[n] ?? 0) + paid;
  }

  /** What this file has planned so far that the payer pays on these lines, summed in their order. */
  onLines(payerId: string, chargeIds: readonly string[]): Cents {
    const payer = this.payers.get(payerId);
    if (!payer) return 0;
    let planned = 0;
    for (const id of chargeIds) {
      const n = payer.lines.find(id);
      if (n >= 0) planned += payer.paid[n];
    }
    return planned;
  }
}
