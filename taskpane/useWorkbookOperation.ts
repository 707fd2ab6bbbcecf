// How every panel runs an operation on the workbook: one at a time, with the stage it is at (a
// spinner's words or a progress bar's step) while it runs, and one notice for how it went. Whatever
// the operation throws becomes a biller's sentence (billerMessage.ts); a failure after the workbook
// was written says so, with what to do next. A previewed plan is written only on the books it was
// made from: the writer re-checks them first (applyUnlessChanged in booksSnapshot.ts, or a writer's
// own re-read) and its refusal, nothing written, is carried here as a warning notice.
import { useCallback, useState } from "react";
import { billerMessage } from "./billerMessage";
import type { Notice } from "./NoticeBar";
import { nextPaint } from "./StageProgress";

/** A writer's answer when it re-checked the books first: written, or refused with the biller's sentence. */
export type Rechecked = { ok: true } | { ok: false; error: string };

/** What a failure says once the workbook was already written ("Posted, but could not read the workbook again"). */
export interface AfterWrite {
  title: string;
  /** "error" unless said otherwise. */
  intent?: "error" | "warning";
  /** What to do next, after the reason ("Click Refresh before posting anything else."). */
  then?: string;
}

/** What the work of an operation is handed. */
export interface OperationSteps<Stage> {
  /** Show the next stage, and let the pane draw it before the next stretch of work. */
  announce: (stage: Stage) => Promise<void>;
  /** The workbook is written: a failure from here on says so (the operation's `afterWrite`). */
  written: () => void;
  /**
   * A write that re-checks the books first. Refused: nothing was written, and the notice says why
   * (a warning titled `title`). Accepted: the operation counts as written.
   */
  unlessChanged: <R extends Rechecked>(attempt: Promise<R>, title?: string) => Promise<R>;
}

export interface RunOptions {
  /** What a failure says once the workbook was written; without it, the failure title stands. */
  afterWrite?: AfterWrite;
}

export interface WorkbookOperation<Stage> {
  /** An operation is running: buttons that start another are off. */
  busy: boolean;
  /** Where the running operation is, or nothing when none runs. */
  stage: Stage | undefined;
  /** How the last operation went, until dismissed or the next one says otherwise. */
  notice: Notice | undefined;
  /** Say something (or nothing) in the notice. */
  say: (notice: Notice | undefined) => void;
  /**
   * Run `work` from `stage` on. A throw becomes an error notice titled `failure` (the afterWrite
   * words once written); the stage is cleared however it ends. Resolves to what `work` returned,
   * or undefined when it threw.
   */
  run: <T>(
    stage: Stage,
    failure: string,
    work: (steps: OperationSteps<Stage>) => Promise<T>,
    options?: RunOptions,
  ) => Promise<T | undefined>;
}

export function useWorkbookOperation<Stage>(): WorkbookOperation<Stage> {
  const [stage, setStage] = useState<Stage>();
  const [notice, setNotice] = useState<Notice>();

  const run = useCallback(
    async <T>(first: Stage, failure: string, work: (steps: OperationSteps<Stage>) => Promise<T>, options: RunOptions = {}) => {
      setStage(first);
      let written = false;
      const steps: OperationSteps<Stage> = {
        announce: async (next) => {
          setStage(next);
          await nextPaint();
        },
        written: () => {
          written = true;
        },
        unlessChanged: async (attempt, title = "The workbook changed") => {
          const result = await attempt;
          if (result.ok) written = true;
          else setNotice({ intent: "warning", title, body: result.error });
          return result;
        },
      };
      try {
        return await work(steps);
      } catch (error) {
        const after = written ? options.afterWrite : undefined;
        const message = billerMessage(error, after ? after.title : failure);
        setNotice({ intent: after?.intent ?? "error", ...message, body: after?.then ? `${message.body} ${after.then}` : message.body });
        return undefined;
      } finally {
        setStage(undefined);
      }
    },
    [],
  );

  return { busy: stage !== undefined, stage, notice, say: setNotice, run };
}
