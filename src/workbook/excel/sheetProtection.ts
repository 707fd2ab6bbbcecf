// Sheet protection around a plan. Protected sheets (code sets) cannot be written from Office.js,
// not even by the add-in: a plan that writes on one lifts the protection in one sync of its own
// first (so a password-protected sheet refuses the plan before anything is written), then puts it
// back with the office's own options in the plan's last request, or right away if a request fails.
import { PlanRejected, type WriteOp } from "../port";
import type { SheetPlace } from "./layout";
import type { TableState } from "./tableState";
import type { RequestQueue } from "./requestQueue";
import { apiSupported } from "./requirementSets";

/**
 * What a sheet protected by the add-in still lets a user do: select any cell (the default selection
 * mode), filter, and widen columns to read long descriptions. No password: protection here guards
 * against slips, not people.
 */
const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = { allowAutoFilter: true, allowFormatColumns: true };

export class SheetProtection {
  /** Sheets to protect once everything is written (lower-case name), with the options to use. */
  private readonly protectAtEnd = new Map<string, { name: string; options: Excel.WorksheetProtectionOptions }>();
  /** The office's protected sheets this plan unprotected. */
  private lifted: SheetPlace[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly sheets: Map<string, SheetPlace>,
    private readonly tables: Map<string, TableState>,
  ) {}

  private sheet(name: string): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(name);
  }

  /**
   * Lift the protection of every protected sheet the plan writes on, in one sync before any change
   * is queued: a sheet protected with a password refuses the plan with nothing written. Only sheets
   * known to be protected are unprotected (some Excel builds fail unprotect on an unprotected sheet).
   */
  async unprotectSheets(ops: WriteOp[]): Promise<void> {
    const written = new Map<string, SheetPlace>();
    const add = (name: string | undefined) => {
      const place = name === undefined ? undefined : this.sheets.get(name.toLowerCase());
      if (place?.protected) written.set(place.name.toLowerCase(), place);
    };
    for (const op of ops) {
      if (op.kind === "createTable" || op.kind === "makeTable") add(op.sheet);
      else if (op.kind !== "reportSheet") add(this.tables.get(op.table.toLowerCase())?.sheet);
    }
    if (written.size === 0) return;
    const places = [...written.values()];
    for (const place of places) this.sheet(place.name).protection.unprotect();
    try {
      await this.context.sync();
    } catch (error) {
      const locked = await this.restoreProtection(places);
      if (locked.length === 0) throw error;
      const names = locked.map((name) => `"${name}"`).join(", ");
      throw new PlanRejected(
        `Nothing was written: sheet ${names} is protected with a password. Unprotect it in Excel (Review > Unprotect Sheet), run this again, then protect it again.`,
      );
    }
    this.lifted = places;
    for (const place of places) {
      place.protected = false;
      this.protectAtEnd.set(place.name.toLowerCase(), { name: place.name, options: place.protection ?? SHEET_PROTECTION });
    }
  }

  /**
   * After a failed unprotect: the sheets unprotected before the failing one are protected again as
   * they were. Returns the sheets still protected (those needing a password).
   */
  private async restoreProtection(places: SheetPlace[]): Promise<string[]> {
    const states = places.map((place) => {
      const protection = this.sheet(place.name).protection;
      protection.load("protected");
      return { place, protection };
    });
    await this.context.sync();
    const lifted = states.filter((s) => !s.protection.protected);
    for (const { place, protection } of lifted) protection.protect(place.protection ?? SHEET_PROTECTION);
    if (lifted.length > 0) await this.context.sync();
    return states.filter((s) => s.protection.protected).map((s) => s.place.name);
  }

  /**
   * A sheet the plan creates a table on with protection asked for. A sheet unprotected for the plan
   * is protected again with its own options; a new one with ours.
   */
  protectNewSheet(key: string, name: string): void {
    if (this.protectAtEnd.has(key)) return;
    const options: Excel.WorksheetProtectionOptions = apiSupported("1.7")
      ? { ...SHEET_PROTECTION, selectionMode: "Normal" }
      : SHEET_PROTECTION;
    this.protectAtEnd.set(key, { name, options });
  }

  /** Protect the sheets that need it, queued in the plan's last request. */
  async queueProtectAtEnd(requests: RequestQueue): Promise<void> {
    for (const { name, options } of this.protectAtEnd.values()) {
      await requests.queue(JSON.stringify(options).length, () => this.sheet(name).protection.protect(options));
    }
  }

  /** Best effort after a failed request: the sheets unprotected for the plan are protected again. */
  async protectAgainAfterFailure(): Promise<void> {
    if (this.lifted.length === 0) return;
    try {
      await this.restoreProtection(this.lifted);
    } catch {
      // The failure being reported matters more than this one.
    }
  }
}
