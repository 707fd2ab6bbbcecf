// The exceptions of a remittance to work (claims and lines not matched, held or denied): the first
// hundred listed with where, the payer's figures (date of service, billed, allowed, paid, patient)
// and why; the sheet export has them all.
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { count } from "../billerMessage";
import { borderedList } from "../formLayout";
import type { exceptionViews } from "./remittanceView";

/** Exceptions listed at once; the sheet export has them all. */
const EXCEPTIONS_SHOWN = 100;

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  exceptions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  exceptionList: {
    ...borderedList,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  exception: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteYellowBorder2}`,
    overflowWrap: "anywhere",
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  where: { fontWeight: tokens.fontWeightSemibold },
  figures: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
});

export function RemittanceExceptions({ exceptions }: { exceptions: ReturnType<typeof exceptionViews> }) {
  const styles = useStyles();
  return (
    <section className={styles.exceptions} aria-label="Exceptions">
      <Text size={300} weight="semibold">
        Exceptions to work: {count(exceptions.length)}
      </Text>
      <ul className={styles.exceptionList} aria-label="Exception list">
        {exceptions.slice(0, EXCEPTIONS_SHOWN).map((e) => (
          <li key={e.key} className={styles.exception}>
            <span className={styles.where}>{e.where}</span>
            {e.figures && <span className={styles.figures}>{e.figures}</span>}
            <span>{e.reason}</span>
          </li>
        ))}
      </ul>
      {exceptions.length > EXCEPTIONS_SHOWN && (
        <Caption1 className={styles.hint}>And {count(exceptions.length - EXCEPTIONS_SHOWN)} more: export them to see every one.</Caption1>
      )}
    </section>
  );
}
