import { Marked } from "marked";

/** One page of the site: its file name without extension, its title in the menu, its markdown. */
export interface SitePage {
  readonly name: string;
  readonly title: string;
  readonly markdown: string;
}

const CSS = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#fff}
header{background:#1f3a5f;color:#fff;padding:.6rem 1.5rem}
header a{color:#fff;margin-right:1rem;text-decoration:none}
header a:hover{text-decoration:underline}
main{max-width:62rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.8rem;border-bottom:2px solid #1f3a5f;padding-bottom:.3rem}
h2{font-size:1.35rem;margin-top:2rem}
h3{font-size:1.1rem;margin-top:1.6rem}
table{border-collapse:collapse;margin:.8rem 0;width:100%}
th,td{border:1px solid #c9d1dc;padding:.35rem .55rem;text-align:left;vertical-align:top}
th{background:#eef2f7}
code{background:#f2f4f7;padding:0 .2rem;border-radius:3px;font-size:.92em}
pre{background:#f6f8fa;padding:.7rem;overflow-x:auto;border:1px solid #e1e6ec}
pre code{background:none;padding:0}
details{margin:.6rem 0;color:#4a5566}
summary{cursor:pointer}
li{margin:.25rem 0}
@media print{header{display:none}details{display:none}a{color:inherit;text-decoration:none}}
`;

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A static site from markdown pages: one self-contained HTML file per page (inline CSS, no script, no
 * request to anywhere, printable), a menu on every page, and every link between pages pointing at the
 * HTML. A link to a page the site does not hold keeps its text and loses its link, so none is broken.
 */
export function htmlSite(pages: readonly SitePage[]): Map<string, string> {
  const names = new Set(pages.map((p) => p.name));
  const marked = new Marked({ gfm: true });
  const out = new Map<string, string>();
  const menu = pages.map((p) => `<a href="${p.name}.html">${escapeHtml(p.title)}</a>`).join("");
  for (const page of pages) {
    let body = marked.parse(page.markdown, { async: false });
    body = body.replace(
      /<a href="([^"#:]+?)\.md(#[^"]*)?">([\s\S]*?)<\/a>/g,
      (_, target: string, hash: string | undefined, text: string) => {
        const name = target === "README" ? "index" : target;
        return names.has(name) && !target.includes("/")
          ? `<a href="${name}.html${hash ?? ""}">${text}</a>`
          : text;
      },
    );
    // Any other relative link (a file beside the markdown, not in the site) keeps its text only.
    body = body.replace(/<a href="(?![a-z]+:|#)[^"]*">([\s\S]*?)<\/a>/g, (m, text: string) =>
      /href="[^"]+\.html(#[^"]*)?"/.test(m) ? m : text,
    );
    out.set(
      `${page.name}.html`,
      `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(page.title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<header><nav>${menu}</nav></header>\n<main>\n${body}</main>\n</body>\n</html>\n`,
    );
  }
  return out;
}
