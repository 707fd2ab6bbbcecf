// Shown when taskpane.html is opened outside Excel (Office.js then reports no host): points to the
// browser host, which runs the same task pane on an .xlsx file.
import { FluentProvider, Link, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { NoticeBar } from "./NoticeBar";

const useStyles = makeStyles({
  root: { height: "100%", padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function NotInExcel() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <NoticeBar
        notice={{
          intent: "info",
          title: "Open this add-in from Excel",
          body: "This page is the add-in's task pane: it works inside Excel, where the ribbon button opens it.",
        }}
      />
      <Text>
        To work on an .xlsx file without Excel, use the <Link href="browser.html">browser version</Link>.
      </Text>
    </FluentProvider>
  );
}
