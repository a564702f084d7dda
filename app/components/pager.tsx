/**
 * The links under a paged list: back to newer items, on to older ones, and where the reader is.
 * Nothing when there is nowhere to go.
 */
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface PagerLink {
  to: string;
  text: string;
}

export function Pager({
  label,
  back,
  forward,
  position,
  buttons = false,
}: {
  /** The navigation's name for assistive technology. */
  label: string;
  /** Towards the start of the list (the previous page, the newest entries). */
  back?: PagerLink | null;
  /** Further into the list (the next page, older entries). */
  forward?: PagerLink | null;
  /** Where the reader is ("page 2 of 5"). */
  position?: string;
  /** Links drawn as buttons, in a row of form actions. */
  buttons?: boolean;
}) {
  if (!back && !forward) return null;
  const linkClass = buttons ? "button" : undefined;
  return (
    <nav aria-label={label} className={buttons ? "form-actions" : "pager"}>
      {back ? (
        <Link to={back.to} className={linkClass}>
          {back.text}
        </Link>
      ) : null}
      {position ? <span>{position}</span> : null}
      {forward ? (
        <Link to={forward.to} className={linkClass}>
          {forward.text}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * The pager of a numbered list (`?page=`), with the namespace's `paging.*` texts. The links keep
 * the page's other parameters but `dropped` (one-time notices such as "saved").
 */
export function PageNumbers({
  page,
  pages,
  dropped = [],
}: {
  page: number;
  pages: number;
  dropped?: readonly string[];
}) {
  const { t } = useTranslation("common");
  const location = useLocation();
  const pageLink = (target: number) => {
    const params = new URLSearchParams(location.search);
    for (const name of dropped) params.delete(name);
    params.set("page", String(target));
    return `?${params.toString()}`;
  };
  if (pages <= 1) return null;
  return (
    <Pager
      label={t("paging.label")}
      back={page > 1 ? { to: pageLink(page - 1), text: t("paging.previous") } : null}
      position={t("paging.position", { page, pages })}
      forward={page < pages ? { to: pageLink(page + 1), text: t("paging.next") } : null}
    />
  );
}
