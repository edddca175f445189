"""Pages of a FieldKit report: A4, a running header, a footer with "page x of y", the record id and
the content hash, a DRAFT watermark on drafts, and a QR code for checking a printed copy."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

# JPEGs go into the PDF as they are, not ASCII85-encoded (10x faster to write, FIELD-NOTES).
rl_config.useA85 = 0

MARGIN = 16 * mm
FOOTER_SPACE = 14 * mm


class QrCode(Flowable):
    """A QR code drawn as merged dark runs straight onto the canvas.

    reportlab's ``QrCodeWidget`` encodes the payload twice (once to measure, once to draw), and
    each encoding tries all eight mask patterns in pure Python: 0.15 s a time. The matrix is made
    once here, and kept per payload (a preview and its Save As print the same code).
    """

    def __init__(self, payload: str, size: float = 28 * mm, border: int = 2) -> None:
        super().__init__()
        self.payload, self.size, self.border = payload, size, border
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules = qr_modules(self.payload)
        count = len(modules)
        box = self.size / (count + 2 * self.border)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        path = canvas.beginPath()
        for r, row in enumerate(modules):
            c = 0
            for dark, run in itertools.groupby(row):
                n = len(list(run))
                if dark:
                    y = self.size - (r + self.border + 1) * box
                    path.rect((c + self.border) * box, y, n * box, box)
                c += n
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


@lru_cache(maxsize=32)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark (True) and light modules of the QR code of ``payload``, error correction level M."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def qr_code(payload: str, size: float = 28 * mm) -> QrCode:
    """A QR code of ``payload`` (the record id and content hash)."""
    return QrCode(payload, size)


def qr_payload(record_id: str, content_hash: str) -> str:
    return f"FIELDKIT1;inspection={record_id};sha256={content_hash}"


class _NumberedCanvas(pdfcanvas.Canvas):
    """Defers each page until the end so the footer can say "page x of y"."""

    footer: Callable[[pdfcanvas.Canvas, int, int], None] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if self.footer is not None:
                self.footer(self, number, total)
            super().showPage()
        super().save()


def build(
    path: Path,
    story: Sequence[Flowable],
    *,
    title: str,
    author: str,
    footer: Callable[[pdfcanvas.Canvas, int, int], None],
    watermark: Callable[[pdfcanvas.Canvas], None] | None = None,
    header: Callable[[pdfcanvas.Canvas, int], None] | None = None,
    initial_font: str | None = None,
) -> int:
    """Lay out ``story`` into ``path``; returns the number of pages."""
    width, height = A4
    frame = Frame(MARGIN, MARGIN + FOOTER_SPACE, width - 2 * MARGIN, height - 2 * MARGIN - FOOTER_SPACE, id="body")

    def on_page(canvas: pdfcanvas.Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if watermark is not None:
            watermark(canvas)
        if header is not None:
            header(canvas, doc.page)
        canvas.restoreState()

    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        title=title,
        author=author,
        creator="FieldKit",
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        # reportlab names Helvetica on every page unless told otherwise; it is not embedded.
        **({"initialFontName": initial_font} if initial_font else {}),
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])

    class Canvas(_NumberedCanvas):
        pass

    Canvas.footer = staticmethod(footer)  # type: ignore[assignment]
    doc.build(list(story), canvasmaker=Canvas)
    return doc.page
