// Finding a patient (or a patient's account) by typing: a combobox that lists, as the biller types a
// name or a PatientID, who matches, those who owe most first, each with what they owe. Picking one
// hands it to the form; typing over a picked patient unpicks it. Used by Post payments (a patient's
// payment) and Statements (one account).
import { useState } from "react";
import { Combobox, Field, Option, makeStyles } from "@fluentui/react-components";
import { formatMoney } from "../src/money";
import { findPatients, patientLabel, type PatientChoice } from "./payments/paymentBooks";

const useStyles = makeStyles({
  control: { minWidth: 0, width: "100%" },
});

export interface PatientSearchProps {
  label: string;
  /** Everyone who can be picked. */
  patients: PatientChoice[];
  /** A patient is picked: the list offers everyone again and the hint goes. */
  picked: boolean;
  /** What the box shows: the typed text, or the picked patient's label. */
  query: string;
  onQueryChange: (query: string) => void;
  onPick: (patient: PatientChoice) => void;
  /** The biller typed over the picked patient. */
  onUnpick: () => void;
  /** "No patient matches". */
  noMatch: string;
  /** The field's mistake, if any (fieldValidation). */
  validation: { validationMessage?: string; validationState: "error" | "none" };
  className?: string;
  disabled: boolean;
}

export function PatientSearch(props: PatientSearchProps) {
  const { label, patients, picked, query, onQueryChange, onPick, onUnpick, noMatch, validation, className, disabled } = props;
  const styles = useStyles();
  // Opened on every change, not only on a key press, so a pasted PatientID lists its patient too.
  const [listOpen, setListOpen] = useState(false);
  const options = findPatients(patients, picked ? "" : query);
  return (
    <Field
      label={label}
      hint={picked ? undefined : "Type a name or PatientID; the list starts with who owes most."}
      className={className}
      {...validation}
    >
      <Combobox
        className={styles.control}
        freeform
        placeholder="Name or PatientID"
        value={query}
        open={listOpen}
        onOpenChange={(_, data) => setListOpen(data.open)}
        onChange={(event) => {
          onQueryChange(event.target.value);
          setListOpen(true);
          if (picked) onUnpick();
        }}
        onOptionSelect={(_, data) => {
          const chosen = patients.find((p) => p.patientId === data.optionValue);
          if (!chosen) return;
          onQueryChange(patientLabel(chosen));
          onPick(chosen);
        }}
        disabled={disabled}
      >
        {options.map((p) => (
          <Option key={p.patientId} value={p.patientId} text={patientLabel(p)}>
            {patientLabel(p)} · owes {formatMoney(p.due)}
          </Option>
        ))}
        {options.length === 0 && (
          <Option key="none" value="" text="" disabled>
            {noMatch}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
