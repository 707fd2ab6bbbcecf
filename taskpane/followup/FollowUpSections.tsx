// The five worklists as collapsible sections, each header with its count and total. A row is an item:
// a checkbox to select it for an action, and the rest of it a button that shows its line in Charges
// (Excel selects the cell; the browser host scrolls its preview to it): the claim, the code and line
// (or how many lines), the payer, the amount at stake, why it is listed, and its status; the next step is said once per list.
// Compact for a 320-pixel pane: rows wrap, never scroll sideways; a long list shows its first rows and
// more on request. A section that cannot be made (Underpaid without contract rates) says why in a sentence.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import type { FollowUpStatus } from "../../src/followup/standing";
import { count } from "../billerMessage";
import { borderedList, clickableRow } from "../formLayout";
import { ITEMS_SHOWN, moreText, type ItemView, type SectionId, type SectionView } from "./followUpView";

const useStyles = makeStyles({
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, paddingBottom: tokens.spacingVerticalS },
  empty: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  list: { ...borderedList, minWidth: 0 },
  item: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    alignItems: "start",
    minWidth: 0,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ":not(:last-child)": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  itemSelected: { backgroundColor: tokens.colorBrandBackground2 },
  itemLate: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  check: { paddingTop: "2px" },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: "1px",
    minWidth: 0,
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} 0`,
    border: "none",
    backgroundColor: "transparent",
    textAlign: "left",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  clickable: clickableRow,
  head: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  claimId: { fontWeight: tokens.fontWeightSemibold },
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  figure: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  late: { color: tokens.colorPaletteRedForeground1 },
  next: { color: tokens.colorNeutralForeground2, fontStyle: "italic", overflowWrap: "anywhere" },
  standing: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    paddingTop: "2px",
  },
  due: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  more: { alignSelf: "flex-start" },
  offer: { alignSelf: "flex-start" },
});

const STATUS_BADGE: Record<
  FollowUpStatus,
  { color: "informative" | "brand" | "success" | "subtle" | "warning"; appearance: "outline" | "tint" }
> = {
  Open: { color: "informative", appearance: "outline" },
  Appealed: { color: "brand", appearance: "tint" },
  Resubmitted: { color: "warning", appearance: "tint" },
  Closed: { color: "success", appearance: "tint" },
  "Written off": { color: "subtle", appearance: "tint" },
};

export interface FollowUpSectionsProps {
  sections: SectionView[];
  open: SectionId[];
  onOpen: (open: SectionId[]) => void;
  limits: Partial<Record<SectionId, number>>;
  onMore: (id: SectionId) => void;
  selected: ReadonlySet<string>;
  onSelect: (keys: string[], on: boolean) => void;
  /** Show an item's cell; without it rows are plain text. */
  onGoTo?: (item: ItemView) => void;
  /** Go to the contract import (the Underpaid list without rates). */
  onContracts: () => void;
  disabled: boolean;
}

export function FollowUpSections({
  sections,
  open,
  onOpen,
  limits,
  onMore,
  selected,
  onSelect,
  onGoTo,
  onContracts,
  disabled,
}: FollowUpSectionsProps) {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible openItems={open} onToggle={(_, data) => onOpen(data.openItems as SectionId[])} aria-label="Worklists">
      {sections.map((section) => (
        <AccordionItem key={section.id} value={section.id} data-list={section.list}>
          <AccordionHeader size="small" expandIconPosition="end">
            <span className={styles.header}>
              <span className={styles.title}>{section.title}</span>
              <Caption1 className={styles.summary}>{section.summary}</Caption1>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <SectionBody
              section={section}
              limit={limits[section.id] ?? ITEMS_SHOWN}
              onMore={() => onMore(section.id)}
              selected={selected}
              onSelect={onSelect}
              onGoTo={onGoTo}
              onContracts={onContracts}
              disabled={disabled}
            />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

interface SectionBodyProps {
  section: SectionView;
  limit: number;
  onMore: () => void;
  selected: ReadonlySet<string>;
  onSelect: (keys: string[], on: boolean) => void;
  onGoTo?: (item: ItemView) => void;
  onContracts: () => void;
  disabled: boolean;
}

function SectionBody({ section, limit, onMore, selected, onSelect, onGoTo, onContracts, disabled }: SectionBodyProps) {
  const styles = useStyles();
  const { items } = section;
  if (items.length === 0) {
    return (
      <div className={styles.body}>
        <Caption1 className={styles.empty}>{section.empty}</Caption1>
        {section.needsContracts && (
          <Button className={styles.offer} size="small" icon={<DocumentArrowUpRegular />} onClick={onContracts}>
            Import contract rates
          </Button>
        )}
      </div>
    );
  }
  const shown = items.slice(0, limit);
  const picked = items.filter((item) => selected.has(item.key)).length;
  return (
    <div className={styles.body}>
      <Caption1 className={styles.next}>{section.next}</Caption1>
      <Checkbox
        label={`Select all ${count(items.length)}`}
        checked={picked === 0 ? false : picked === items.length ? true : "mixed"}
        onChange={(_, data) =>
          onSelect(
            items.map((item) => item.key),
            data.checked === true,
          )
        }
        disabled={disabled}
      />
      <ul className={styles.list} aria-label={`${section.title} items`}>
        {shown.map((item) => (
          <ItemRow key={item.key} item={item} selected={selected.has(item.key)} onSelect={onSelect} onGoTo={onGoTo} disabled={disabled} />
        ))}
      </ul>
      {items.length > shown.length && (
        <Button className={styles.more} size="small" onClick={onMore}>
          {moreText(items.length - shown.length)}
        </Button>
      )}
    </div>
  );
}

interface ItemRowProps {
  item: ItemView;
  selected: boolean;
  onSelect: (keys: string[], on: boolean) => void;
  onGoTo?: (item: ItemView) => void;
  disabled: boolean;
}

function ItemRow({ item, selected, onSelect, onGoTo, disabled }: ItemRowProps) {
  const styles = useStyles();
  const badge = STATUS_BADGE[item.status];
  const content = (
    <>
      <span className={styles.head}>
        <span className={styles.name}>
          <span className={styles.claimId}>{item.claimId}</span> · {item.payerId}
        </span>
        <span className={styles.amount}>{item.amountText}</span>
      </span>
      <span className={styles.figure}>{item.sub}</span>
      {item.figures.map((figure, i) => (
        <span key={i} className={mergeClasses(styles.figure, item.late && i === item.figures.length - 1 && styles.late)}>
          {figure}
        </span>
      ))}
      <span className={styles.standing}>
        <Badge size="small" appearance={badge.appearance} color={badge.color}>
          {item.status}
        </Badge>
        {item.standing && <span className={mergeClasses(item.due && styles.due)}>{item.standing}</span>}
      </span>
      {item.note && <span className={styles.note}>“{item.note}”</span>}
    </>
  );
  const label = `${item.claimId} ${item.what}`;
  return (
    <li
      className={mergeClasses(styles.item, selected && styles.itemSelected, item.late && styles.itemLate)}
      data-item={item.key}
      data-status={item.status}
    >
      <Checkbox
        className={styles.check}
        checked={selected}
        onChange={(_, data) => onSelect([item.key], data.checked === true)}
        disabled={disabled}
        aria-label={`Select ${label}`}
      />
      {onGoTo ? (
        <button
          type="button"
          className={mergeClasses(styles.row, styles.clickable)}
          onClick={() => onGoTo(item)}
          title="Show it in Charges"
        >
          {content}
        </button>
      ) : (
        <div className={styles.row}>{content}</div>
      )}
    </li>
  );
}
