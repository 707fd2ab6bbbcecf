// The code sets loaded in the workbook: one line each with its kind and year, how many codes, and
// when and from which file it was imported.
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CodeSetInfo } from "../../src/codes/codeSetLibrary";
import { codeSetLines } from "./codeImport";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  count: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  detail: { gridColumn: "1 / -1", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export function CodeSetList({ sets }: { sets: CodeSetInfo[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Loaded code sets">
      {codeSetLines(sets).map((line) => (
        <li key={line.id} className={styles.item}>
          <Text size={300} className={styles.name}>
            {line.name}
          </Text>
          <Text size={300} className={styles.count}>
            {line.count}
          </Text>
          {line.detail && <Caption1 className={styles.detail}>{line.detail}</Caption1>}
        </li>
      ))}
    </ul>
  );
}
