// The Statements form's fields for the job chosen: what to send, then the account (found by name or
// PatientID), the payer of type Other, or the issued number to re-print; the date; a batch's
// minimum due and cycle; and the line under them saying what the job does. The search text and
// the number list's open state are this component's own; the form itself is the panel's.
import { useMemo, useState } from "react";
import { Caption1, Combobox, Field, Option, makeStyles, mergeClasses } from "@fluentui/react-components";
import { isIsoDate, todayIso } from "../../src/dates";
import type { StatementBooks } from "../../src/statements/statementBooks";
import { fieldValidation } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { ChoiceField, TextField } from "../LabelledField";
import { PatientSearch } from "../PatientSearch";
import { JOBS, type StatementForm, type StatementFormErrors } from "./statementForm";
import { accountChoices, findIssued, invoicePayers } from "./statementView";

const useStyles = makeStyles(formLayout);

export interface StatementJobFieldsProps {
  form: StatementForm;
  errors: StatementFormErrors;
  /** The books as last read; until then the choices are empty and the pickers off. */
  books: StatementBooks | undefined;
  onChange: (next: Partial<StatementForm>) => void;
  disabled: boolean;
}

export function StatementJobFields({ form, errors, books, onChange, disabled }: StatementJobFieldsProps) {
  const styles = useStyles();
  const [accountQuery, setAccountQuery] = useState("");
  const [numberListOpen, setNumberListOpen] = useState(false);
  const job = form.job;
  const dated = job !== "reprint";
  const ruled = job === "batch" || job === "account";
  // What each account would be asked for on the statement date (today while the date does not read).
  const choiceDate = isIsoDate(form.date.trim()) ? form.date.trim() : todayIso();
  const accounts = useMemo(() => (books && job === "account" ? accountChoices(books, choiceDate) : []), [books, job, choiceDate]);
  const payers = useMemo(() => (books ? invoicePayers(books) : []), [books]);
  const issuedOptions = books && job === "reprint" ? findIssued(books, form.number) : [];

  return (
    <>
      <div className={styles.fields}>
        <ChoiceField
          label="Send"
          wide
          value={job}
          options={JOBS.map((j) => ({ value: j.id, label: j.label }))}
          onChange={(next) => onChange({ job: next })}
          disabled={disabled}
        />
        {job === "account" && (
          <PatientSearch
            label="Account"
            patients={accounts}
            picked={Boolean(form.account)}
            query={accountQuery}
            onQueryChange={setAccountQuery}
            onPick={(chosen) => onChange({ account: chosen.patientId })}
            onUnpick={() => onChange({ account: "" })}
            noMatch="No account matches"
            validation={fieldValidation(errors.account)}
            className={mergeClasses(styles.field, styles.wide)}
            disabled={disabled || !books}
          />
        )}
        {job === "invoice" && (
          <ChoiceField
            label="Payer"
            wide
            error={errors.payer}
            value={form.payer}
            options={[
              { value: "", label: payers.length === 0 ? "No payer of type Other in Payers" : "Choose a payer…" },
              ...payers.map((p) => ({ value: p.payerId, label: `${p.name} (${p.payerId})` })),
            ]}
            onChange={(payer) => onChange({ payer })}
            disabled={disabled || !books}
          />
        )}
        {job === "reprint" && (
          <Field label="Number" className={mergeClasses(styles.field, styles.wide)} {...fieldValidation(errors.number)}>
            <Combobox
              className={styles.control}
              freeform
              placeholder="S000123"
              value={form.number}
              open={numberListOpen && issuedOptions.length > 0}
              onOpenChange={(_, data) => setNumberListOpen(data.open)}
              onChange={(event) => {
                setNumberListOpen(true);
                onChange({ number: event.target.value });
              }}
              onOptionSelect={(_, data) => {
                if (data.optionValue) onChange({ number: data.optionValue });
              }}
              disabled={disabled || !books}
            >
              {issuedOptions.map((s) => (
                <Option key={s.number} value={s.number} text={s.number}>
                  {s.label}
                </Option>
              ))}
            </Combobox>
          </Field>
        )}
        {dated && (
          <TextField
            label={job === "invoice" ? "Invoice date" : "Statement date"}
            error={errors.date}
            value={form.date}
            onChange={(date) => onChange({ date })}
            disabled={disabled}
          />
        )}
        {ruled && (
          <>
            <TextField
              label="Minimum due"
              error={errors.minBalance}
              inputMode="decimal"
              value={form.minBalance}
              onChange={(minBalance) => onChange({ minBalance })}
              disabled={disabled}
            />
            <TextField
              label="Cycle (days)"
              error={errors.cycleDays}
              inputMode="numeric"
              value={form.cycleDays}
              onChange={(cycleDays) => onChange({ cycleDays })}
              disabled={disabled}
            />
          </>
        )}
      </div>
      <Caption1 className={styles.hint}>
        {ruled &&
          "Sent to every account that owes at least the minimum, has had no statement within the cycle, and is not on hold, in collections or closed. The minimum and the cycle are the Practice table's unless changed here; so are the messages by age."}
        {job === "invoice" && "An invoice lists the lines billed to the payer and what it still owes, with the Practice table's terms."}
        {job === "reprint" && "A re-print rebuilds the document as of the date it was issued, with its own number: no new number is taken."}
      </Caption1>
    </>
  );
}
