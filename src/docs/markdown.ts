/** Text for a markdown table cell: pipes escaped, line breaks as spaces. */
export const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
