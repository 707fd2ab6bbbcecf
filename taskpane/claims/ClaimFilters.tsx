// Which claims the list shows: one payer or all (with how many each has) and one status or every
// one (with how many of the payer's claims have it), then the counts by status with their lights.
import { makeStyles, tokens } from "@fluentui/react-components";
import { count } from "../billerMessage";
import { formLayout } from "../formLayout";
import { ChoiceField } from "../LabelledField";
import { StatusLight } from "./ClaimList";
import type { ClaimStatus } from "./claimsRun";
import { STATUSES, STATUS_TEXT, type PayerGroup, type StatusCounts } from "./claimsView";

const useStyles = makeStyles({
  fields: formLayout.fields,
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: "none" },
  countItem: { display: "inline-flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  countNumber: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
});

/** "Every payer" and "every status" are the blank choice. */
export const ALL = "";

export interface ClaimFiltersProps {
  /** How many claims there are in all. */
  total: number;
  groups: PayerGroup[];
  payer: string;
  onPayer: (payer: string) => void;
  status: ClaimStatus | typeof ALL;
  onStatus: (status: ClaimStatus | typeof ALL) => void;
  /** The chosen payer's claims by status. */
  counts: StatusCounts;
  disabled: boolean;
}

export function ClaimFilters({ total, groups, payer, onPayer, status, onStatus, counts, disabled }: ClaimFiltersProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.fields}>
        <ChoiceField
          label="Payer"
          wide
          value={payer}
          options={[
            { value: ALL, label: `All payers (${count(total)})` },
            ...groups.map((g) => ({ value: g.payerId, label: `${g.short} (${count(g.entries.length)})` })),
          ]}
          onChange={onPayer}
          disabled={disabled}
        />
        <ChoiceField<ClaimStatus | typeof ALL>
          label="Show"
          value={status}
          options={[
            { value: ALL, label: "Every status" },
            ...STATUSES.map((s) => ({ value: s, label: `${STATUS_TEXT[s]} (${count(counts[s])})` })),
          ]}
          onChange={onStatus}
          disabled={disabled}
        />
      </div>
      <ul className={styles.counts} aria-label="Claims by status">
        {STATUSES.map((s) => (
          <li key={s} className={styles.countItem}>
            <span className={styles.countNumber}>{count(counts[s])}</span>
            <StatusLight status={s} />
          </li>
        ))}
      </ul>
    </>
  );
}
