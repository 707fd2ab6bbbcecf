// The 837P file just created: its name, where to send it, Download again (the workbook does not
// keep it) and Close.
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { formLayout } from "../formLayout";
import { downloadClaimFile } from "./claimDownload";
import type { ExportedFile } from "./claimsRun";

const useStyles = makeStyles({
  hint: formLayout.hint,
  actions: formLayout.actions,
  file: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  fileName: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export function ExportedClaimFile({ file, onClose }: { file: ExportedFile; onClose: () => void }) {
  const styles = useStyles();
  return (
    <section className={styles.file} aria-label="837P file">
      <Text size={200} className={styles.fileName}>
        {file.name}
      </Text>
      <Caption1 className={styles.hint}>
        The download started (if it did not, click Download again). Send this file to your clearinghouse; the workbook does not keep it.
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => downloadClaimFile(file)}>
          Download again
        </Button>
        <Button size="small" appearance="subtle" onClick={onClose}>
          Close
        </Button>
      </div>
    </section>
  );
}
