/**
 * The page a request is for. With JavaScript, Remix asks a page's loader and posts its forms
 * at the page's data address (`/report.data`, and `/_root.data` for the home page); rules that
 * depend on the page (body limits, the report log) must treat both addresses alike.
 */
export function pagePath(pathname: string): string {
  if (!pathname.endsWith(".data")) return pathname;
  const page = pathname.slice(0, -".data".length);
  return page === "/_root" ? "/" : page;
}
