// The one way the task pane and the browser host tell the user how an operation went: a Fluent
// MessageBar with a title, a sentence in a biller's words, and a dismiss button.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

export interface Notice {
  intent: "success" | "error" | "warning" | "info";
  title?: string;
  body: string;
}

export interface NoticeBarProps {
  notice: Notice;
  onDismiss?: () => void;
}

export function NoticeBar({ notice, onDismiss }: NoticeBarProps) {
  return (
    <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
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
