// The one way the task pane and the browser host tell the user how an operation went: a Fluent
// MessageBar with a title, a sentence in a biller's words, and a dismiss button. However long the
// sentence (a file name, a list of codes), it wraps inside the bar and Dismiss stays in sight.
import type { Ref } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

export interface Notice {
  intent: "success" | "error" | "warning" | "info";
  title?: string;
  body: string;
}

export interface NoticeBarProps {
  notice: Notice;
  onDismiss?: () => void;
  /** The bar itself: focusable from script (tabIndex -1), so a form that was just sent can hand the focus to what it said. */
  ref?: Ref<HTMLDivElement>;
}

const useStyles = makeStyles({
  // Fluent's body column is `1fr`, at least as wide as the longest word: a long file name pushed
  // Dismiss past the pane's edge. minmax(0, 1fr) and breaking anywhere keep it inside.
  bar: { gridTemplateColumns: "auto minmax(0, 1fr) auto" },
  body: { minWidth: 0, overflowWrap: "anywhere" },
});

export function NoticeBar({ notice, onDismiss, ref }: NoticeBarProps) {
  const styles = useStyles();
  return (
    <MessageBar
      ref={ref}
      tabIndex={ref ? -1 : undefined}
      className={styles.bar}
      intent={notice.intent}
      layout="multiline"
      role={notice.intent === "error" ? "alert" : "status"}
    >
      <MessageBarBody className={styles.body}>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.body}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={onDismiss} />}
        />
      )}
    </MessageBar>
  );
}
