// The open lines of the payer or patient a payment is from, under the payment's fields: how many,
// "Apply oldest first" for a patient, a line filter when there are many, the lines with what to post
// on each, and a word when there are none. The filter text is this section's own: choosing another
// payer or patient starts it afresh (the panel keys the section by who the payment is from).
import { useState } from "react";
import { Button, Caption1, Text, makeStyles } from "@fluentui/react-components";
import { ArrowSortDownLinesRegular } from "@fluentui/react-icons";
import { count, plural } from "../billerMessage";
import { formLayout } from "../formLayout";
import { TextField } from "../LabelledField";
import { LINES_SHOWN, filterLines, type OpenLineView } from "./paymentBooks";
import type { FormErrors, LineEntries, LineEntry } from "./paymentForm";
import { OpenLineList } from "./OpenLineList";

const useStyles = makeStyles(formLayout);

export interface OpenLinesSectionProps {
  open: OpenLineView[];
  patientPayment: boolean;
  entries: LineEntries;
  errors: FormErrors["lines"];
  onChangeLine: (chargeId: string, entry: LineEntry) => void;
  onApplyOldestFirst: () => void;
  disabled: boolean;
}

export function OpenLinesSection({
  open,
  patientPayment,
  entries,
  errors,
  onChangeLine,
  onApplyOldestFirst,
  disabled,
}: OpenLinesSectionProps) {
  const styles = useStyles();
  const [lineQuery, setLineQuery] = useState("");
  const shown = filterLines(open, lineQuery);
  return (
    <>
      <div className={styles.actions}>
        <Text weight="semibold">{open.length === 0 ? "No open lines" : `${plural(open.length, "open line")}`}</Text>
        {patientPayment && (
          <Button size="small" icon={<ArrowSortDownLinesRegular />} onClick={onApplyOldestFirst} disabled={disabled || open.length === 0}>
            Apply oldest first
          </Button>
        )}
      </div>
      {open.length > 8 && (
        <TextField
          label="Find a line"
          hint="Claim, ChargeID, PatientID, code, date or patient name."
          size="small"
          value={lineQuery}
          onChange={setLineQuery}
        />
      )}
      {shown.length > 0 && (
        <OpenLineList
          lines={shown.slice(0, LINES_SHOWN)}
          patientPayment={patientPayment}
          entries={entries}
          errors={errors}
          onChange={onChangeLine}
          disabled={disabled}
        />
      )}
      {shown.length > LINES_SHOWN && (
        <Caption1 className={styles.hint}>
          Showing the oldest {LINES_SHOWN} of {count(shown.length)} lines: find a line to narrow them.
        </Caption1>
      )}
      {open.length === 0 && (
        <Caption1 className={styles.hint}>
          {patientPayment ? "This patient owes nothing now: a payment would stay on account as a credit." : "This payer has no open lines."}
        </Caption1>
      )}
    </>
  );
}
