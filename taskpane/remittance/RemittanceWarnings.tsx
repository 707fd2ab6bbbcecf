// What to know before posting a remittance: the file's envelope problems and money posted twice,
// one line each, in a warning bar.
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function RemittanceWarnings({ warnings }: { warnings: readonly string[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Before posting</MessageBarTitle>
        <ul className={styles.warnings} aria-label="Warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
