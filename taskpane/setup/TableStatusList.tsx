// One collapsible entry per billing table: found or missing, where it is, how many rows, and how
// the office's headers map to our fields (what is missing, what extra columns are kept).
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { WarningRegular } from "@fluentui/react-icons";
import { plural } from "../billerMessage";
import type { TableReport } from "./setupReport";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    minWidth: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  rows: { marginLeft: "auto", color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  label: { color: tokens.colorNeutralForeground3, display: "block" },
  mapping: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  arrow: { color: tokens.colorNeutralForeground4 },
  found: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  field: { overflowWrap: "anywhere" },
  warning: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  names: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface TableStatusListProps {
  reports: TableReport[];
}

export function TableStatusList({ reports }: TableStatusListProps) {
  return (
    <Accordion multiple collapsible aria-label="Billing tables">
      {reports.map((report) => (
        <TableStatusItem key={report.table} report={report} />
      ))}
    </Accordion>
  );
}

function TableStatusItem({ report }: { report: TableReport }) {
  const styles = useStyles();
  return (
    <AccordionItem value={report.table} data-table={report.table}>
      <AccordionHeader size="small" expandIconPosition="end">
        <span className={styles.header}>
          <span className={styles.name}>{report.table}</span>
          {report.present ? (
            <Badge appearance="tint" color="success">
              Found
            </Badge>
          ) : report.onPlainSheet ? (
            <Badge appearance="tint" color="informative">
              Plain range
            </Badge>
          ) : (
            <Badge appearance="filled" color="warning">
              Missing
            </Badge>
          )}
          {report.missingRequired.length > 0 && (
            <Badge appearance="tint" color="danger" icon={<WarningRegular />}>
              {plural(report.missingRequired.length, "column")} missing
            </Badge>
          )}
          {report.present && <Caption1 className={styles.rows}>{plural(report.rowCount, "row")}</Caption1>}
        </span>
      </AccordionHeader>
      <AccordionPanel>{report.present ? <PresentTable report={report} /> : <MissingTable report={report} />}</AccordionPanel>
    </AccordionItem>
  );
}

function PresentTable({ report }: { report: TableReport }) {
  const styles = useStyles();
  return (
    <div className={styles.body}>
      <Text size={200}>
        On sheet <strong>{report.sheet}</strong>, {plural(report.rowCount, "row")}.
      </Text>
      <TableColumns report={report} />
    </div>
  );
}

/** How a table's (or a plain sheet's) headers map: what is missing, what is found, what is kept. */
export function TableColumns({ report }: { report: TableReport }) {
  const styles = useStyles();
  return (
    <>
      {report.missingRequired.length > 0 && (
        <div className={styles.warning} role="note">
          <WarningRegular />
          <span>
            Rows cannot be read until the table has {report.missingRequired.length === 1 ? "this column" : "these columns"}:{" "}
            <strong>{report.missingRequired.join(", ")}</strong>. Add {report.missingRequired.length === 1 ? "it" : "them"} (or rename the
            office's own column to match).
          </span>
        </div>
      )}
      <div>
        <Caption1 className={styles.label}>Columns found (our field ← your header)</Caption1>
        <div className={styles.mapping}>
          {report.mapped.map(({ field, header }) => (
            <MappingRow key={field} field={field} header={header} />
          ))}
        </div>
      </div>
      {report.missingOptional.length > 0 && (
        <div>
          <Caption1 className={styles.label}>Optional columns not in the table</Caption1>
          <Text className={styles.names}>{report.missingOptional.join(", ")}</Text>
        </div>
      )}
      {report.extras.length > 0 && (
        <div>
          <Caption1 className={styles.label}>Your other columns (kept as they are)</Caption1>
          <Text className={styles.names}>{report.extras.join(", ")}</Text>
        </div>
      )}
    </>
  );
}

function MappingRow({ field, header }: { field: string; header: string }) {
  const styles = useStyles();
  return (
    <>
      <span className={styles.field}>{field}</span>
      <span className={styles.arrow} aria-label="is read from">
        ←
      </span>
      <span className={styles.found}>{header}</span>
    </>
  );
}

function MissingTable({ report }: { report: TableReport }) {
  const styles = useStyles();
  if (report.onPlainSheet) {
    return (
      <div className={styles.body}>
        <Text size={200}>
          Its rows are on sheet <strong>{report.onPlainSheet}</strong> as a plain range, not a table. <strong>Make it a table</strong> above
          turns them into the table where they are; <strong>Create missing tables</strong> leaves it out.
        </Text>
      </div>
    );
  }
  return (
    <div className={styles.body}>
      <Text size={200}>
        Not in this workbook. <strong>Create missing tables</strong> adds it on a new sheet, with its column headers and formats.
      </Text>
      <div>
        <Caption1 className={styles.label}>Columns it will have</Caption1>
        <Text className={styles.names}>{report.columns.join(", ")}</Text>
      </div>
    </div>
  );
}
