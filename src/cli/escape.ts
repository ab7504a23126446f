import { escapeControls } from "../validation/issue.js";

/**
 * Text from a deal or a framework, made safe for a terminal: control characters (escape sequences that
 * set the title or clear the screen, line breaks that forge lines) are shown as `\u001b`-style escapes.
 */
export const forTerminal = escapeControls;

const MARKDOWN: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\\": "\\\\",
  "`": "\\`",
  "*": "\\*",
  _: "\\_",
  "[": "\\[",
  "]": "\\]",
  "|": "\\|",
  "~": "\\~",
};

/**
 * Text from a deal or a framework, made inert in markdown: no HTML (`<img onerror>`), no links or
 * images (`[x](javascript:...)`), no emphasis or code spans it did not mean, no table cells broken by
 * `|`, and no line breaks (which could start a heading or a list). It still reads as the same words.
 */
export function forMarkdown(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are dropped on purpose
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/[&<>\\`*_[\]|~]/g, (c) => MARKDOWN[c] ?? c);
}
