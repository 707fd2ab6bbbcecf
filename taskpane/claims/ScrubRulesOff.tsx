// The scrub rules the practice turned off (Practice: Scrub Rules Off), always shown under the
// claims' headline, and the rule ids it names that are not rules, as warnings.
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { NoteList } from "../CheckFindings";
import type { rulesOffView } from "./claimsView";

const useStyles = makeStyles({
  rulesOff: { overflowWrap: "anywhere" },
  ruleId: { fontFamily: tokens.fontFamilyMonospace },
  note: { overflowWrap: "anywhere", minWidth: 0 },
  warningText: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function ScrubRulesOff({ rules }: { rules: ReturnType<typeof rulesOffView> }) {
  const styles = useStyles();
  return (
    <>
      <Caption1 className={styles.rulesOff} data-testid="rules-off">
        {rules.off.length === 0 ? (
          "Scrub rules turned off: none, every rule is checked."
        ) : (
          <>
            Scrub rules turned off (Practice, Scrub Rules Off):{" "}
            {rules.off.map((rule, i) => (
              <span key={rule.id}>
                {i > 0 && "; "}
                <span className={styles.ruleId}>{rule.id}</span> ({rule.title})
              </span>
            ))}
            .
          </>
        )}
      </Caption1>
      {rules.notOff.length > 0 && (
        <NoteList
          label="Rules not turned off"
          notes={rules.notOff.map((text) => `${text}.`)}
          noteClassName={mergeClasses(styles.note, styles.warningText)}
        />
      )}
    </>
  );
}
