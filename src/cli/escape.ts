import { CONTROL_CLASS, escapeControls } from "../validation/issue.js";

const CONTROL_RUNS = new RegExp(`${CONTROL_CLASS}+`, "g");

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
  return text.replace(CONTROL_RUNS, " ").replace(/[&<>\\`*_[\]|~]/g, (c) => MARKDOWN[c] ?? c);
}
