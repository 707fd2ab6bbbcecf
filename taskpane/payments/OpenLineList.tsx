// The open lines of the chosen payer or patient, oldest date of service first, as a compact list
// that fits a 320-pixel pane: each line's date, code, claim and shares, then what to post on it.
// An insurer's line takes paid, an adjustment (group and reason) and patient responsibility (the
// last ones shown once the line is worked); a patient's line takes paid. Each line can be marked as an overpayment on purpose.
import { Caption1, Checkbox, Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatMoney } from "../../src/money";
import { fieldValidation } from "../FieldErrors";
import { borderedList } from "../formLayout";
import type { OpenLineView } from "./paymentBooks";
import {
  ADJUSTMENT_GROUPS,
  BLANK_LINE,
  PATIENT_RESP_REASONS,
  type AdjustmentGroup,
  type FormErrors,
  type LineEntries,
  type LineEntry,
  type PatientRespReason,
} from "./paymentForm";

const useStyles = makeStyles({
  list: {
    ...borderedList,
    display: "flex",
    flexDirection: "column",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  filled: { backgroundColor: tokens.colorBrandBackground2 },
  top: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS, minWidth: 0 },
  what: { flexGrow: 1, minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  balance: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  shares: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalXS },
  share: { display: "flex", flexDirection: "column", minWidth: 0 },
  shareLabel: { color: tokens.colorNeutralForeground3 },
  shareValue: { fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  // Two fields a row, top-aligned so an error under one doesn't stretch its neighbour.
  inputs: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  field: { minWidth: 0 },
  // Fluent gives inputs and selects a minimum width a 320-pixel pane has no room for.
  control: { minWidth: 0, width: "100%" },
  wide: { gridColumn: "1 / -1" },
});

export interface OpenLineListProps {
  lines: OpenLineView[];
  /** A patient's payment: only Paid per line. */
  patientPayment: boolean;
  entries: LineEntries;
  errors: FormErrors["lines"];
  onChange: (chargeId: string, entry: LineEntry) => void;
  disabled: boolean;
}

export function OpenLineList({ lines, patientPayment, entries, errors, onChange, disabled }: OpenLineListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Open lines">
      {lines.map((line) => (
        <OpenLine
          key={line.chargeId}
          line={line}
          patientPayment={patientPayment}
          entry={entries[line.chargeId] ?? BLANK_LINE}
          errors={errors[line.chargeId] ?? {}}
          onChange={(entry) => onChange(line.chargeId, entry)}
          disabled={disabled}
        />
      ))}
    </ul>
  );
}

interface OpenLineProps {
  line: OpenLineView;
  patientPayment: boolean;
  entry: LineEntry;
  errors: FormErrors["lines"][string];
  onChange: (entry: LineEntry) => void;
  disabled: boolean;
}

function OpenLine({ line, patientPayment, entry, errors, onChange, disabled }: OpenLineProps) {
  const styles = useStyles();
  const set = (change: Partial<LineEntry>) => onChange({ ...entry, ...change });
  const filled = entry.paid.trim() !== "" || entry.adjustment.trim() !== "" || entry.patientResp.trim() !== "";
  // An insurer's line shows its group, reason and patient responsibility once something is typed on
  // it (they follow in Tab order), so a payer's long list stays short until a line is worked.
  const expanded = filled || entry.reason.trim() !== "" || entry.overpayment || Object.keys(errors).length > 0;
  const title = `${line.dos} ${line.code}`;
  const money = (field: "paid" | "adjustment" | "patientResp", label: string) => (
    <Field label={label} size="small" className={styles.field} {...fieldValidation(errors[field])}>
      <Input
        className={styles.control}
        size="small"
        inputMode="decimal"
        value={entry[field]}
        onChange={(_, data) => set({ [field]: data.value })}
        disabled={disabled}
        aria-description={title}
      />
    </Field>
  );
  return (
    <li
      className={mergeClasses(styles.item, filled && styles.filled)}
      aria-label={`${title}, line ${line.chargeId}`}
      data-charge={line.chargeId}
    >
      <div className={styles.top}>
        <Text size={300} className={styles.what}>
          {line.dos} · {line.code || "no code"}
        </Text>
        <Text size={300} className={styles.balance} aria-label={`Balance ${formatMoney(line.balance)}`}>
          {formatMoney(line.balance)}
        </Text>
      </div>
      <Caption1 className={styles.sub}>
        {line.chargeId} · claim {line.claimId}
        {!patientPayment && line.patient ? ` · ${line.patient}` : ""}
      </Caption1>
      <div className={styles.shares}>
        <Share label="Charge" value={line.charge} />
        <Share label="Insurance" value={line.insuranceShare} />
        <Share label="Patient" value={line.patientShare} />
      </div>
      <div className={styles.inputs}>
        {money("paid", "Paid")}
        {patientPayment ? (
          <Checkbox
            className={styles.field}
            label="Overpayment"
            checked={entry.overpayment}
            onChange={(_, data) => set({ overpayment: data.checked === true })}
            disabled={disabled}
            aria-description={title}
          />
        ) : (
          money("adjustment", "Adjustment")
        )}
        {!patientPayment && expanded && (
          <>
            <Field label="Group" size="small" className={styles.field}>
              <Select
                className={styles.control}
                size="small"
                value={entry.group}
                onChange={(_, data) => set({ group: data.value as AdjustmentGroup })}
                disabled={disabled}
                aria-description={title}
              >
                {ADJUSTMENT_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Reason (CARC)" size="small" className={styles.field} {...fieldValidation(errors.reason)}>
              <Input
                className={styles.control}
                size="small"
                value={entry.reason}
                placeholder="e.g. 45"
                onChange={(_, data) => set({ reason: data.value })}
                disabled={disabled}
                aria-description={title}
              />
            </Field>
            {money("patientResp", "Patient resp.")}
            <Field label="Why" size="small" className={styles.field}>
              <Select
                className={styles.control}
                size="small"
                value={entry.patientRespReason}
                onChange={(_, data) => set({ patientRespReason: data.value as PatientRespReason })}
                disabled={disabled}
                aria-description={title}
              >
                {PATIENT_RESP_REASONS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.text}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox
              className={mergeClasses(styles.field, styles.wide)}
              label="Overpayment: pay more than the balance on purpose"
              checked={entry.overpayment}
              onChange={(_, data) => set({ overpayment: data.checked === true })}
              disabled={disabled}
              aria-description={title}
            />
          </>
        )}
      </div>
    </li>
  );
}

function Share({ label, value }: { label: string; value: number }) {
  const styles = useStyles();
  return (
    <div className={styles.share}>
      <Caption1 className={styles.shareLabel}>{label}</Caption1>
      <Text size={200} className={styles.shareValue}>
        {formatMoney(value)}
      </Text>
    </div>
  );
}
