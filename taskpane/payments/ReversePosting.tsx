// Reverse postings: find them by PostingID, or by the line, claim or payment they belong to; tick
// the ones to undo; confirm; see the reversal rows; post. A reversal adds negative rows pointing at
// the originals, which stay as they were (DOMAIN.md: corrections are new rows, never edits).
import { useMemo, useState } from "react";
import { Button, Caption1, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { ConfirmDialog } from "../ConfirmDialog";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import { parseDate, todayIso } from "../../src/dates";
import { reversalPlan, type PlanResult } from "../../src/ledger/postingPlans";
import { sentence } from "../billerMessage";
import { fieldValidation } from "../FieldErrors";
import { borderedList, formLayout } from "../formLayout";
import type { PaymentBooks, PostPreviewed } from "./paymentBooks";
import { canReverse, findPostings, reversedBy } from "./postingSearch";
import { PlanReview } from "./PlanReview";

const useStyles = makeStyles({
  ...formLayout,
  list: {
    ...borderedList,
  },
  item: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  // The checkbox's label wraps inside the pane instead of pushing it wider.
  check: { minWidth: 0, overflowWrap: "anywhere" },
  blocked: { display: "block", color: tokens.colorNeutralForeground3, paddingLeft: "32px" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  confirmList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface ReversePostingProps {
  books: PaymentBooks;
  busy: boolean;
  onPost: PostPreviewed;
}

export function ReversePosting({ books, busy, onPost }: ReversePostingProps) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [date, setDate] = useState(books.ctx.today);
  const [dateError, setDateError] = useState<string>();
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [review, setReview] = useState<PlanResult>();
  // A review is of the books it was made on: books read again (a refusal, Refresh) drop it, so only a plan of the current books is posted.
  const [reviewedOn, setReviewedOn] = useState(books);
  if (reviewedOn !== books) {
    setReviewedOn(books);
    setReview(undefined);
  }

  const found = useMemo(() => findPostings(books.ledger, query), [books, query]);
  const before = useMemo(() => new Map(books.lines.map((l) => [l.chargeId, l])), [books]);
  const reversed = useMemo(() => reversedBy(books.ledger), [books]);
  // A ticked posting stays ticked while the search changes, as long as it can still be reversed.
  const reversible = picked.filter((id) => canReverse(books.ledger, reversed, id));

  const toggle = (postingId: string, on: boolean) => {
    setPicked((ids) => (on ? [...ids, postingId] : ids.filter((id) => id !== postingId)));
    setReview(undefined);
  };

  const pickAll = () => {
    setPicked((ids) => [...new Set([...ids, ...found.shown.filter((p) => !p.blocked).map((p) => p.postingId)])]);
    setReview(undefined);
  };

  const askToConfirm = () => {
    const read = parseDate(date, books.ctx.dateSystem);
    if (!read.ok) {
      setDateError(date.trim() === "" ? "Enter the date of the reversal." : sentence(read.error));
      return;
    }
    setDateError(undefined);
    setConfirming(true);
  };

  const confirmed = () => {
    setConfirming(false);
    const read = parseDate(date, books.ctx.dateSystem);
    if (!read.ok) return;
    setReview(reversalPlan(books.ledger, { ...books.ctx, today: todayIso() }, reversible, read.value, note.trim() || undefined));
  };

  const post = async () => {
    if (!review?.ok) return;
    if (await onPost(review, "reversal")) {
      setPicked([]);
      setReview(undefined);
      setNote("");
    }
  };

  const count = reversible.length;
  const what = `${count} ${count === 1 ? "posting" : "postings"}`;

  return (
    <div className={styles.root}>
      <Field label="Find postings" hint="A PostingID, or the PaymentID, ChargeID or ClaimID they belong to." className={styles.field}>
        <Input
          className={styles.control}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
          placeholder="e.g. PS000812 or PM001234"
          disabled={busy}
        />
      </Field>
      {query.trim() !== "" && found.total === 0 && <Caption1 className={styles.hint}>No posting matches.</Caption1>}
      {found.shown.length > 0 && (
        <>
          <div className={styles.actions}>
            <Caption1 className={styles.hint}>
              {found.total > found.shown.length
                ? `The newest ${found.shown.length} of ${found.total.toLocaleString("en-US")} postings found:`
                : `${found.total} ${found.total === 1 ? "posting" : "postings"} found, newest first:`}
            </Caption1>
            <Button size="small" appearance="subtle" onClick={pickAll} disabled={busy}>
              Tick every one
            </Button>
          </div>
          <ul className={styles.list} aria-label="Postings found">
            {found.shown.map((p) => (
              <li key={p.postingId} className={styles.item}>
                <Checkbox
                  className={styles.check}
                  checked={picked.includes(p.postingId)}
                  disabled={busy || p.blocked !== undefined}
                  onChange={(_, data) => toggle(p.postingId, data.checked === true)}
                  label={`${p.postingId} · ${p.date} · ${p.chargeId}${p.line ? ` (${p.line})` : ""} · ${p.money}${p.paymentId ? ` · from ${p.paymentId}` : ""}`}
                />
                {p.blocked && <Caption1 className={styles.blocked}>{p.blocked}</Caption1>}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.fields}>
        <Field label="Reversal date" className={styles.field} {...fieldValidation(dateError)}>
          <Input className={styles.control} value={date} onChange={(_, data) => setDate(data.value)} disabled={busy} />
        </Field>
        <Field label="Note (why)" className={styles.field}>
          <Input
            className={styles.control}
            value={note}
            placeholder="Posted to the wrong line"
            onChange={(_, data) => setNote(data.value)}
            disabled={busy}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowUndoRegular />} onClick={askToConfirm} disabled={busy || count === 0}>
          {count === 0 ? "Reverse…" : `Reverse ${what}…`}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Reverse ${what}?`}
        yes="Yes, show the reversal"
        onYes={confirmed}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Each posting gets a new row with its amounts negated, pointing at it in Reverses, dated {date}. The original rows stay as they
          are. You see the new rows before anything is written.
        </p>
        <ul className={styles.confirmList}>
          {reversible.map((id) => (
            <li key={id}>{id}</li>
          ))}
        </ul>
      </ConfirmDialog>
      {review && (
        <PlanReview
          result={review}
          before={before}
          postLabel="Post reversal"
          onPost={post}
          onCancel={() => setReview(undefined)}
          busy={busy}
        />
      )}
    </div>
  );
}
