// What was just issued (or re-printed), under the Statements form: the numbers and the sheet, and
// Download PDF of those documents, with the file's name once it is saved.
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { plural } from "../billerMessage";
import { formLayout } from "../formLayout";
import { KeepTogether } from "../reports/ReportResults";
import type { IssuedRun } from "./statementRun";
import { issuedLine } from "./statementView";

const useStyles = makeStyles({
  hint: formLayout.hint,
  issued: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start", minWidth: 0 },
});

export interface JustIssuedProps {
  issued: IssuedRun;
  /** The PDF's file name once downloaded. */
  pdfSaved: string | undefined;
  onDownloadPdf: () => void;
  disabled: boolean;
}

export function JustIssued({ issued, pdfSaved, onDownloadPdf, disabled }: JustIssuedProps) {
  const styles = useStyles();
  return (
    <div className={styles.issued} aria-label="Just issued" role="group">
      <Caption1 className={styles.hint}>
        <KeepTogether text={issuedLine(issued)} />
      </Caption1>
      <Button icon={<ArrowDownloadRegular />} onClick={onDownloadPdf} disabled={disabled}>
        Download PDF ({plural(issued.documents.length, issued.documents[0].kind.toLowerCase())})
      </Button>
      {pdfSaved && <Caption1 className={styles.hint}>Downloaded {pdfSaved}.</Caption1>}
    </div>
  );
}
