/** Small readers for server-rendered HTML, so assertions can name what a person sees. */
export function textOf(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}

export function htmlLang(html: string): string | undefined {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
}

export function h1Of(html: string): string | undefined {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return match?.[1] === undefined ? undefined : textOf(match[1]);
}

export function titleOf(html: string): string | undefined {
  const match = /<title>([\s\S]*?)<\/title>/.exec(html);
  return match?.[1] === undefined ? undefined : textOf(match[1]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The elements whose opening tag carries `attribute` exactly as written (say `role="status"`),
 * each as HTML from its opening to its closing tag. For elements that hold no element of
 * their own tag name (a <p>, a <section>, a table row).
 */
export function elementsWith(html: string, attribute: string): string[] {
  const pattern = new RegExp(`<([a-z][a-z0-9]*)\\b[^>]*\\s${escapeRegExp(attribute)}[^>]*>[\\s\\S]*?</\\1>`, "g");
  return html.match(pattern) ?? [];
}

/** The text of every element with this ARIA role, joined: what a screen reader announces there. */
export function textWithRole(html: string, role: string): string {
  return elementsWith(html, `role="${role}"`).map(textOf).join(" ");
}

/** The section a heading with this id names (aria-labelledby), as HTML; "" when there is none. */
export function sectionLabelledBy(html: string, headingId: string): string {
  return elementsWith(html, `aria-labelledby="${headingId}"`).find((e) => e.startsWith("<section")) ?? "";
}

/** The table row holding a link to `href`, as HTML; "" when no row links there. */
export function rowLinkingTo(html: string, href: string): string {
  return (html.match(/<tr\b[^>]*>[\s\S]*?<\/tr>/g) ?? []).find((row) => row.includes(`href="${href}"`)) ?? "";
}
