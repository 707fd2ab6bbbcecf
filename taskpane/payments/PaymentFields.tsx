// A payment's own fields on Post: who it is from (an insurance payer from the Payers table, or a
// patient found by name or PatientID), the date received, the method, the check or EFT number and
// the amount (Enter in Amount previews). Presentational: the panel keeps the form.
import type { KeyboardEvent } from "react";
import { Field, Radio, RadioGroup, makeStyles, mergeClasses } from "@fluentui/react-components";
import { formatMoney } from "../../src/money";
import { fieldValidation } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { ChoiceField, TextField } from "../LabelledField";
import { PatientSearch } from "../PatientSearch";
import type { PaymentBooks } from "./paymentBooks";
import { METHODS, type FormErrors, type PaymentForm, type PaymentSource } from "./paymentForm";

const useStyles = makeStyles({ ...formLayout, radios: { flexWrap: "wrap" } });

export type PaymentFromKind = "payer" | "patient";

// The form says "a payer, or a patient"; here the biller already picked which.
const FROM_MISSING: Record<PaymentFromKind, string> = {
  payer: "Choose the payer the money is from.",
  patient: "Find the patient: type a name or PatientID and pick them from the list.",
};

export interface PaymentFieldsProps {
  books: Pick<PaymentBooks, "payers" | "patients">;
  form: PaymentForm;
  errors: FormErrors["payment"];
  kind: PaymentFromKind;
  onKind: (kind: PaymentFromKind) => void;
  /** The patient search's text (the panel clears it when the kind changes). */
  patientQuery: string;
  onPatientQuery: (query: string) => void;
  /** Another payer or patient (or none): the lines and what was entered on them go. */
  onFrom: (from: PaymentSource | undefined) => void;
  onChange: (next: Partial<PaymentForm>) => void;
  /** Enter in Amount. */
  onPreview: () => void;
  disabled: boolean;
}

export function PaymentFields(props: PaymentFieldsProps) {
  const { books, form, errors, kind, onKind, patientQuery, onPatientQuery, onFrom, onChange, onPreview, disabled } = props;
  const styles = useStyles();
  const error = (field: keyof FormErrors["payment"]) => (field === "from" && errors.from ? FROM_MISSING[kind] : errors[field]);
  const payer =
    form.from && "payerId" in form.from ? books.payers.find((p) => "payerId" in form.from! && p.payerId === form.from.payerId) : undefined;
  const onAmountKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onPreview();
    }
  };

  return (
    <div className={styles.fields}>
      <Field label="Payment from" className={mergeClasses(styles.field, styles.wide)}>
        <RadioGroup
          layout="horizontal"
          className={styles.radios}
          value={kind}
          onChange={(_, data) => onKind(data.value as PaymentFromKind)}
          disabled={disabled}
        >
          <Radio value="payer" label="Insurance payer" />
          <Radio value="patient" label="Patient" />
        </RadioGroup>
      </Field>
      {kind === "payer" ? (
        <ChoiceField
          label="Payer"
          wide
          error={error("from")}
          value={payer?.payerId ?? ""}
          options={[
            { value: "", label: "Choose a payer…" },
            ...books.payers.map((p) => ({ value: p.payerId, label: `${p.name} (${p.payerId}) · open ${formatMoney(p.open)}` })),
          ]}
          onChange={(payerId) => onFrom(payerId ? { payerId } : undefined)}
          disabled={disabled}
        />
      ) : (
        <PatientSearch
          label="Patient"
          patients={books.patients}
          picked={Boolean(form.from)}
          query={patientQuery}
          onQueryChange={onPatientQuery}
          onPick={(chosen) => onFrom({ patientId: chosen.patientId })}
          onUnpick={() => onFrom(undefined)}
          noMatch="No patient matches"
          validation={fieldValidation(error("from"))}
          className={mergeClasses(styles.field, styles.wide)}
          disabled={disabled}
        />
      )}
      <TextField
        label="Date received"
        error={error("date")}
        value={form.date}
        onChange={(date) => onChange({ date })}
        disabled={disabled}
      />
      <ChoiceField
        label="Method"
        value={form.method}
        options={METHODS.map((m) => ({ value: m, label: m }))}
        onChange={(method) => onChange({ method })}
        disabled={disabled}
      />
      <TextField label="Check or EFT #" value={form.reference} onChange={(reference) => onChange({ reference })} disabled={disabled} />
      <TextField
        label="Amount"
        error={error("amount")}
        inputMode="decimal"
        placeholder="$0.00"
        value={form.amount}
        onChange={(amount) => onChange({ amount })}
        onKeyDown={onAmountKey}
        disabled={disabled}
      />
    </div>
  );
}
