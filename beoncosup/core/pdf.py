"""HTML to PDF with WeasyPrint, for every printable document of the site (support plans,
hub articles). Only our own static files are read: a PDF never fetches from the network."""

from __future__ import annotations

from django.contrib.staticfiles import finders


def stylesheet_path(static_path: str) -> str:
    """The file system path of one of our static stylesheets, for WeasyPrint."""
    found = finders.find(static_path)
    if not isinstance(found, str):
        raise FileNotFoundError(static_path)
    return found


def html_to_pdf(html: str, *, base_url: str) -> bytes:
    """Render ``html`` (which links its stylesheet by file path) to PDF bytes."""
    # Heavy: loaded only when a PDF is asked for. No type information.
    import weasyprint  # type: ignore[import-untyped]  # noqa: PLC0415

    fetcher = weasyprint.URLFetcher(allowed_protocols=["file", "data"])
    # PDF/UA-1: a tagged PDF (headings, lists, links in a structure tree, the document's
    # language and title), so screen readers read it in order instead of as loose text.
    pdf: bytes = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        pdf_variant="pdf/ua-1"
    )
    return pdf
