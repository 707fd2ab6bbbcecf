// Contract rates: a payer's fee schedule (a CSV or an .xlsx sheet with a header row: Code, Allowed, and
// Modifier, PayerID, dates when it has them) into the Contracts table, which the Underpaid list checks
// payments against. The biller picks the payer (unless the file names it on each row) and, optionally,
// the day the rates start, then the file: the pane shows how many rates it holds and any overlap with
// earlier rates, or every problem by the file's row and column, before anything is written. Import
// writes them in one go with the Audit row.
import { useMemo, useRef, useState, type ChangeEvent, type Ref } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import type { ContractImportOptions } from "../../src/contracts/contractImport";
import { errorsAfterEdit } from "../FieldErrors";
import { formLayout } from "../formLayout";
import { ChoiceField, TextField, type ChoiceOption } from "../LabelledField";
import { EMPTY_CONTRACT_FORM, contractPreview, readContractForm, type ContractForm } from "./followUpView";
import { previewContracts, readContractFile, type ContractFile, type FollowUpBooks } from "./followUpRun";

const useStyles = makeStyles({
  ...formLayout,
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, scrollMarginTop: tokens.spacingVerticalM },
  title: { margin: 0 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  headline: { overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

export interface ContractRatesProps {
  books: Pick<FollowUpBooks, "tables" | "dateSystem" | "payers">;
  /** The file was picked, but could not be read as a fee schedule: the panel's notice says why. */
  onUnreadable: (problem: string) => void;
  /** Import the file's rates; resolves true once written (the file is let go then). */
  onImport: (file: ContractFile, options: ContractImportOptions) => Promise<boolean>;
  disabled: boolean;
  /** The section, for the Underpaid list's "Import contract rates" to bring into view. */
  ref?: Ref<HTMLElement>;
}

export function ContractRates({ books, onUnreadable, onImport, disabled, ref }: ContractRatesProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [form, setForm] = useState<ContractForm>(EMPTY_CONTRACT_FORM);
  const [errors, setErrors] = useState<{ from?: string }>({});
  const [file, setFile] = useState<ContractFile>();

  const payerOptions: ChoiceOption<string>[] = useMemo(
    () => [
      { value: "", label: "Named on each row of the file" },
      ...books.payers.map((p) => ({ value: p.payerId, label: p.name && p.name !== p.payerId ? `${p.payerId} · ${p.name}` : p.payerId })),
    ],
    [books.payers],
  );

  const read = useMemo(() => readContractForm(form), [form]);
  // Checked against the Contracts table as last read: the import itself plans on the table read again.
  const preview = useMemo(
    () => (file && read.ok ? contractPreview(file.name, previewContracts(file, books, read.options)) : undefined),
    [file, books, read],
  );

  const change = (next: Partial<ContractForm>) => {
    setForm((f) => ({ ...f, ...next }));
    setErrors((e) => errorsAfterEdit(e, next));
  };

  const picked = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = ""; // so picking the same file again (after fixing it) reads it again
    if (!chosen) return;
    const result = readContractFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
    if (!result.ok) {
      setFile(undefined);
      onUnreadable(result.problem);
      return;
    }
    setFile(result.file);
  };

  const importRates = async () => {
    if (!file) return;
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    if (await onImport(file, read.options)) setFile(undefined);
  };

  return (
    <section ref={ref} className={styles.root} aria-label="Contract rates" tabIndex={-1}>
      <Text as="h3" weight="semibold" size={300} className={styles.title}>
        Contract rates
      </Text>
      <Caption1 className={styles.hint}>
        Import a payer&apos;s fee schedule (CSV or .xlsx with a header row: Code and Allowed; Modifier and dates when it has them) into the
        Contracts table. The Underpaid list checks each payment against it.
      </Caption1>
      <div className={styles.fields}>
        <ChoiceField
          label="Payer"
          size="small"
          value={form.payerId}
          options={payerOptions}
          onChange={(payerId) => change({ payerId })}
          disabled={disabled}
        />
        <TextField
          label="Rates start"
          size="small"
          value={form.from}
          placeholder="Optional"
          error={errors.from ?? (read.ok ? undefined : read.errors.from)}
          onChange={(from) => change({ from })}
          disabled={disabled}
        />
      </div>
      <div className={styles.actions}>
        <Button size="small" icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()} disabled={disabled}>
          {file ? "Choose another file…" : "Choose a fee schedule…"}
        </Button>
      </div>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".csv,.txt,.tsv,.xlsx"
        onChange={(event) => void picked(event)}
        data-testid="contract-file"
        aria-label="Fee schedule file"
      />
      {file && preview && (
        <MessageBar intent={preview.ok ? "info" : "warning"} layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{preview.ok ? "Ready to import" : "Cannot import this file"}</MessageBarTitle>
            <span className={styles.headline}>{preview.headline}</span>
            {preview.lines.length > 0 && (
              <ul className={styles.lines} aria-label={preview.ok ? "Notes" : "Problems in the file"}>
                {preview.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {file && (
        <div className={styles.actions}>
          {preview?.action && (
            <Button
              appearance="primary"
              size="small"
              icon={<ArrowDownloadRegular />}
              onClick={() => void importRates()}
              disabled={disabled}
            >
              {preview.action}
            </Button>
          )}
          <Button size="small" icon={<DismissRegular />} onClick={() => setFile(undefined)} disabled={disabled}>
            Cancel
          </Button>
        </div>
      )}
    </section>
  );
}
