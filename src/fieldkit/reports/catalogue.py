"""The fixed text of the reports in English, Urdu and Chinese.

Reports are printed for communities, regulators and joint-venture partners: every fixed word comes
from here (checklist labels come from the templates, which carry their own three languages).
``text(key, lang)`` falls back to English for a language that lacks a key.
"""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "ur", "zh")
MODES = ("en", "ur", "zh", "en+ur", "en+zh")

TEXT: dict[str, dict[str, str]] = {
    "inspection_report": {"en": "Inspection report", "ur": "معائنہ رپورٹ", "zh": "检查报告"},
    "site_report": {"en": "Site summary", "ur": "سائٹ کا خلاصہ", "zh": "矿区概况"},
    "community_report": {"en": "Report to the community", "ur": "مقامی لوگوں کے لیے رپورٹ", "zh": "给社区居民的报告"},
    "draft": {"en": "DRAFT", "ur": "مسودہ", "zh": "草稿"},
    "draft_note": {
        "en": "Draft: not yet approved by a supervisor.",
        "ur": "مسودہ: ابھی تک نگران افسر نے اس کی منظوری نہیں دی۔",
        "zh": "草稿：尚未经主管审批。",
    },
    "site": {"en": "Site", "ur": "سائٹ", "zh": "矿区"},
    "site_code": {"en": "Site code", "ur": "سائٹ کوڈ", "zh": "矿区编号"},
    "operator": {"en": "Operator", "ur": "آپریٹر", "zh": "运营方"},
    "partners": {"en": "Partners", "ur": "شراکت دار", "zh": "合作方"},
    "licence": {"en": "Licence", "ur": "لائسنس", "zh": "许可证"},
    "location": {"en": "Location", "ur": "مقام", "zh": "地点"},
    "commodity": {"en": "Commodity", "ur": "معدنیات", "zh": "矿种"},
    "inspection": {"en": "Inspection", "ur": "معائنہ", "zh": "检查"},
    "dates": {"en": "Dates", "ur": "تاریخیں", "zh": "日期"},
    "planned": {"en": "Planned", "ur": "طے شدہ", "zh": "计划"},
    "started": {"en": "Started", "ur": "آغاز", "zh": "开始"},
    "finished": {"en": "Finished", "ur": "اختتام", "zh": "结束"},
    "inspector": {"en": "Inspector", "ur": "معائنہ کار", "zh": "检查员"},
    "checklist": {"en": "Checklist", "ur": "چیک لسٹ", "zh": "检查表"},
    "version": {"en": "version", "ur": "ورژن", "zh": "版本"},
    "status": {"en": "Status", "ur": "صورتحال", "zh": "状态"},
    "approval": {"en": "Approval", "ur": "منظوری", "zh": "审批"},
    "approved_by": {
        "en": "Approved by {name} on {date}",
        "ur": "{date} کو {name} نے منظور کیا",
        "zh": "由 {name} 于 {date} 批准",
    },
    "not_approved": {"en": "Not approved", "ur": "منظوری نہیں ہوئی", "zh": "未批准"},
    "weather": {"en": "Weather", "ur": "موسم", "zh": "天气"},
    "summary": {"en": "Summary", "ur": "خلاصہ", "zh": "摘要"},
    "items_answered": {"en": "Items answered", "ur": "جواب دیے گئے نکات", "zh": "已填写条目"},
    "failures_by_severity": {
        "en": "Failed checks by severity",
        "ur": "ناکام جانچیں، شدت کے لحاظ سے",
        "zh": "不合格项（按严重程度）",
    },
    "exceedances": {"en": "Readings over a limit", "ur": "حد سے زیادہ پیمائشیں", "zh": "超标读数"},
    "open_findings": {"en": "Open findings", "ur": "حل طلب مسائل", "zh": "未关闭问题"},
    "time_on_site": {
        "en": "Time on site (from the GPS track)",
        "ur": "سائٹ پر گزارا گیا وقت (GPS ٹریک کے مطابق)",
        "zh": "现场停留时间（根据 GPS 轨迹）",
    },
    "no_track": {"en": "No GPS track recorded", "ur": "کوئی GPS ٹریک ریکارڈ نہیں ہوا", "zh": "未记录 GPS 轨迹"},
    "map": {"en": "Map", "ur": "نقشہ", "zh": "地图"},
    "map_caption": {
        "en": "Site boundary (blue), GPS track (red), photos (orange), findings (numbered).",
        "ur": "سائٹ کی حد (نیلی)، GPS ٹریک (سرخ)، تصاویر (نارنجی)، مسائل (نمبروں کے ساتھ)۔",
        "zh": "矿区边界（蓝色）、GPS 轨迹（红色）、照片（橙色）、问题（编号）。",
    },
    "results": {"en": "Checklist results", "ur": "چیک لسٹ کے نتائج", "zh": "检查表结果"},
    "item": {"en": "Item", "ur": "نکتہ", "zh": "检查项"},
    "answer": {"en": "Answer", "ur": "جواب", "zh": "回答"},
    "limit": {"en": "Limit and standard", "ur": "حد اور معیار", "zh": "限值及标准"},
    "flags": {"en": "Flags", "ur": "انتباہ", "zh": "警示"},
    "not_answered": {"en": "not answered", "ur": "جواب نہیں دیا گیا", "zh": "未填写"},
    "not_shown": {"en": "not applicable here", "ur": "یہاں لاگو نہیں", "zh": "此处不适用"},
    "exceedance": {"en": "OVER LIMIT", "ur": "حد سے زیادہ", "zh": "超标"},
    "below_minimum": {"en": "BELOW LIMIT", "ur": "حد سے کم", "zh": "低于限值"},
    "failed": {"en": "FAILED", "ur": "ناکام", "zh": "不合格"},
    "constraint": {"en": "CHECK FAILED", "ur": "جانچ میں ناکام", "zh": "校验未通过"},
    "unverified": {"en": "limit unverified", "ur": "حد کی تصدیق نہیں ہوئی", "zh": "限值未核实"},
    "unit_mismatch": {
        "en": "unit differs from the limit's",
        "ur": "اکائی حد کی اکائی سے مختلف ہے",
        "zh": "单位与限值单位不一致",
    },
    "comment": {"en": "Comment", "ur": "تبصرہ", "zh": "说明"},
    "findings": {"en": "Findings", "ur": "پائے گئے مسائل", "zh": "发现的问题"},
    "no_findings": {"en": "No findings were recorded.", "ur": "کوئی مسئلہ درج نہیں کیا گیا۔", "zh": "未记录任何问题。"},
    "severity": {"en": "Severity", "ur": "شدت", "zh": "严重程度"},
    "low": {"en": "Low", "ur": "کم", "zh": "低"},
    "medium": {"en": "Medium", "ur": "درمیانی", "zh": "中"},
    "high": {"en": "High", "ur": "شدید", "zh": "高"},
    "critical": {"en": "Critical", "ur": "انتہائی شدید", "zh": "严重"},
    "description": {"en": "Description", "ur": "تفصیل", "zh": "描述"},
    "corrective_action": {"en": "Corrective action", "ur": "اصلاحی اقدام", "zh": "整改措施"},
    "responsible": {"en": "Responsible", "ur": "ذمہ دار", "zh": "责任方"},
    "due_date": {"en": "Due date", "ur": "آخری تاریخ", "zh": "截止日期"},
    "finding_status": {"en": "Status", "ur": "صورتحال", "zh": "状态"},
    "open": {"en": "Open", "ur": "حل طلب", "zh": "未关闭"},
    "closed": {"en": "Closed", "ur": "حل شدہ", "zh": "已关闭"},
    "overdue": {"en": "OVERDUE", "ur": "زائد المیعاد", "zh": "逾期"},
    "photos": {"en": "Photos", "ur": "تصاویر", "zh": "照片"},
    "photo_missing": {
        "en": "Photo not available: the original is missing from the photo store.",
        "ur": "تصویر دستیاب نہیں: اصل تصویر تصاویر کے ذخیرے میں موجود نہیں۔",
        "zh": "照片不可用：照片库中缺少原始文件。",
    },
    "taken": {"en": "Taken", "ur": "لینے کا وقت", "zh": "拍摄时间"},
    "position": {"en": "Position", "ur": "محل وقوع", "zh": "位置"},
    "from_exif": {"en": "from the photo's GPS", "ur": "تصویر کے GPS سے", "zh": "来自照片 GPS"},
    "from_track": {"en": "from the GPS track", "ur": "GPS ٹریک سے", "zh": "来自 GPS 轨迹"},
    "placed_by_hand": {"en": "placed by hand", "ur": "دستی طور پر لگایا گیا", "zh": "手动标注"},
    "no_position": {"en": "no position", "ur": "محل وقوع نامعلوم", "zh": "无位置信息"},
    "sign_off": {"en": "Sign-off", "ur": "توثیق اور دستخط", "zh": "签字确认"},
    "signature": {"en": "Signature", "ur": "دستخط", "zh": "签名"},
    "name": {"en": "Name", "ur": "نام", "zh": "姓名"},
    "date": {"en": "Date", "ur": "تاریخ", "zh": "日期"},
    "supervisor": {"en": "Supervisor", "ur": "نگران افسر", "zh": "主管"},
    "page_of": {"en": "Page {page} of {pages}", "ur": "صفحہ {page} از {pages}", "zh": "第 {page} 页，共 {pages} 页"},
    "record": {"en": "Record {id}", "ur": "ریکارڈ {id}", "zh": "记录 {id}"},
    "content_hash": {"en": "content {hash}", "ur": "مواد کا ہیش {hash}", "zh": "内容哈希 {hash}"},
    "qr_note": {
        "en": "Scan to check this copy against the registry.",
        "ur": "اس کاپی کو مرکزی ریکارڈ سے ملانے کے لیے QR کوڈ اسکین کریں۔",
        "zh": "扫描二维码，将本副本与中央登记库核对。",
    },
    "yes": {"en": "Yes", "ur": "ہاں", "zh": "是"},
    "no": {"en": "No", "ur": "نہیں", "zh": "否"},
    "na": {"en": "Not applicable", "ur": "لاگو نہیں", "zh": "不适用"},
    "period": {"en": "Period", "ur": "مدت", "zh": "期间"},
    "inspections_in_period": {
        "en": "Inspections in the period",
        "ur": "اس مدت میں ہونے والے معائنے",
        "zh": "本期间的检查",
    },
    "no_inspections": {
        "en": "No inspections in this period.",
        "ur": "اس مدت میں کوئی معائنہ نہیں ہوا۔",
        "zh": "本期间无检查。",
    },
    "trends": {
        "en": "Measured parameters against their limits",
        "ur": "ناپے گئے عوامل اور ان کی حدیں",
        "zh": "监测参数与限值对比",
    },
    "corrective_actions": {"en": "Open corrective actions", "ur": "زیر التوا اصلاحی اقدامات", "zh": "未完成的整改措施"},
    "none": {"en": "None.", "ur": "کوئی نہیں۔", "zh": "无。"},
    "what_was_checked": {"en": "What was checked", "ur": "کن چیزوں کی جانچ ہوئی", "zh": "检查了什么"},
    "what_was_found": {"en": "What was found", "ur": "جانچ میں کیا ملا", "zh": "发现了什么"},
    "what_must_be_done": {
        "en": "What the company must do, and by when",
        "ur": "کمپنی کو کیا کرنا ہے، اور کب تک",
        "zh": "公司要做什么，什么时候之前做完",
    },
    "contact": {"en": "Who to contact", "ur": "کس سے رابطہ کریں", "zh": "找谁联系"},
    "contact_text": {
        "en": "For questions or complaints, speak to the community liaison officer of {operator}, "
        "or to the provincial Environmental Protection Agency.",
        "ur": "اگر آپ کا کوئی سوال یا شکایت ہو تو {operator} کے عوامی رابطہ افسر سے بات کریں، "
        "یا صوبائی ادارہ تحفظ ماحولیات (EPA) سے رابطہ کریں۔",
        "zh": "如果有问题或投诉，请找 {operator} 的社区联络员，或者省环境保护局。",
    },
    "community_intro": {
        "en": "On {date}, inspectors checked {what} at {site}. This page says, in plain words, what "
        "they found and what the company must do.",
        "ur": "{date} کو معائنہ کاروں نے {site} پر {what} کی جانچ کی۔ یہ صفحہ آسان الفاظ میں بتاتا ہے کہ انہیں کیا "
        "ملا اور کمپنی کو کیا کرنا ہے۔",
        "zh": "{date}，检查人员在 {site} 检查了 {what}。这一页用简单的话说明他们发现了什么，以及公司必须做什么。",
    },
    "nothing_wrong": {
        "en": "Nothing was found that breaks the rules checked.",
        "ur": "جن اصولوں کی جانچ کی گئی، ان کی کوئی خلاف ورزی نہیں ملی۔",
        "zh": "这次检查的各项规定，都没有发现违反的情况。",
    },
    "by_date": {"en": "by {date}", "ur": "{date} تک", "zh": "{date} 之前"},
    "reading_over": {
        "en": "{parameter} was {value}, above the limit of {limit}.",
        "ur": "{parameter} کی پیمائش {value} تھی، جو {limit} کی حد سے زیادہ ہے۔",
        "zh": "{parameter} 测得 {value}，超过了限值 {limit}。",
    },
    "reading_under": {
        "en": "{parameter} was {value}, below the limit of {limit}.",
        "ur": "{parameter} کی پیمائش {value} تھی، جو {limit} کی حد سے کم ہے۔",
        "zh": "{parameter} 测得 {value}，低于限值 {limit}。",
    },
    "generated": {
        "en": "Printed {date} by FieldKit {version}",
        "ur": "{date} کو FieldKit {version} سے پرنٹ کیا گیا",
        "zh": "由 FieldKit {version} 于 {date} 打印",
    },
    "hours_minutes": {
        "en": "{hours} h {minutes} min",
        "ur": "{hours} گھنٹے {minutes} منٹ",
        "zh": "{hours} 小时 {minutes} 分钟",
    },
    "minutes": {"en": "{minutes} min", "ur": "{minutes} منٹ", "zh": "{minutes} 分钟"},
    "status_draft": {"en": "Draft", "ur": "مسودہ", "zh": "草稿"},
    "status_submitted": {"en": "Submitted for review", "ur": "جائزے کے لیے جمع کرایا گیا", "zh": "已提交审核"},
    "status_returned": {"en": "Returned to the inspector", "ur": "معائنہ کار کو واپس بھیجا گیا", "zh": "已退回检查员"},
    "status_approved": {"en": "Approved", "ur": "منظور شدہ", "zh": "已批准"},
    "notes": {"en": "Notes", "ur": "نوٹ", "zh": "备注"},
    "overdue_count": {"en": "{count} overdue", "ur": "{count} زائد المیعاد", "zh": "{count} 项逾期"},
    "on_site_of": {
        "en": "{inside} inside the site boundary, of {total} recorded",
        "ur": "ریکارڈ شدہ {total} میں سے {inside} سائٹ کی حدود کے اندر",
        "zh": "共记录 {total}，其中 {inside} 在矿区边界内",
    },
    "n_of_m": {"en": "{n} of {m}", "ur": "{m} میں سے {n}", "zh": "{n} / {m}"},
    "none_found": {"en": "None", "ur": "کوئی نہیں", "zh": "无"},
    "section_skipped": {
        "en": "Not applicable to this inspection.",
        "ur": "اس معائنے پر لاگو نہیں۔",
        "zh": "不适用于本次检查。",
    },
    "required_missing": {"en": "required, not answered", "ur": "لازمی، جواب نہیں دیا گیا", "zh": "必填，未填写"},
    "signed_by": {"en": "Signed by {name}", "ur": "{name} کے دستخط", "zh": "由 {name} 签名"},
    "photo_count": {"en": "{count} photo(s)", "ur": "تصاویر: {count}", "zh": "{count} 张照片"},
    "checklist_item": {"en": "Checklist item", "ur": "چیک لسٹ کا نکتہ", "zh": "检查表条目"},
    "signed_in_app": {
        "en": "Signed in the app by {name}",
        "ur": "{name} نے ایپ میں دستخط کیے",
        "zh": "{name} 已在应用内签名",
    },
    "role": {"en": "Role", "ur": "عہدہ", "zh": "角色"},
    "finding": {"en": "Finding", "ur": "مسئلہ", "zh": "问题"},
    "no_readings": {
        "en": "No measured parameters in this period.",
        "ur": "اس مدت میں کوئی پیمائش نہیں کی گئی۔",
        "zh": "本期间无监测参数。",
    },
    "readings_caption": {
        "en": "{count} readings, {over} over the limit",
        "ur": "{count} پیمائشیں، جن میں سے {over} حد سے زیادہ",
        "zh": "共 {count} 个读数，其中 {over} 个超标",
    },
    "sections_checked": {
        "en": "The inspectors checked: {sections}.",
        "ur": "معائنہ کاروں نے ان چیزوں کی جانچ کی: {sections}۔",
        "zh": "检查人员检查了：{sections}。",
    },
    "no_actions": {
        "en": "The company has nothing to put right after this inspection.",
        "ur": "اس معائنے کے بعد کمپنی کو کچھ بھی ٹھیک کرنے کی ضرورت نہیں۔",
        "zh": "这次检查后，公司没有需要改正的地方。",
    },
    "inspected_by": {"en": "Inspected by {name}", "ur": "معائنہ کار: {name}", "zh": "检查人：{name}"},
    "plain_low": {"en": "a small problem", "ur": "چھوٹا مسئلہ", "zh": "小问题"},
    "plain_medium": {"en": "a problem to fix", "ur": "ایسا مسئلہ جسے ٹھیک کرنا ضروری ہے", "zh": "需要解决的问题"},
    "plain_high": {"en": "a serious problem", "ur": "سنگین مسئلہ", "zh": "严重问题"},
    "plain_critical": {"en": "a very serious problem", "ur": "بہت سنگین مسئلہ", "zh": "非常严重的问题"},
    "site_record": {"en": "Site {id}", "ur": "سائٹ {id}", "zh": "矿区 {id}"},
}


def text(key: str, lang: str, **values: Any) -> str:
    """The fixed text ``key`` in ``lang`` (falling back to English), formatted with ``values``."""
    entry = TEXT[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**values) if values else template


def languages(mode: str) -> tuple[str, ...]:
    """The languages of a report mode: ``en+ur`` gives (``en``, ``ur``)."""
    if mode not in MODES:
        raise ValueError(f"unknown report language {mode!r}: use one of {', '.join(MODES)}")
    return tuple(mode.split("+"))
