// Where each follow-up item stands, from the FollowUp table (issue 15). The table is a history: each
// action the office takes (appealed, resubmitted, written off, closed, a follow-up date, a note) is a
// new row, and no row is ever changed, so the worklists survive closing the file and the trail shows
// who did what when (with the Audit row of the plan that wrote it). An item's standing is the last row
// that names it, dated on or before the as-of date:
// - a row with a ChargeID names that line; a row without one names the whole claim, and stands for each
//   of its lines until a later row names the line;
// - a row with a List names the item on that list only (a line closed as denied comes back when it is
//   later underpaid); a row without one names it on every list.
// An item no row names is Open.
import type { IsoDate } from "../dates";
import type { FollowUpRow, FOLLOW_UP_LISTS, FOLLOW_UP_STATUSES } from "../workbook/tables";

export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export type FollowUpList = (typeof FOLLOW_UP_LISTS)[number];

export interface Standing {
  status: FollowUpStatus;
  /** The date of the row that set it (none for an item never acted on). */
  since?: IsoDate;
  followUpDate?: IsoDate;
  note?: string;
}

/** Statuses that take an item off its list (the list's "all" view still shows it). */
const DONE: ReadonlySet<FollowUpStatus> = new Set<FollowUpStatus>(["Written off", "Closed"]);

export function isDone(standing: Standing): boolean {
  return DONE.has(standing.status);
}

const NEVER_ACTED_ON: Standing = Object.freeze({ status: "Open" }) as Standing;

export class FollowUpBook {
  /** Row positions by ChargeID, and by ClaimID for the rows that name a whole claim; in table order. */
  private readonly lineRows = new Map<string, number[]>();
  private readonly claimRows = new Map<string, number[]>();

  /** `rows`: the FollowUp table's rows, in table order. Rows dated after `asOf` are not counted. */
  constructor(
    private readonly rows: readonly FollowUpRow[] = [],
    asOf?: IsoDate,
  ) {
    rows.forEach((row, i) => {
      if (asOf !== undefined && row.date > asOf) return;
      const [map, key] = row.chargeId !== undefined ? [this.lineRows, row.chargeId] : [this.claimRows, row.claimId];
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    });
  }

  get size(): number {
    return this.rows.length;
  }

  /** A line's standing on a list: the last row naming the line, or its claim, on that list or on every list. */
  line(list: FollowUpList, claimId: string, chargeId: string): Standing {
    const last = Math.max(this.lastOn(list, this.lineRows.get(chargeId)), this.lastOn(list, this.claimRows.get(claimId)));
    return last < 0 ? NEVER_ACTED_ON : standingOf(this.rows[last]);
  }

  /** A whole claim's standing on a list (no response, filing limit): the last row naming the claim itself. */
  claim(list: FollowUpList, claimId: string): Standing {
    const last = this.lastOn(list, this.claimRows.get(claimId));
    return last < 0 ? NEVER_ACTED_ON : standingOf(this.rows[last]);
  }

  private lastOn(list: FollowUpList, positions: number[] | undefined): number {
    if (!positions) return -1;
    for (let k = positions.length - 1; k >= 0; k--) {
      const row = this.rows[positions[k]];
      if (row.list === undefined || row.list === list) return positions[k];
    }
    return -1;
  }
}

function standingOf(row: FollowUpRow): Standing {
  const standing: Standing = { status: row.status, since: row.date };
  if (row.followUpDate !== undefined) standing.followUpDate = row.followUpDate;
  if (row.note !== undefined) standing.note = row.note;
  return standing;
}
