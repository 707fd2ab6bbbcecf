// The Reports form's fields for the report chosen: which report and its as-of date; for the aging
// and the worklist the buckets and what ages from; the aging's grouping; the worklist's minimum
// balance and age; the KPIs' period (its placeholders say what blank stands for); and the hints
// under them. Presentational: the panel keeps the form.
import { Caption1, makeStyles } from "@fluentui/react-components";
import { isIsoDate } from "../../src/dates";
import { formLayout } from "../formLayout";
import { ChoiceField, TextField } from "../LabelledField";
import { BASES, GROUPINGS, REPORTS, lastThreeMonths, type ReportForm, type ReportFormErrors } from "./reportForm";
import { KeepTogether } from "./ReportResults";

const useStyles = makeStyles(formLayout);

export interface ReportFieldsProps {
  form: ReportForm;
  errors: ReportFormErrors;
  onChange: (next: Partial<ReportForm>) => void;
  disabled: boolean;
}

export function ReportFields({ form, errors, onChange, disabled }: ReportFieldsProps) {
  const styles = useStyles();
  // What a blank KPI period stands for, said in the fields' placeholders.
  const period = isIsoDate(form.asOf.trim()) ? lastThreeMonths(form.asOf.trim()) : undefined;
  const aged = form.kind === "aging" || form.kind === "collections";
  return (
    <>
      <div className={styles.fields}>
        <ChoiceField
          label="Report"
          wide
          value={form.kind}
          options={REPORTS.map((r) => ({ value: r.id, label: r.label }))}
          onChange={(kind) => onChange({ kind })}
          disabled={disabled}
        />
        <TextField label="As of" error={errors.asOf} value={form.asOf} onChange={(asOf) => onChange({ asOf })} disabled={disabled} />
        {aged && (
          <TextField
            label="Buckets (days)"
            error={errors.buckets}
            value={form.buckets}
            onChange={(buckets) => onChange({ buckets })}
            disabled={disabled}
          />
        )}
        {aged && (
          <ChoiceField
            label="Aged from"
            wide
            value={form.basis}
            options={BASES.map((b) => ({ value: b.id, label: b.label }))}
            onChange={(basis) => onChange({ basis })}
            disabled={disabled}
          />
        )}
        {form.kind === "aging" && (
          <ChoiceField
            label="Grouping"
            wide
            value={form.grouping}
            options={GROUPINGS.map((g) => ({ value: g.id, label: g.label }))}
            onChange={(grouping) => onChange({ grouping })}
            disabled={disabled}
          />
        )}
        {form.kind === "collections" && (
          <>
            <TextField
              label="Balance over"
              error={errors.minBalance}
              inputMode="decimal"
              value={form.minBalance}
              onChange={(minBalance) => onChange({ minBalance })}
              disabled={disabled}
            />
            <TextField
              label="Older than (days)"
              error={errors.olderThan}
              inputMode="numeric"
              value={form.olderThan}
              onChange={(olderThan) => onChange({ olderThan })}
              disabled={disabled}
            />
          </>
        )}
        {form.kind === "kpis" && (
          <>
            <TextField
              label="From"
              error={errors.from}
              placeholder={period?.from}
              value={form.from}
              onChange={(from) => onChange({ from })}
              disabled={disabled}
            />
            <TextField
              label="To"
              error={errors.to}
              placeholder={period?.to}
              value={form.to}
              onChange={(to) => onChange({ to })}
              disabled={disabled}
            />
          </>
        )}
      </div>
      {form.kind === "kpis" && (
        <Caption1 className={styles.hint}>Left blank, the period is the three months ending at the as-of date.</Caption1>
      )}
      {aged && (
        <Caption1 className={styles.hint}>
          <KeepTogether text="Buckets: the last day of each, so 30, 60, 90, 120 makes 0-30, 31-60, 61-90, 91-120 and 120+." />
        </Caption1>
      )}
    </>
  );
}
