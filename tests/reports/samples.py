"""Sample texts and pages for the report text tests.

``python -m tests.reports.samples DIR`` writes reports-ur.png, reports-zh.png and
reports-bilingual.png to DIR, for a person to look at.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from fieldkit.reports.text import bilingual, cell, paragraph, table_style
from tests.reports import pdfcheck

# "Water samples were taken in the mine area. According to the results, the amount of lead is above
# the limit and corrective action is needed at once. The inspector reviewed the tailings dam and saw
# cracks in the wall. The local community complains of dust and noise."
URDU = (
    "کان کے علاقے میں پانی کے نمونے لیے گئے۔ نتائج کے مطابق سیسے کی مقدار حد سے زیادہ ہے اور فوری اصلاحی "
    "اقدامات کی ضرورت ہے۔ معائنہ کار نے ٹیلنگ ڈیم کا جائزہ لیا اور دیوار میں دراڑیں دیکھیں۔ مقامی آبادی کو "
    "گرد و غبار اور شور کی شکایات ہیں۔"
)
# "At site SDK-01 the amount of lead in the water was 0.62 mg/L while the limit is 0.5 mg/L (NEQS)."
URDU_MIXED = "سائٹ SDK-01 پر پانی میں سیسے کی مقدار 0.62 mg/L تھی جبکہ حد 0.5 mg/L ہے (NEQS)۔"
URDU_TITLE = "معائنہ رپورٹ"  # inspection report
URDU_H1 = "پانی کے نمونے"  # water samples
URDU_PLACE = "ضلع چاغی، بلوچستان"  # Chagai district, Balochistan

CHINESE = (
    "在矿区采集了水样。结果显示，铅含量为 0.62 mg/L，超过了 0.5 mg/L 的限值，需要立即采取纠正措施。"
    "检查员查看了尾矿坝，发现坝体有裂缝。当地社区反映粉尘和噪音问题。"
)
CHINESE_TITLE = "检查报告"

ENGLISH = (
    "Water samples were taken in the mine area. Lead was 0.62 mg/L against a limit of 0.5 mg/L at site "
    "SDK-01: corrective action is needed at once. The inspector reviewed the tailings dam and saw cracks "
    "in the wall. The local community complains of dust and noise."
)


def urdu_page() -> list:
    return [
        paragraph(URDU_TITLE, "ur", "title"),
        paragraph(URDU_PLACE, "ur", "small"),
        paragraph(URDU_H1, "ur", "h1"),
        paragraph(URDU, "ur"),
        paragraph(URDU_MIXED, "ur"),
        paragraph(URDU + " " + URDU_MIXED, "ur", align="justify"),
        paragraph("اردو میں 中文 اور English کے الفاظ۔", "ur"),
        results_table("ur"),
    ]


def chinese_page() -> list:
    return [
        paragraph(CHINESE_TITLE, "zh", "title"),
        paragraph(CHINESE, "zh"),
        paragraph("中文里有 اردو 和 English。", "zh"),
        results_table("zh"),
    ]


def bilingual_page() -> list:
    return [
        bilingual("Inspection report", "en", URDU_TITLE, "ur", style_name="title"),
        bilingual(ENGLISH, "en", URDU, "ur"),
        Spacer(1, 4 * mm),
        bilingual(ENGLISH, "en", CHINESE, "zh"),
        Spacer(1, 4 * mm),
        bilingual("Lead 0.62 mg/L at SDK-01.", "en", URDU_MIXED, "ur", layout="stacked"),
    ]


RESULTS = {
    "ur": (("پیمائش", "نتیجہ", "حد"), ("سیسہ", "0.62 mg/L", "0.5 mg/L"), ("پی ایچ", "7.9", "6-9")),
    "zh": (("参数", "结果", "限值"), ("铅", "0.62 mg/L", "0.5 mg/L"), ("pH", "7.9", "6-9")),
}


def results_table(lang: str) -> Table:
    rows = [[cell(text, lang, bold=i == 0) for text in row] for i, row in enumerate(RESULTS[lang])]
    if lang == "ur":  # right to left: the first column on the right
        rows = [row[::-1] for row in rows]
    table = Table(rows, colWidths=["34%", "33%", "33%"])
    table.setStyle(table_style(("GRID", (0, 0), (-1, -1), 0.5, "grey")))
    return table


PAGES = {"ur": urdu_page, "zh": chinese_page, "bilingual": bilingual_page}


def main(folder: str) -> None:
    out = Path(folder)
    with tempfile.TemporaryDirectory() as tmp:
        for name, page in PAGES.items():
            pdf = pdfcheck.build(Path(tmp) / f"{name}.pdf", page())
            target = out / f"reports-{name}"
            subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(target)], check=True)
            print(target.with_suffix(".png"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
