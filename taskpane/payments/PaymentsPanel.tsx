// The Post payments panel: reads the books (ledger, balances, payers, patients) and offers three
// views of one job, each kept as the biller left it while they switch: Post (enter and apply a
// payment), Reverse (undo postings) and Reconcile (deposits, credits and refunds). Every write
// goes through one place here: the previewed plan applied in one call, with its Audit row, then
// the books read again so every balance shown is the workbook's. A plan is applied only while the
// ledger is as the books read it; otherwise the books are read again and the biller previews again.
// After Post the review (and its button, which had the focus) is gone: the focus goes to the notice
// that says how it went, so a keyboard user is not dropped at the top of the page.
import { useCallback, useEffect, useRef, useState } from "react";
import { Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, TableCursorRegular } from "@fluentui/react-icons";
import type { PlanResult } from "../../src/ledger/postingPlans";
import type { PanelProps, TableCell } from "../panelProps";
import { billerMessage } from "../billerMessage";
import { NoticeBar } from "../NoticeBar";
import { useWorkbookOperation } from "../useWorkbookOperation";
import { postOnBooks, readPaymentBooks, type PaymentBooks, type PostKind } from "./paymentBooks";
import { postedMessage, postedTotals } from "./paymentForm";
import { PaymentBooksNotes } from "./PaymentBooksNotes";
import { firstNewRow } from "./planPreview";
import { PostPayment } from "./PostPayment";
import { ReversePosting } from "./ReversePosting";
import { Reconcile } from "./Reconcile";

type View = "post" | "reverse" | "reconcile";
type Busy = "reading" | "posting";

const VIEWS: { id: View; label: string }[] = [
  { id: "post", label: "Post" },
  { id: "reverse", label: "Reverse" },
  { id: "reconcile", label: "Reconcile" },
];

const POSTED_TITLE: Record<PostKind, string> = { payment: "Payment posted", reversal: "Reversal posted", refund: "Refund posted" };
const FAILED_TITLE: Record<PostKind, string> = {
  payment: "Could not post the payment",
  reversal: "Could not post the reversal",
  refund: "Could not post the refund",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  views: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  spinner: { justifyContent: "flex-start" },
  hidden: { display: "none" },
  posted: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
});

export function PaymentsPanel({ workbook, onWorkbookChanged, onGoToCell }: PanelProps) {
  const styles = useStyles();
  const [books, setBooks] = useState<PaymentBooks>();
  const { stage: busy, notice, say, run } = useWorkbookOperation<Busy>();
  const [view, setView] = useState<View>("post");
  const [newRows, setNewRows] = useState<TableCell>();
  const noticeBar = useRef<HTMLDivElement>(null);
  // Bumped when a post has ended: the notice it left takes the focus.
  const [postsEnded, setPostsEnded] = useState(0);
  useEffect(() => {
    if (postsEnded > 0) noticeBar.current?.focus();
  }, [postsEnded]);

  const read = useCallback(
    () =>
      run("reading", "Could not read the payments and postings", async () => {
        setBooks(await readPaymentBooks(workbook));
      }),
    [workbook, run],
  );

  useEffect(() => {
    void read();
  }, [read]);

  // The one way anything is written: the previewed plan, in one call; then the books again.
  const post = useCallback(
    async (result: Extract<PlanResult, { ok: true }>, kind: PostKind): Promise<boolean> => {
      say(undefined);
      setNewRows(undefined);
      let written = false;
      await run(
        "posting",
        FAILED_TITLE[kind],
        async ({ unlessChanged }) => {
          if (!books) return;
          const posted = await unlessChanged(postOnBooks(workbook, books, result.plan));
          if (!posted.ok) {
            // Reading again drops every open preview (each view's review is of the books it was made on).
            setBooks(await readPaymentBooks(workbook));
            return;
          }
          written = true;
          onWorkbookChanged?.(posted.applied);
          const fresh = await readPaymentBooks(workbook);
          setBooks(fresh);
          say({
            intent: "success",
            title: POSTED_TITLE[kind],
            body: `${postedMessage(kind, postedTotals(result.preview))} The Audit sheet records it.`,
          });
          setNewRows(firstNewRow(fresh.ctx.info, result.preview));
        },
        { afterWrite: { title: "Posted, but could not read the workbook again", then: "Click Refresh before posting anything else." } },
      );
      setPostsEnded((n) => n + 1);
      return written;
    },
    [workbook, books, onWorkbookChanged, run, say],
  );

  const showNewRows = onGoToCell
    ? () => {
        if (!newRows) return;
        void onGoToCell(newRows).catch((error: unknown) => say({ intent: "error", ...billerMessage(error, "Could not show the rows") }));
      }
    : undefined;

  const idle = busy === undefined;

  return (
    <div className={styles.root}>
      <div className={styles.heading}>
        <Text as="h2" weight="semibold" size={400} className={styles.title}>
          Payments
        </Text>
        <Button
          appearance="subtle"
          size="small"
          icon={<ArrowClockwiseRegular />}
          onClick={() => void read()}
          disabled={!idle}
          aria-label="Refresh"
        >
          Refresh
        </Button>
      </div>
      <TabList
        className={styles.views}
        size="small"
        appearance="subtle"
        selectedValue={view}
        onTabSelect={(_, data) => setView(data.value as View)}
        aria-label="Payment tasks"
      >
        {VIEWS.map((v) => (
          <Tab key={v.id} value={v.id}>
            {v.label}
          </Tab>
        ))}
      </TabList>
      {busy && (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={busy === "reading" ? "Reading the payments and postings…" : "Posting…"}
          className={styles.spinner}
        />
      )}
      {notice && (
        <div className={styles.posted}>
          <NoticeBar ref={noticeBar} notice={notice} onDismiss={() => say(undefined)} />
          {notice.intent === "success" && newRows && showNewRows && (
            <Button size="small" appearance="subtle" icon={<TableCursorRegular />} onClick={showNewRows}>
              Show the new rows in {newRows.table}
            </Button>
          )}
        </div>
      )}
      {books && <PaymentBooksNotes books={books} />}
      {books && (
        <>
          <div className={view === "post" ? undefined : styles.hidden} role="tabpanel" aria-label="Post">
            <PostPayment books={books} busy={!idle} onPost={post} />
          </div>
          <div className={view === "reverse" ? undefined : styles.hidden} role="tabpanel" aria-label="Reverse">
            <ReversePosting books={books} busy={!idle} onPost={post} />
          </div>
          <div className={view === "reconcile" ? undefined : styles.hidden} role="tabpanel" aria-label="Reconcile">
            <Reconcile books={books} busy={!idle} onPost={post} />
          </div>
        </>
      )}
    </div>
  );
}
