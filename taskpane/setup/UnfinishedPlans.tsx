// A write the workbook did not finish (Excel stopped half-way through a large plan): the sentence
// saying what is in the workbook, and Finish it / Undo it. Reads the Audit table whenever the Setup
// panel reads the workbook again (`readKey` changes); shows nothing when every plan is done.
import { useCallback, useEffect, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular, CheckmarkCircleRegular } from "@fluentui/react-icons";
import type { Workbook } from "../../src/workbook/port";
import { finishPlan, undoPlan, unfinishedPlans, type UnfinishedPlan } from "../../src/workbook/unfinishedPlans";
import { billerMessage } from "../billerMessage";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";

export interface UnfinishedPlansProps {
  workbook: Workbook;
  /** Anything that changes when the panel reads the workbook again. */
  readKey?: unknown;
  /** Called once a plan was finished or undone, so the panel reads the workbook again. */
  onResolved?: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function UnfinishedPlans({ workbook, readKey, onResolved }: UnfinishedPlansProps) {
  const styles = useStyles();
  const [plans, setPlans] = useState<UnfinishedPlan[]>([]);
  const { stage: busy, notice, say, run } = useWorkbookOperation<"finishing" | "undoing">();

  const read = useCallback(async () => {
    try {
      setPlans(await unfinishedPlans(workbook));
    } catch (error) {
      say({ intent: "error", ...billerMessage(error, "Could not look for unfinished changes") });
    }
  }, [workbook, say]);

  useEffect(() => {
    void read();
  }, [read, readKey]);

  const resolve = async (plan: UnfinishedPlan, how: "finishing" | "undoing") => {
    say(undefined);
    await run(how, how === "finishing" ? "Could not finish it" : "Could not undo it", async () => {
      if (how === "finishing") await finishPlan(workbook, plan.plan);
      else await undoPlan(workbook, plan.plan);
      say({
        intent: "success",
        body:
          how === "finishing"
            ? `Plan ${plan.plan} (${plan.action}) is finished: all of its rows are in the workbook. The Audit sheet marks it done.`
            : `Plan ${plan.plan} (${plan.action}) is undone: its rows are removed. The Audit sheet marks it undone; run it again when ready.`,
      });
      onResolved?.();
    });
    await read();
  };

  if (plans.length === 0 && !notice) return null;
  return (
    <div className={styles.root}>
      {plans.map((plan) => (
        <MessageBar key={plan.plan} intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>A change was not finished</MessageBarTitle>
            {plan.sentence}
          </MessageBarBody>
          <MessageBarActions>
            {plan.canFinish && (
              <Button
                size="small"
                appearance="primary"
                icon={<CheckmarkCircleRegular />}
                disabled={busy !== undefined}
                onClick={() => void resolve(plan, "finishing")}
              >
                Finish it
              </Button>
            )}
            <Button size="small" icon={<ArrowUndoRegular />} disabled={busy !== undefined} onClick={() => void resolve(plan, "undoing")}>
              Undo it
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      {busy && <Spinner size="tiny" labelPosition="after" label={busy === "finishing" ? "Finishing…" : "Undoing…"} />}
      {notice && <NoticeBar notice={notice} onDismiss={() => say(undefined)} />}
    </div>
  );
}
