// What the Post payments panel says about the books as read, above its views: the ledger tables the
// workbook lacks (create them on Setup first), and how many rows are left out of the balances
// because they don't read.
import { Caption1, makeStyles } from "@fluentui/react-components";
import { count } from "../billerMessage";
import { formLayout } from "../formLayout";
import { NoticeBar } from "../NoticeBar";
import type { PaymentBooks } from "./paymentBooks";

const useStyles = makeStyles({ hint: formLayout.hint });

export function PaymentBooksNotes({ books }: { books: Pick<PaymentBooks, "missing" | "unreadable"> }) {
  const styles = useStyles();
  const { missing, unreadable } = books;
  return (
    <>
      {missing.length > 0 && (
        <NoticeBar
          notice={{
            intent: "warning",
            title: "Tables missing",
            body: `This workbook has no ${missing.join(", ")} ${missing.length === 1 ? "table" : "tables"}: create ${missing.length === 1 ? "it" : "them"} on the Setup tab before posting.`,
          }}
        />
      )}
      {unreadable > 0 && (
        <Caption1 className={styles.hint}>
          {count(unreadable)} {unreadable === 1 ? "row has a problem" : "rows have problems"} in Charges, Payments, Postings or Payers;
          unreadable rows are left out of the balances (Setup's Check rows lists them).
        </Caption1>
      )}
    </>
  );
}
