import { isRec, type Notes, type Rec } from "./read.js";

/** One API response page: Salesforce `{ totalSize, done, records, nextRecordsUrl }`, HubSpot `{ results, paging }`. */
const isPage = (v: unknown): v is Rec =>
  isRec(v) &&
  (Array.isArray(v.records) || Array.isArray(v.results)) &&
  v.Id === undefined &&
  v.id === undefined &&
  v.properties === undefined;

const pageRecords = (page: Rec): readonly unknown[] =>
  (Array.isArray(page.records) ? page.records : page.results) as readonly unknown[];

/** Where the next page is, when the page says one exists: Salesforce `nextRecordsUrl`/`done: false`, HubSpot `paging.next`. */
function nextPage(page: Rec): string | undefined {
  if (typeof page.nextRecordsUrl === "string") return `nextRecordsUrl ${page.nextRecordsUrl}`;
  if (page.done === false) return "done: false";
  const next = isRec(page.paging) ? page.paging.next : undefined;
  if (isRec(next)) return `paging.next${typeof next.after === "string" ? ` (after ${next.after})` : ""}`;
  return undefined;
}

/** How many records the API said there are: Salesforce `totalSize`, HubSpot search `total`. */
const totalOf = (page: Rec): number | undefined =>
  typeof page.totalSize === "number"
    ? page.totalSize
    : typeof page.total === "number"
      ? page.total
      : undefined;

/**
 * The records of a list as the API returns it: an array of records, one response page, or a list of
 * response pages (every page of a query, in order). When the last page says more records exist and the
 * next page is not there, the list is incomplete: said with its path and how many records are missing
 * (an error with `strict`, a warning otherwise), never silently cut short.
 */
export function pagedRecords(
  value: unknown,
  path: string,
  notes: Notes,
  strict = false,
): readonly unknown[] | undefined {
  const pages = isPage(value)
    ? [value]
    : // Array.from reads holes as undefined, which is no page (every() would skip them).
      Array.isArray(value) && value.length > 0 && Array.from(value).every(isPage)
      ? (value as Rec[])
      : undefined;
  if (!pages) return Array.isArray(value) ? value : undefined;
  const records = pages.flatMap(pageRecords);
  const last = pages[pages.length - 1] as Rec;
  const next = nextPage(last);
  if (next !== undefined) {
    const total = totalOf(pages[0] as Rec);
    const missing =
      total !== undefined && total > records.length
        ? `${total - records.length} of ${total} records are missing`
        : "an unknown number of records are missing";
    const where = pages.length > 1 || Array.isArray(value) ? `${path}[${pages.length - 1}]` : path;
    const message = `the CRM said more records exist (${next}) but the next page is not here: ${missing}; fetch every page and give them as a list of responses`;
    if (strict) notes.error(where, "incomplete-list", message);
    else notes.warn(where, "incomplete-list", message);
  }
  return records;
}
