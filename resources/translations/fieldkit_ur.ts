<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur">
<context>
    <name>About</name>
    <message>
        <source>About FieldKit</source>
        <translation>FieldKit کے بارے میں</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldKit {version}&lt;/h3&gt;&lt;p&gt;Offline-first field inspections for mine sites: checklists, GPS tracks, photos, reports and sync with the central registry.&lt;/p&gt;&lt;p&gt;Data folder: &lt;code&gt;{data_dir}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt {qt} on {os}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldKit {version}&lt;/h3&gt;&lt;p&gt;کان کنی کی سائٹس کے لیے آف لائن اولین فیلڈ معائنے: چیک لسٹیں، GPS ٹریکس، تصاویر، رپورٹیں اور مرکزی رجسٹری کے ساتھ ہم وقت سازی۔&lt;/p&gt;&lt;p&gt;ڈیٹا فولڈر: &lt;code&gt;{data_dir}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt {qt}، {os} پر&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <source>{label}: {message}</source>
        <translation>{label}: {message}</translation>
    </message>
    <message>
        <source>give a number, not true/false</source>
        <translation>عدد درج کریں، true/false نہیں</translation>
    </message>
    <message>
        <source>{raw!r} is not a number; use a point for decimals</source>
        <translation>{raw!r} عدد نہیں ہے؛ اعشاریہ کے لیے نقطہ (.) استعمال کریں</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>پورا عدد</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>{raw!r} is not {what}</source>
        <translation>{raw!r} {what} نہیں ہے</translation>
    </message>
    <message>
        <source>give a number</source>
        <translation>عدد درج کریں</translation>
    </message>
    <message>
        <source>give a finite number</source>
        <translation>محدود عدد درج کریں</translation>
    </message>
    <message>
        <source>{raw!r} is not a whole number</source>
        <translation>{raw!r} پورا عدد نہیں ہے</translation>
    </message>
    <message>
        <source>{raw!r} is too large</source>
        <translation>{raw!r} بہت بڑا ہے</translation>
    </message>
    <message>
        <source>give one or more of: {choices}</source>
        <translation>ان میں سے ایک یا زیادہ منتخب کریں: {choices}</translation>
    </message>
    <message>
        <source>{value!r} is not an option (options: {choices})</source>
        <translation>{value!r} کوئی اختیار نہیں ہے (اختیارات: {choices})</translation>
    </message>
    <message>
        <source>this item takes no answer</source>
        <translation>اس آئٹم کا جواب نہیں دیا جاتا</translation>
    </message>
    <message>
        <source>{raw!r} is not yes, no or na</source>
        <translation>{raw!r} ان میں سے نہیں: yes، no، na</translation>
    </message>
    <message>
        <source>choose exactly one option</source>
        <translation>صرف ایک اختیار منتخب کریں</translation>
    </message>
    <message>
        <source>give text</source>
        <translation>متن درج کریں</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>{limit} حروف سے زیادہ طویل</translation>
    </message>
    <message>
        <source>{raw!r} is not a date (YYYY-MM-DD)</source>
        <translation>{raw!r} تاریخ نہیں ہے (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>give photo ids</source>
        <translation>تصاویر کی آئی ڈیز درج کریں</translation>
    </message>
    <message>
        <source>this item takes one photo</source>
        <translation>اس آئٹم میں صرف ایک تصویر لگ سکتی ہے</translation>
    </message>
    <message>
        <source>a signature needs the signer&apos;s name</source>
        <translation>دستخط کے لیے دستخط کنندہ کا نام ضروری ہے</translation>
    </message>
    <message>
        <source>{raw!r} is not a date and time (YYYY-MM-DDTHH:MM)</source>
        <translation>{raw!r} تاریخ اور وقت نہیں ہے (YYYY-MM-DDTHH:MM)</translation>
    </message>
    <message>
        <source>give a point as &apos;latitude,longitude&apos;</source>
        <translation>مقام &apos;عرض بلد,طول بلد&apos; کی صورت میں درج کریں</translation>
    </message>
    <message>
        <source>the point is outside -90..90, -180..180</source>
        <translation>مقام حد سے باہر ہے (عرض بلد -90..90، طول بلد -180..180)</translation>
    </message>
    <message>
        <source>an accuracy cannot be negative</source>
        <translation>درستگی منفی نہیں ہو سکتی</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>لاگو نہیں</translation>
    </message>
    <message>
        <source>{count} photo(s)</source>
        <translation>تصاویر: {count}</translation>
    </message>
</context>
<context>
    <name>CameraClockDialog</name>
    <message>
        <source>Camera clock</source>
        <translation>کیمرے کی گھڑی</translation>
    </message>
    <message>
        <source>Photos without their own GPS position are placed on the track by the time they were taken. If the camera&apos;s clock was wrong, give the difference: every photo of this inspection is re-timed and placed again.</source>
        <translation>جن تصاویر میں اپنا GPS مقام نہیں ہوتا، انہیں کھینچے جانے کے وقت کے مطابق ٹریک پر رکھا جاتا ہے۔ اگر کیمرے کی گھڑی غلط تھی تو فرق درج کریں: اس معائنے کی ہر تصویر کا وقت درست کر کے اسے دوبارہ رکھا جائے گا۔</translation>
    </message>
    <message>
        <source>behind (slow)</source>
        <translation>پیچھے (سست)</translation>
    </message>
    <message>
        <source>ahead (fast)</source>
        <translation>آگے (تیز)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> منٹ</translation>
    </message>
    <message>
        <source> s</source>
        <translation> سیکنڈ</translation>
    </message>
    <message>
        <source>The camera clock was</source>
        <translation>کیمرے کی گھڑی</translation>
    </message>
    <message>
        <source>by</source>
        <translation>تھی، فرق:</translation>
    </message>
    <message>
        <source>From a photo of the GPS unit&apos;s screen</source>
        <translation>GPS آلے کی اسکرین کی تصویر سے</translation>
    </message>
    <message>
        <source>PKT (UTC+05:00)</source>
        <translation>PKT (UTC+05:00)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>C&amp;ompute the difference</source>
        <translation>فرق معلوم کریں</translation>
    </message>
    <message>
        <source>Time on the GPS &amp;screen:</source>
        <translation>GPS اسکرین پر وقت:</translation>
    </message>
    <message>
        <source>Its time &amp;zone:</source>
        <translation>اس کا ٹائم زون:</translation>
    </message>
    <message>
        <source>Select the photo of the GPS screen in the gallery first.</source>
        <translation>پہلے گیلری میں GPS اسکرین کی تصویر منتخب کریں۔</translation>
    </message>
    <message>
        <source>The selected photo, {name}, has no camera time.</source>
        <translation>منتخب تصویر {name} میں کیمرے کا وقت موجود نہیں۔</translation>
    </message>
    <message>
        <source>Selected photo: {name}; the camera&apos;s clock showed {time}. Type the time the GPS screen shows.</source>
        <translation>منتخب تصویر: {name}؛ کیمرے کی گھڑی پر وقت {time} تھا۔ GPS اسکرین پر دکھایا گیا وقت درج کریں۔</translation>
    </message>
    <message>
        <source>Re-time the photos</source>
        <translation>تصاویر کا وقت درست کریں</translation>
    </message>
    <message>
        <source>The camera clock was {minutes} min {seconds} s behind the GPS.</source>
        <translation>کیمرے کی گھڑی GPS سے {minutes} منٹ {seconds} سیکنڈ پیچھے تھی۔</translation>
    </message>
    <message>
        <source>The camera clock was {minutes} min {seconds} s ahead of the GPS.</source>
        <translation>کیمرے کی گھڑی GPS سے {minutes} منٹ {seconds} سیکنڈ آگے تھی۔</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>required, not answered</source>
        <translation>لازمی، جواب نہیں دیا گیا</translation>
    </message>
    <message>
        <source>{value} does not meet the check {rule}</source>
        <translation>{value} جانچ {rule} پر پورا نہیں اترتا</translation>
    </message>
    <message>
        <source>{label}: {answer}</source>
        <translation>{label}: {answer}</translation>
    </message>
    <message>
        <source>Checklist: {template}, section “{section}”.</source>
        <translation>چیک لسٹ: {template}، حصہ “{section}”۔</translation>
    </message>
    <message>
        <source>This inspection has no checklist.</source>
        <translation>اس معائنے کی کوئی چیک لسٹ نہیں ہے۔</translation>
    </message>
    <message>
        <source>This inspection is {status}: its answers can no longer change.</source>
        <translation>یہ معائنہ {status} ہے: اس کے جوابات اب تبدیل نہیں ہو سکتے۔</translation>
    </message>
    <message>
        <source>The checklist {form} has no item {item}.</source>
        <translation>چیک لسٹ {form} میں آئٹم {item} موجود نہیں۔</translation>
    </message>
    <message>
        <source>No checklist template with id {id}.</source>
        <translation>آئی ڈی {id} والا کوئی چیک لسٹ ٹیمپلیٹ موجود نہیں۔</translation>
    </message>
    <message>
        <source>No checklist template {id}.</source>
        <translation>چیک لسٹ ٹیمپلیٹ {id} موجود نہیں۔</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>Sections</source>
        <translation>حصے</translation>
    </message>
    <message>
        <source>This inspection has no checklist. Choose one when creating an inspection.</source>
        <translation>اس معائنے کی کوئی چیک لسٹ نہیں ہے۔ نیا معائنہ بناتے وقت چیک لسٹ منتخب کریں۔</translation>
    </message>
    <message>
        <source>Answered {done} of {total}</source>
        <translation>{total} میں سے {done} کا جواب دیا گیا</translation>
    </message>
    <message>
        <source>required {done} of {total}</source>
        <translation>لازمی: {total} میں سے {done}</translation>
    </message>
    <message>
        <source>{count} over the limit</source>
        <translation>{count} حد سے تجاوز</translation>
    </message>
    <message>
        <source>{count} failed checks</source>
        <translation>{count} ناکام جانچ</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>صرف پڑھنے کے لیے</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>ہم وقت سازی کے تنازعات</translation>
    </message>
    <message>
        <source>Show &amp;all fields, not only those that differ</source>
        <translation>تمام خانے دکھائیں، صرف مختلف نہیں (&amp;A)</translation>
    </message>
    <message>
        <source>These records were changed here and on the registry since your last sync. Choose which copy to keep; the other is replaced at the next sync.</source>
        <translation>پچھلی ہم وقت سازی کے بعد یہ ریکارڈ یہاں بھی بدلے گئے اور رجسٹری پر بھی۔ منتخب کریں کہ کون سی نقل رکھنی ہے؛ دوسری اگلی ہم وقت سازی پر بدل دی جائے گی۔</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>کب</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تنازعات</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>خانہ</translation>
    </message>
    <message>
        <source>Mine (this laptop)</source>
        <translation>میرا (یہ لیپ ٹاپ)</translation>
    </message>
    <message>
        <source>Theirs (registry)</source>
        <translation>ان کا (رجسٹری)</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>فرق</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>میرا رکھیں</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s copy; it replaces the registry&apos;s at the next sync</source>
        <translation>اس لیپ ٹاپ کی نقل رکھیں؛ اگلی ہم وقت سازی پر یہ رجسٹری والی کی جگہ لے گی</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>ان کا لیں</translation>
    </message>
    <message>
        <source>Replace this laptop&apos;s copy with the registry&apos;s</source>
        <translation>اس لیپ ٹاپ کی نقل کو رجسٹری والی سے بدل دیں</translation>
    </message>
    <message>
        <source>The registry refused these changes. They stay on this laptop and are not sent again as they are: correct the record (any edit sends it again at the next sync).</source>
        <translation>رجسٹری نے یہ تبدیلیاں رد کر دیں۔ یہ اسی لیپ ٹاپ پر رہتی ہیں اور جوں کی توں دوبارہ نہیں بھیجی جاتیں: ریکارڈ درست کریں (کوئی بھی ترمیم اسے اگلی ہم وقت سازی میں دوبارہ بھیج دیتی ہے)۔</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>رد شدہ تبدیلیاں</translation>
    </message>
    <message>
        <source>The registry has not refused any change.</source>
        <translation>رجسٹری نے کوئی تبدیلی رد نہیں کی۔</translation>
    </message>
    <message>
        <source>changed on the registry by {name}, {when}</source>
        <translation>رجسٹری پر {name} نے تبدیل کیا، {when}</translation>
    </message>
    <message>
        <source>No conflicts: nothing needs a decision.</source>
        <translation>کوئی تنازع نہیں: کسی فیصلے کی ضرورت نہیں۔</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>تنازعات ({count})</translation>
    </message>
    <message>
        <source>Refused by the registry ({count})</source>
        <translation>رجسٹری نے رد کیا ({count})</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>غیر متوقع خرابی</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your saved work is safe: every change is stored when it is made. The details are in the log file:
{log}</source>
        <translation>کچھ غلط ہو گیا: {error}

آپ کا کام محفوظ ہے: ہر تبدیلی کرتے ہی محفوظ کر لی جاتی ہے۔ تفصیلات لاگ فائل میں ہیں:
{log}</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <source>Open</source>
        <translation>کھلی</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>بند</translation>
    </message>
    <message>
        <source>What must be done to correct it</source>
        <translation>اسے درست کرنے کے لیے کیا کرنا ہوگا</translation>
    </message>
    <message>
        <source>Who must do it (person or department)</source>
        <translation>یہ کام کون کرے گا (فرد یا شعبہ)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>شدت:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>حیثیت:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>تفصیل:</translation>
    </message>
    <message>
        <source>&amp;Corrective action:</source>
        <translation>اصلاحی اقدام:</translation>
    </message>
    <message>
        <source>&amp;Responsible:</source>
        <translation>ذمہ دار:</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>آخری تاریخ:</translation>
    </message>
</context>
<context>
    <name>FindingPhotos</name>
    <message>
        <source>Photos of this finding</source>
        <translation>اس خامی کی تصاویر</translation>
    </message>
    <message>
        <source>Attach photos…</source>
        <translation>تصاویر منسلک کریں…</translation>
    </message>
    <message>
        <source>No photo attached.</source>
        <translation>کوئی تصویر منسلک نہیں۔</translation>
    </message>
    <message>
        <source>Photos of the finding</source>
        <translation>خامی کی تصاویر</translation>
    </message>
    <message>
        <source>Tick the photos that show this finding (import photos in the Photos tab).</source>
        <translation>وہ تصاویر نشان زد کریں جن میں یہ خامی نظر آتی ہے (تصاویر “تصاویر” ٹیب میں درآمد کریں)۔</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Low</source>
        <translation>کم</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>درمیانی</translation>
    </message>
    <message>
        <source>High</source>
        <translation>زیادہ</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>انتہائی سنگین</translation>
    </message>
    <message>
        <source>{field} must be text.</source>
        <translation>{field} متن ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field} میں {limit} سے زیادہ حروف ہیں۔</translation>
    </message>
    <message>
        <source>A finding needs a title.</source>
        <translation>خامی کا عنوان ضروری ہے۔</translation>
    </message>
    <message>
        <source>Severity must be one of {values}.</source>
        <translation>شدت ان میں سے ایک ہونی چاہیے: {values}۔</translation>
    </message>
    <message>
        <source>A finding is open or closed.</source>
        <translation>خامی کی حیثیت صرف کھلی یا بند ہو سکتی ہے۔</translation>
    </message>
    <message>
        <source>The due date must be YYYY-MM-DD.</source>
        <translation>آخری تاریخ YYYY-MM-DD کی صورت میں ہونی چاہیے۔</translation>
    </message>
    <message>
        <source>The position is outside the globe.</source>
        <translation>مقام زمین کے نقاط کی حد سے باہر ہے۔</translation>
    </message>
    <message>
        <source>{field} cannot be edited.</source>
        <translation>{field} میں ترمیم نہیں کی جا سکتی۔</translation>
    </message>
    <message>
        <source>Findings can only be added while the inspection is editable.</source>
        <translation>خامیاں صرف اسی وقت شامل کی جا سکتی ہیں جب معائنے میں ترمیم ممکن ہو۔</translation>
    </message>
    <message>
        <source>No finding with id {id}.</source>
        <translation>آئی ڈی {id} والی کوئی خامی موجود نہیں۔</translation>
    </message>
    <message>
        <source>This finding belongs to an inspection that is no longer editable.</source>
        <translation>یہ خامی ایسے معائنے کی ہے جس میں اب ترمیم نہیں ہو سکتی۔</translation>
    </message>
</context>
<context>
    <name>FindingsTab</name>
    <message>
        <source>Findings</source>
        <translation>خامیاں</translation>
    </message>
    <message>
        <source>&amp;New finding…</source>
        <translation>نئی خامی…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف کریں</translation>
    </message>
    <message>
        <source>Delete finding</source>
        <translation>خامی حذف کریں</translation>
    </message>
    <message>
        <source>Delete the finding “{title}”?</source>
        <translation>خامی “{title}” حذف کریں؟</translation>
    </message>
</context>
<context>
    <name>GPS</name>
    <message>
        <source>{source}: a coordinate is not a number pair</source>
        <translation>{source}: ایک کوآرڈینیٹ اعداد کا جوڑا نہیں ہے</translation>
    </message>
    <message>
        <source>{source}: the point {lon}, {lat} is outside the globe</source>
        <translation>{source}: مقام {lon}، {lat} زمین کے نقاط کی حد سے باہر ہے</translation>
    </message>
    <message>
        <source>{source}: a boundary ring needs at least three corners</source>
        <translation>{source}: حدود کے ہر حلقے کے لیے کم از کم تین کونے ضروری ہیں</translation>
    </message>
    <message>
        <source>{name}: not a readable KML file ({reason})</source>
        <translation>{name}: پڑھنے کے قابل KML فائل نہیں ({reason})</translation>
    </message>
    <message>
        <source>{name} is larger than 20 MB</source>
        <translation>{name} کا سائز 20 MB سے زیادہ ہے</translation>
    </message>
    <message>
        <source>{name}: not valid GeoJSON ({reason})</source>
        <translation>{name}: درست GeoJSON نہیں ({reason})</translation>
    </message>
    <message>
        <source>{name}: use a .geojson or .kml file</source>
        <translation>{name}: ‎.geojson یا ‎.kml فائل استعمال کریں</translation>
    </message>
    <message>
        <source>{name} holds no polygon</source>
        <translation>{name} میں کوئی پولیگون نہیں</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>سطر {line}: {message}</translation>
    </message>
    <message>
        <source>a DOCTYPE declaration is not allowed in a GPX file</source>
        <translation>GPX فائل میں DOCTYPE اعلامیے کی اجازت نہیں</translation>
    </message>
    <message>
        <source>an entity declaration is not allowed in a GPX file</source>
        <translation>GPX فائل میں اینٹیٹی اعلامیے کی اجازت نہیں</translation>
    </message>
    <message>
        <source>external entities are not allowed in a GPX file</source>
        <translation>GPX فائل میں بیرونی اینٹیٹیز کی اجازت نہیں</translation>
    </message>
    <message>
        <source>not a GPX file: the document is &lt;{name}&gt;, not &lt;gpx&gt;</source>
        <translation>GPX فائل نہیں: دستاویز &lt;{name}&gt; ہے، &lt;gpx&gt; نہیں</translation>
    </message>
    <message>
        <source>a point has no {which} attribute</source>
        <translation>ایک پوائنٹ میں {which} ایٹریبیوٹ نہیں ہے</translation>
    </message>
    <message>
        <source>{which}={raw!r} is not a number</source>
        <translation>{which}={raw!r} عدد نہیں ہے</translation>
    </message>
    <message>
        <source>{which}={raw!r} is outside -{limit:g}..{limit:g}</source>
        <translation>{which}={raw!r} حد -{limit:g}..{limit:g} سے باہر ہے</translation>
    </message>
    <message>
        <source>&lt;{key}&gt;{raw}&lt;/{key}&gt; is not a number</source>
        <translation>&lt;{key}&gt;{raw}&lt;/{key}&gt; عدد نہیں ہے</translation>
    </message>
    <message>
        <source>&lt;sat&gt;{raw}&lt;/sat&gt; is not a whole number</source>
        <translation>&lt;sat&gt;{raw}&lt;/sat&gt; پورا عدد نہیں ہے</translation>
    </message>
    <message>
        <source>&lt;fix&gt;{raw}&lt;/fix&gt; is not one of none, 2d, 3d, dgps, pps</source>
        <translation>&lt;fix&gt;{raw}&lt;/fix&gt; ان میں سے نہیں: none، 2d، 3d، dgps، pps</translation>
    </message>
    <message>
        <source>not well-formed XML: {reason}</source>
        <translation>XML کی ساخت درست نہیں: {reason}</translation>
    </message>
    <message>
        <source>the file is larger than {limit} MB</source>
        <translation>فائل {limit} MB سے بڑی ہے</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>فائل خالی ہے</translation>
    </message>
    <message>
        <source>not an NMEA log: no NMEA sentence at the start of the file</source>
        <translation>NMEA لاگ نہیں: فائل کے شروع میں کوئی NMEA جملہ نہیں</translation>
    </message>
    <message>
        <source>not an NMEA log: the file contains no readable NMEA sentence</source>
        <translation>NMEA لاگ نہیں: فائل میں پڑھنے کے قابل کوئی NMEA جملہ نہیں</translation>
    </message>
    <message>
        <source>no position fixes in the file: none of its {sentences} NMEA sentences gives a valid position ({unsupported} of types without a position, {bad} damaged; epochs without a fix: {invalid})</source>
        <translation>فائل میں کوئی فکس نہیں: اس کے {sentences} NMEA جملوں میں سے کوئی بھی درست مقام نہیں دیتا ({unsupported} ایسی اقسام کے جن میں مقام نہیں ہوتا، {bad} خراب؛ بغیر فکس کے اوقات: {invalid})</translation>
    </message>
    <message>
        <source>more than {count} waypoints</source>
        <translation>{count} سے زیادہ وے پوائنٹس</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path} پڑھا نہیں جا سکا: {reason}</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} خالی ہے۔</translation>
    </message>
    <message>
        <source>{name} is neither a GPX file nor an NMEA log.</source>
        <translation>{name} نہ GPX فائل ہے نہ NMEA لاگ۔</translation>
    </message>
    <message>
        <source>{name} was not imported: {reason}</source>
        <translation>{name} درآمد نہیں ہوا: {reason}</translation>
    </message>
    <message>
        <source>The import of {name} was cancelled; nothing was stored.</source>
        <translation>{name} کی درآمد منسوخ کر دی گئی؛ کچھ بھی محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <source>{name} holds no tracks, routes or waypoints.</source>
        <translation>{name} میں کوئی ٹریک، روٹ یا وے پوائنٹ نہیں۔</translation>
    </message>
    <message>
        <source>No track with id {id}.</source>
        <translation>آئی ڈی {id} والا کوئی ٹریک موجود نہیں۔</translation>
    </message>
    <message>
        <source>Cannot export to {suffix!r}: use one of {formats}.</source>
        <translation>{suffix!r} میں برآمد نہیں کیا جا سکتا: ان میں سے کوئی استعمال کریں: {formats}۔</translation>
    </message>
</context>
<context>
    <name>GalleryTab</name>
    <message>
        <source>I&amp;mport photos…</source>
        <translation>تصاویر درآمد کریں…</translation>
    </message>
    <message>
        <source>Or drop photos and folders on this tab (Ctrl+I)</source>
        <translation>یا تصاویر اور فولڈرز گھسیٹ کر اس ٹیب پر چھوڑیں (Ctrl+I)</translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation>فولڈر درآمد کریں…</translation>
    </message>
    <message>
        <source>Every photo in a folder and its subfolders (Ctrl+Shift+I)</source>
        <translation>کسی فولڈر اور اس کے ذیلی فولڈرز کی تمام تصاویر (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Camera c&amp;lock…</source>
        <translation>کیمرے کی گھڑی…</translation>
    </message>
    <message>
        <source>Correct a wrong camera clock, so that photos are placed on the track</source>
        <translation>کیمرے کی غلط گھڑی درست کریں تاکہ تصاویر ٹریک پر صحیح جگہ رکھی جائیں</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف کریں</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>دکھائیں</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>تصاویر</translation>
    </message>
    <message>
        <source>No photos yet. Drop photos or folders here, or press Ctrl+I.</source>
        <translation>ابھی کوئی تصویر نہیں۔ تصاویر یا فولڈرز گھسیٹ کر یہاں چھوڑیں، یا Ctrl+I دبائیں۔</translation>
    </message>
    <message>
        <source>All photos</source>
        <translation>تمام تصاویر</translation>
    </message>
    <message>
        <source>Without position</source>
        <translation>بغیر مقام</translation>
    </message>
    <message>
        <source>Not linked to an item or finding</source>
        <translation>کسی آئٹم یا خامی سے منسلک نہیں</translation>
    </message>
    <message>
        <source>Item: {label}</source>
        <translation>آئٹم: {label}</translation>
    </message>
    <message>
        <source>Finding: {title}</source>
        <translation>خامی: {title}</translation>
    </message>
    <message>
        <source>{count} photo(s), {located} with a position</source>
        <translation>تصاویر: {count}، مقام کے ساتھ: {located}</translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation>تصاویر درآمد کریں</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC);;All files (*)</source>
        <translation>تصاویر (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Import every photo in a folder</source>
        <translation>فولڈر کی تمام تصاویر درآمد کریں</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>{name} درآمد ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Importing {count} files and folders…</source>
        <translation>{count} فائلیں اور فولڈرز درآمد ہو رہے ہیں…</translation>
    </message>
    <message>
        <source>Photos not imported</source>
        <translation>تصاویر درآمد نہیں ہوئیں</translation>
    </message>
    <message>
        <source>Delete the photo “{name}” from this inspection?</source>
        <translation>تصویر “{name}” اس معائنے سے حذف کریں؟</translation>
    </message>
    <message>
        <source>Delete {count} photos from this inspection?</source>
        <translation>اس معائنے سے {count} تصاویر حذف کریں؟</translation>
    </message>
    <message>
        <source>Delete photos</source>
        <translation>تصاویر حذف کریں</translation>
    </message>
    <message>
        <source>The photos were re-timed and placed again.</source>
        <translation>تصاویر کا وقت درست کر کے انہیں دوبارہ رکھ دیا گیا۔</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>What is inspected, e.g. Tailings dam monthly inspection</source>
        <translation>کس چیز کا معائنہ، مثلاً ٹیلنگز ڈیم کا ماہانہ معائنہ</translation>
    </message>
    <message>
        <source>e.g. Clear, NW wind 20 km/h, dusty</source>
        <translation>مثلاً صاف، شمال مغربی ہوا 20 km/h، گرد آلود</translation>
    </message>
    <message>
        <source>Notes for the whole inspection</source>
        <translation>پورے معائنے کے نوٹس</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>سائٹ:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>&amp;Inspector:</source>
        <translation>معائنہ کار:</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>چیک لسٹ:</translation>
    </message>
    <message>
        <source>&amp;Planned:</source>
        <translation>مقررہ وقت:</translation>
    </message>
    <message>
        <source>&amp;Started:</source>
        <translation>آغاز:</translation>
    </message>
    <message>
        <source>&amp;Finished:</source>
        <translation>اختتام:</translation>
    </message>
    <message>
        <source>&amp;Weather:</source>
        <translation>موسم:</translation>
    </message>
    <message>
        <source>Te&amp;mperature:</source>
        <translation>درجہ حرارت:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>نوٹس:</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>کوئی منتخب نہیں</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(کوئی نہیں)</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Photos imported: {imported}, duplicates: {duplicates}, rejected: {rejected}.</source>
        <translation>درآمد شدہ تصاویر: {imported}، دہری: {duplicates}، مسترد: {rejected}۔</translation>
    </message>
    <message>
        <source>Photo import</source>
        <translation>تصاویر کی درآمد</translation>
    </message>
    <message>
        <source>The import was cancelled: files after the last one listed were not imported.</source>
        <translation>درآمد منسوخ کر دی گئی: فہرست کی آخری فائل کے بعد والی فائلیں درآمد نہیں ہوئیں۔</translation>
    </message>
    <message>
        <source>File not imported</source>
        <translation>درآمد نہ ہونے والی فائل</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <source>Inspection</source>
        <extracomment>Column -&gt; sort key of :class:`InspectionQuery` (``None``: not sortable).</extracomment>
        <translation>معائنہ</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>سائٹ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>اختتام</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>معائنہ کار</translation>
    </message>
    <message>
        <source>Changed on this laptop; not yet synced</source>
        <translation>اس لیپ ٹاپ پر تبدیل کیا گیا؛ ابھی ہم وقت ساز نہیں ہوا</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بے عنوان)</translation>
    </message>
</context>
<context>
    <name>InspectionView</name>
    <message>
        <source>Submit for review</source>
        <translation>جائزے کے لیے جمع کریں</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>منظور کریں</translation>
    </message>
    <message>
        <source>Return for correction…</source>
        <translation>درستی کے لیے واپس کریں…</translation>
    </message>
    <message>
        <source>&amp;Header</source>
        <translation>بنیادی معلومات</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>چیک لسٹ</translation>
    </message>
    <message>
        <source>F&amp;indings</source>
        <translation>خامیاں</translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation>ٹریک</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>تصاویر</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>رپورٹ</translation>
    </message>
    <message>
        <source>Select an inspection on the left, or press Ctrl+N to start a new one.</source>
        <translation>دائیں جانب سے کوئی معائنہ منتخب کریں، یا نیا معائنہ شروع کرنے کے لیے Ctrl+N دبائیں۔</translation>
    </message>
    <message>
        <source>(untitled inspection)</source>
        <translation>(بے عنوان معائنہ)</translation>
    </message>
    <message>
        <source>· not yet synced</source>
        <translation>· ابھی ہم وقت ساز نہیں ہوا</translation>
    </message>
    <message>
        <source>· synced</source>
        <translation>· ہم وقت ساز</translation>
    </message>
    <message>
        <source>Returned by {name} on {when}: {comment}</source>
        <translation>{name} نے {when} کو واپس کیا: {comment}</translation>
    </message>
    <message>
        <source>Read-only: approved.</source>
        <translation>صرف پڑھنے کے لیے: منظور شدہ۔</translation>
    </message>
    <message>
        <source>Read-only until a supervisor returns it for correction.</source>
        <translation>صرف پڑھنے کے لیے، جب تک سپروائزر اسے درستی کے لیے واپس نہ کرے۔</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>درستی کے لیے واپس کریں</translation>
    </message>
    <message>
        <source>What must the inspector correct?</source>
        <translation>معائنہ کار کو کیا درست کرنا ہے؟</translation>
    </message>
</context>
<context>
    <name>Inspections</name>
    <message>
        <source>Unknown sort order {sort!r}.</source>
        <translation>نامعلوم ترتیب {sort!r}۔</translation>
    </message>
    <message>
        <source>No inspection with id {id}.</source>
        <translation>آئی ڈی {id} والا کوئی معائنہ موجود نہیں۔</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… اور {count} مزید</translation>
    </message>
    <message>
        <source>The inspection cannot be submitted yet ({count} problems):</source>
        <translation>معائنہ ابھی جمع نہیں کیا جا سکتا ({count} مسائل):</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>موسم</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>نوٹس</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>مقررہ وقت</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>آغاز کا وقت</translation>
    </message>
    <message>
        <source>Finish time</source>
        <translation>اختتام کا وقت</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>درجہ حرارت</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>معائنہ کار</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>چیک لسٹ</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>سائٹ</translation>
    </message>
    <message>
        <source>{field} must be text.</source>
        <translation>{field} متن ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field} میں {limit} سے زیادہ حروف ہیں۔</translation>
    </message>
    <message>
        <source>{field} must be a date and time with a time zone.</source>
        <translation>{field} ٹائم زون سمیت تاریخ اور وقت ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>The temperature must be a number.</source>
        <translation>درجہ حرارت ایک عدد ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>A temperature of {value} °C is outside -60 to 70 °C.</source>
        <translation>{value} °C کا درجہ حرارت -60 سے 70 °C کی حد سے باہر ہے۔</translation>
    </message>
    <message>
        <source>{field} cannot be edited.</source>
        <translation>{field} میں ترمیم نہیں کی جا سکتی۔</translation>
    </message>
    <message>
        <source>Unknown {field}: {value}.</source>
        <translation>نامعلوم {field}: {value}۔</translation>
    </message>
    <message>
        <source>The inspection cannot finish before it started.</source>
        <translation>معائنہ شروع ہونے سے پہلے ختم نہیں ہو سکتا۔</translation>
    </message>
    <message>
        <source>This inspection is {status}: it can only be edited while it is a draft or after a supervisor returned it.</source>
        <translation>یہ معائنہ {status} ہے: اس میں ترمیم صرف مسودے کی حالت میں یا سپروائزر کے واپس کرنے کے بعد ہو سکتی ہے۔</translation>
    </message>
    <message>
        <source>Unknown status {status!r}.</source>
        <extracomment>Status changes a person may make: from -&gt; allowed targets.</extracomment>
        <translation>نامعلوم حیثیت {status!r}۔</translation>
    </message>
    <message>
        <source>An inspection that is {old} cannot become {new}.</source>
        <translation>معائنے کی حیثیت {old} سے {new} میں تبدیل نہیں ہو سکتی۔</translation>
    </message>
    <message>
        <source>Only a supervisor can approve or return an inspection.</source>
        <translation>صرف سپروائزر ہی معائنہ منظور یا واپس کر سکتا ہے۔</translation>
    </message>
    <message>
        <source>Say what must be corrected when returning an inspection.</source>
        <translation>معائنہ واپس کرتے وقت بتائیں کہ کیا درست کرنا ہے۔</translation>
    </message>
    <message>
        <source>An approved inspection cannot be deleted.</source>
        <translation>منظور شدہ معائنہ حذف نہیں کیا جا سکتا۔</translation>
    </message>
</context>
<context>
    <name>ItemWidget</name>
    <message>
        <source>Create finding…</source>
        <translation>خامی درج کریں…</translation>
    </message>
    <message>
        <source>Comment (Ctrl+Enter)</source>
        <translation>تبصرہ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>لاگو نہیں</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>عدد لکھیں</translation>
    </message>
    <message>
        <source>latitude, longitude</source>
        <translation>عرض بلد، طول بلد</translation>
    </message>
    <message>
        <source>Name of the person signing</source>
        <translation>دستخط کرنے والے کا نام</translation>
    </message>
    <message>
        <source>N: now</source>
        <translation>N: ابھی</translation>
    </message>
    <message>
        <source>No photo attached yet</source>
        <translation>ابھی کوئی تصویر منسلک نہیں</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) linked</source>
        <translation>
            <numerusform>%n تصویر منسلک</numerusform>
            <numerusform>%n تصاویر منسلک</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding recorded</source>
        <translation>خامی درج ہو گئی</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>{parameter} is in {unit}; the limit ({standard}) is in {limit_unit}: not compared</source>
        <translation>{parameter} کی اکائی {unit} ہے اور حد ({standard}) کی اکائی {limit_unit} ہے: موازنہ نہیں کیا گیا</translation>
    </message>
    <message>
        <source>{parameter} {value}{unit} exceeds {limit}{limit_unit} ({standard}) by {margin}%</source>
        <translation>{parameter} {value}{unit} ہے، جو حد {limit}{limit_unit} ({standard}) سے {margin}% زیادہ ہے</translation>
    </message>
    <message>
        <source>{parameter} {value}{unit} is below {limit}{limit_unit} ({standard}) by {margin}%</source>
        <translation>{parameter} {value}{unit} ہے، جو حد {limit}{limit_unit} ({standard}) سے {margin}% کم ہے</translation>
    </message>
    <message>
        <source>Limit unverified: {parameter} {range} in {standard} has not been checked against the official text</source>
        <translation>حد غیر تصدیق شدہ: {standard} میں {parameter} {range} کا سرکاری متن سے موازنہ نہیں کیا گیا</translation>
    </message>
</context>
<context>
    <name>LiveGpsPanel</name>
    <message>
        <source>Live GPS</source>
        <translation>براہ راست GPS</translation>
    </message>
    <message>
        <source>Most handheld receivers send NMEA at 4800 or 9600 baud</source>
        <translation>زیادہ تر ہینڈ ہیلڈ ریسیورز 4800 یا 9600 baud پر NMEA بھیجتے ہیں</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>دوبارہ تلاش کریں</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>شروع کریں</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>وقفہ</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>روکیں</translation>
    </message>
    <message>
        <source>Not logging.</source>
        <translation>ریکارڈنگ نہیں ہو رہی۔</translation>
    </message>
    <message>
        <source>Play back a recorded NMEA log…</source>
        <translation>ریکارڈ شدہ NMEA لاگ کا ری پلے…</translation>
    </message>
    <message>
        <source>Recorded NMEA log</source>
        <translation>ریکارڈ شدہ NMEA لاگ</translation>
    </message>
    <message>
        <source>NMEA logs (*.nmea *.log *.txt);;All files (*)</source>
        <translation>NMEA لاگز (*.nmea *.log *.txt);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Live log {time}</source>
        <translation>براہ راست ریکارڈنگ {time}</translation>
    </message>
    <message>
        <source>GPS receiver</source>
        <translation>GPS ریسیور</translation>
    </message>
    <message>
        <source>Cannot open {port}: {reason}</source>
        <translation>{port} کھولا نہیں جا سکا: {reason}</translation>
    </message>
    <message>
        <source>Stopped: {count} points stored.</source>
        <translation>روک دیا گیا: {count} پوائنٹس محفوظ ہو گئے۔</translation>
    </message>
    <message>
        <source>The receiver was disconnected; the track so far is saved.</source>
        <translation>ریسیور منقطع ہو گیا؛ اب تک کا ٹریک محفوظ ہے۔</translation>
    </message>
    <message>
        <source>waiting for the receiver…</source>
        <translation>ریسیور کا انتظار…</translation>
    </message>
    <message>
        <source>no fix</source>
        <translation>فکس نہیں</translation>
    </message>
    <message>
        <source>(lost {seconds} s ago)</source>
        <translation>({seconds} سیکنڈ پہلے ختم ہوا)</translation>
    </message>
    <message>
        <source>RTK fixed</source>
        <translation>RTK فکسڈ</translation>
    </message>
    <message>
        <source>RTK float</source>
        <translation>RTK فلوٹ</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>تخمینی</translation>
    </message>
    <message>
        <source>{quality} fix · {sats} satellites · HDOP {hdop:.1f}{accuracy}</source>
        <translation>{quality} فکس · {sats} سیٹلائٹ · HDOP {hdop:.1f}{accuracy}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>ریکارڈنگ جاری</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>وقفے پر</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>رک گیا</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>غیر فعال</translation>
    </message>
    <message>
        <source>{state}: {fix} · {stored} points stored in {segments} segment(s)</source>
        <translation>{state}: {fix} · {stored} پوائنٹس {segments} حصوں میں محفوظ</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>جاری رکھیں</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the registry</source>
        <translation>رجسٹری میں سائن ان</translation>
    </message>
    <message>
        <source>The registry lists this name among your signed-in devices.</source>
        <translation>رجسٹری آپ کے سائن ان شدہ آلات میں یہ نام دکھاتی ہے۔</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>سائن ان کا مسئلہ</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>سائن ان</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>سرور:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>صارف نام:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>پاس ورڈ:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>آلہ:</translation>
    </message>
    <message>
        <source>Enter the registry&apos;s address, starting with https://</source>
        <translation>رجسٹری کا پتا درج کریں، جو https:// سے شروع ہو</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>اپنا صارف نام اور پاس ورڈ درج کریں۔</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>سائن ان ہو رہا ہے…</translation>
    </message>
    <message>
        <source>The registry did not accept this username and password.</source>
        <translation>رجسٹری نے یہ صارف نام اور پاس ورڈ قبول نہیں کیا۔</translation>
    </message>
    <message>
        <source>The registry cannot be reached. Check the address and the connection.</source>
        <translation>رجسٹری تک رسائی نہیں ہو سکی۔ پتا اور کنکشن چیک کریں۔</translation>
    </message>
    <message>
        <source>Could not sign in: {error}</source>
        <translation>سائن ان نہیں ہو سکا: {error}</translation>
    </message>
</context>
<context>
    <name>MBTiles</name>
    <message>
        <source>{file}: the file does not exist.</source>
        <translation>{file}: فائل موجود نہیں۔</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>{file} پڑھی نہیں جا سکی: {reason}</translation>
    </message>
    <message>
        <source>{file} is not an MBTiles file: it is not an SQLite database.</source>
        <translation>{file} MBTiles فائل نہیں: یہ SQLite ڈیٹا بیس نہیں ہے۔</translation>
    </message>
    <message>
        <source>{file} is not an MBTiles file: it has no tiles table.</source>
        <translation>{file} MBTiles فائل نہیں: اس میں tiles ٹیبل نہیں ہے۔</translation>
    </message>
    <message>
        <source>{file} holds no map tiles.</source>
        <translation>{file} میں نقشے کی کوئی ٹائل نہیں۔</translation>
    </message>
    <message>
        <source>{file} holds no tiles that can be shown: they are not PNG, JPEG or WebP images.</source>
        <translation>{file} میں دکھانے کے قابل کوئی ٹائل نہیں: یہ PNG، JPEG یا WebP تصاویر نہیں ہیں۔</translation>
    </message>
    <message>
        <source>{file} is damaged (database disk image is malformed); copy it again.</source>
        <translation>{file} خراب ہے (database disk image is malformed)؛ اسے دوبارہ کاپی کریں۔</translation>
    </message>
    <message>
        <source>{file} is not an MBTiles file: its tiles table is not laid out as MBTiles.</source>
        <translation>{file} MBTiles فائل نہیں: اس کے tiles ٹیبل کی ساخت MBTiles کے مطابق نہیں۔</translation>
    </message>
    <message>
        <source>{file} cannot be read as MBTiles: {reason}</source>
        <translation>{file} کو MBTiles کے طور پر پڑھا نہیں جا سکا: {reason}</translation>
    </message>
    <message>
        <source>{file} holds vector tiles: vector MBTiles cannot be shown; open a raster (PNG, JPEG or WebP) MBTiles.</source>
        <translation>{file} میں ویکٹر ٹائلز ہیں: ویکٹر MBTiles دکھائی نہیں جا سکتیں؛ راسٹر (PNG، JPEG یا WebP) MBTiles کھولیں۔</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FieldKit</source>
        <translation>FieldKit</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>سائٹس</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sites&lt;/b&gt;</source>
        <translation>&lt;b&gt;سائٹس&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Filter inspections (Ctrl+F)</source>
        <translation>معائنے فلٹر کریں (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>تمام حیثیتیں</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>معائنے</translation>
    </message>
    <message>
        <source>Data: {path}</source>
        <translation>ڈیٹا: {path}</translation>
    </message>
    <message>
        <source>&amp;New Inspection…</source>
        <translation>نیا معائنہ…</translation>
    </message>
    <message>
        <source>Start a new inspection at the selected site</source>
        <translation>منتخب سائٹ پر نیا معائنہ شروع کریں</translation>
    </message>
    <message>
        <source>&amp;Delete Inspection…</source>
        <translation>معائنہ حذف کریں…</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>حذف کالعدم کریں</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <source>Site &amp;Summary Report…</source>
        <translation>سائٹ کی خلاصہ رپورٹ…</translation>
    </message>
    <message>
        <source>Inspections, trends against limits and open corrective actions of a site, as a PDF</source>
        <translation>کسی سائٹ کے معائنے، حدود کے مقابلے میں رجحانات اور زیرِ التوا اصلاحی اقدامات، PDF کی صورت میں</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>فلٹر…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>تازہ کریں</translation>
    </message>
    <message>
        <source>Show &amp;Lists</source>
        <translation>فہرستیں دکھائیں</translation>
    </message>
    <message>
        <source>Hide the site and inspection lists to give the inspection the whole window</source>
        <translation>سائٹ اور معائنوں کی فہرستیں چھپائیں تاکہ معائنہ پوری ونڈو میں دکھائی دے</translation>
    </message>
    <message>
        <source>&amp;About FieldKit</source>
        <translation>FieldKit کے بارے میں</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ترمیم</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>منظر</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <source>Saved the site summary to {path} ({pages} pages)</source>
        <translation>سائٹ کا خلاصہ محفوظ ہو گیا ({pages} صفحات): {path}</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>تمام تبدیلیاں محفوظ ہو گئیں</translation>
    </message>
    <message>
        <source>{count} inspections</source>
        <translation>{count} معائنے</translation>
    </message>
    <message>
        <source>1 inspection</source>
        <translation>1 معائنہ</translation>
    </message>
    <message>
        <source>{count} not yet synced</source>
        <translation>{count} ابھی ہم وقت ساز نہیں ہوئے</translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>سب ہم وقت ساز ہو گئے</translation>
    </message>
    <message>
        <source>No sites</source>
        <translation>کوئی سائٹ نہیں</translation>
    </message>
    <message>
        <source>There are no sites yet: sync with the registry first.</source>
        <translation>ابھی کوئی سائٹ موجود نہیں: پہلے رجسٹری کے ساتھ ہم وقت سازی کریں۔</translation>
    </message>
    <message>
        <source>Delete inspection</source>
        <translation>معائنہ حذف کریں</translation>
    </message>
    <message>
        <source>Delete “{title}” at {site}? You can undo this with Edit → Undo Delete.</source>
        <translation>{site} پر “{title}” حذف کریں؟ آپ اسے ترمیم ← حذف کالعدم کریں سے واپس لا سکتے ہیں۔</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بے عنوان)</translation>
    </message>
    <message>
        <source>Inspection deleted.</source>
        <translation>معائنہ حذف ہو گیا۔</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>محفوظ نہیں ہوا</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>{value}°</source>
        <translation>{value}°</translation>
    </message>
    <message>
        <source>{value}°E</source>
        <translation>{value}° مشرق</translation>
    </message>
    <message>
        <source>{value}°W</source>
        <translation>{value}° مغرب</translation>
    </message>
    <message>
        <source>{value}°N</source>
        <translation>{value}° شمال</translation>
    </message>
    <message>
        <source>{value}°S</source>
        <translation>{value}° جنوب</translation>
    </message>
    <message>
        <source>{n} km</source>
        <translation>{n} کلومیٹر</translation>
    </message>
    <message>
        <source>{n} m</source>
        <translation>{n} میٹر</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north arrow</comment>
        <translation>شمال</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>نقشہ</translation>
    </message>
</context>
<context>
    <name>NewFindingDialog</name>
    <message>
        <source>New finding</source>
        <translation>نئی خامی</translation>
    </message>
    <message>
        <source>Record finding</source>
        <translation>خامی درج کریں</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>New inspection</source>
        <translation>نیا معائنہ</translation>
    </message>
    <message>
        <source>e.g. Effluent sampling at the plant outfall</source>
        <translation>مثلاً پلانٹ کے اخراجی مقام پر فضلہ آب کی نمونہ گیری</translation>
    </message>
    <message>
        <source>(no checklist)</source>
        <translation>(کوئی چیک لسٹ نہیں)</translation>
    </message>
    <message>
        <source>I am on site: start the inspection now</source>
        <translation>میں سائٹ پر ہوں: معائنہ ابھی شروع کریں</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>بنائیں</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>سائٹ:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>&amp;Checklist:</source>
        <translation>چیک لسٹ:</translation>
    </message>
    <message>
        <source>&amp;Inspector:</source>
        <translation>معائنہ کار:</translation>
    </message>
    <message>
        <source>&amp;Planned:</source>
        <translation>مقررہ وقت:</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Not saved</source>
        <translation>محفوظ نہیں ہوا</translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeEdit</name>
    <message>
        <source>Now</source>
        <translation>ابھی</translation>
    </message>
    <message>
        <source>Set to the current time</source>
        <translation>موجودہ وقت درج کریں</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>خالی کریں</translation>
    </message>
</context>
<context>
    <name>PhotoCanvas</name>
    <message>
        <source>Photo</source>
        <translation>تصویر</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <source>No position</source>
        <translation>مقام نہیں</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>پچھلی</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>اگلی</translation>
    </message>
    <message>
        <source>Place on &amp;map…</source>
        <translation>نقشے پر رکھیں…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>فائل:</translation>
    </message>
    <message>
        <source>Taken at:</source>
        <translation>کھینچنے کا وقت:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>کیمرا:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>سائز:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>مقام:</translation>
    </message>
    <message>
        <source>Bearing:</source>
        <translation>سمت:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>What the photo shows (saved as you type)</source>
        <translation>تصویر میں کیا دکھایا گیا ہے (لکھتے ہی محفوظ ہو جاتا ہے)</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>کیپشن:</translation>
    </message>
    <message>
        <source>Checklist &amp;item:</source>
        <translation>چیک لسٹ آئٹم:</translation>
    </message>
    <message>
        <source>&amp;Finding:</source>
        <translation>خامی:</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{count} میں سے {number}</translation>
    </message>
    <message>
        <source>unknown (the photo has no time)</source>
        <translation>نامعلوم (تصویر میں وقت درج نہیں)</translation>
    </message>
    <message>
        <source>The camera&apos;s clock showed {time}</source>
        <translation>کیمرے کی گھڑی پر وقت {time} تھا</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} پکسل</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— کوئی نہیں —</translation>
    </message>
    <message>
        <source>The photo cannot be shown in full ({reason}). The thumbnail is shown instead.</source>
        <translation>تصویر مکمل طور پر نہیں دکھائی جا سکتی ({reason})۔ اس کی جگہ تھمب نیل دکھایا جا رہا ہے۔</translation>
    </message>
    <message>
        <source>no position</source>
        <translation>مقام نہیں</translation>
    </message>
    <message>
        <source>from the photo&apos;s GPS</source>
        <translation>تصویر کے GPS سے</translation>
    </message>
    <message>
        <source>from the track</source>
        <translation>ٹریک سے</translation>
    </message>
    <message>
        <source>placed by hand</source>
        <translation>ہاتھ سے رکھا گیا</translation>
    </message>
    <message>
        <source>N NE E SE S SW W NW</source>
        <comment>eight compass points, space-separated</comment>
        <translation>شمال شمال‌مشرق مشرق جنوب‌مشرق جنوب جنوب‌مغرب مغرب شمال‌مغرب</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>the image declares too many pixels (a decompression bomb?)</source>
        <translation>تصویر میں بہت زیادہ پکسلز درج ہیں (ممکنہ ڈی کمپریشن بم؟)</translation>
    </message>
    <message>
        <source>not a JPEG, PNG or HEIC image</source>
        <translation>JPEG، PNG یا HEIC تصویر نہیں</translation>
    </message>
    <message>
        <source>the image cannot be read: {reason}</source>
        <translation>تصویر پڑھی نہیں جا سکی: {reason}</translation>
    </message>
    <message>
        <source>the image has no pixels</source>
        <translation>تصویر میں کوئی پکسل نہیں</translation>
    </message>
    <message>
        <source>the image declares {width} × {height} pixels ({mp:.0f} MP); the limit is {limit} MP</source>
        <translation>تصویر میں {width} × {height} پکسلز ({mp:.0f} MP) درج ہیں؛ حد {limit} MP ہے</translation>
    </message>
    <message>
        <source>the image file is truncated (incomplete copy?)</source>
        <translation>تصویر کی فائل نامکمل ہے (ادھوری کاپی؟)</translation>
    </message>
    <message>
        <source>the image cannot be decoded: {reason}</source>
        <translation>تصویر ڈی کوڈ نہیں ہو سکی: {reason}</translation>
    </message>
    <message>
        <source>the file is {size:.1f} MB; the limit is {limit} MB</source>
        <translation>فائل کا سائز {size:.1f} MB ہے؛ حد {limit} MB ہے</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>فائل پڑھی نہیں جا سکی: {reason}</translation>
    </message>
    <message>
        <source>No photo with id {id}.</source>
        <translation>آئی ڈی {id} والی کوئی تصویر موجود نہیں۔</translation>
    </message>
    <message>
        <source>The original of {name} is missing from the photo store.</source>
        <translation>{name} کی اصل فائل تصاویر کے ذخیرے میں موجود نہیں۔</translation>
    </message>
    <message>
        <source>A caption is at most 2,000 characters.</source>
        <translation>کیپشن زیادہ سے زیادہ 2,000 حروف کا ہو سکتا ہے۔</translation>
    </message>
    <message>
        <source>No finding {id} in this photo&apos;s inspection.</source>
        <translation>اس تصویر کے معائنے میں خامی {id} موجود نہیں۔</translation>
    </message>
    <message>
        <source>The position is outside the globe.</source>
        <translation>مقام زمین کے نقاط کی حد سے باہر ہے۔</translation>
    </message>
    <message>
        <source>A clock offset of more than a year is not plausible.</source>
        <translation>ایک سال سے زیادہ کا گھڑی کا فرق قابلِ یقین نہیں۔</translation>
    </message>
    <message>
        <source>Give the GPS time with its time zone.</source>
        <translation>GPS کا وقت ٹائم زون سمیت درج کریں۔</translation>
    </message>
    <message>
        <source>This photo has no camera time to compare with.</source>
        <translation>اس تصویر میں موازنے کے لیے کیمرے کا وقت موجود نہیں۔</translation>
    </message>
</context>
<context>
    <name>PlaceOnMapDialog</name>
    <message>
        <source>Place “{name}” on the map</source>
        <translation>“{name}” کو نقشے پر رکھیں</translation>
    </message>
    <message>
        <source>Click where the photo was taken. Drag to move the map, turn the wheel to zoom, F to fit.</source>
        <translation>جہاں تصویر کھینچی گئی تھی وہاں کلک کریں۔ نقشہ ہلانے کے لیے گھسیٹیں، زوم کے لیے وہیل گھمائیں، سب دکھانے کے لیے F دبائیں۔</translation>
    </message>
    <message>
        <source>Position: {position}</source>
        <translation>مقام: {position}</translation>
    </message>
    <message>
        <source>No position yet.</source>
        <translation>ابھی کوئی مقام نہیں۔</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Inspection report</source>
        <translation>معائنہ رپورٹ</translation>
    </message>
    <message>
        <source>Community summary</source>
        <translation>مقامی لوگوں کے لیے خلاصہ</translation>
    </message>
    <message>
        <source>English</source>
        <translation>انگریزی</translation>
    </message>
    <message>
        <source>English and Urdu</source>
        <translation>انگریزی اور اردو</translation>
    </message>
    <message>
        <source>English and Chinese</source>
        <translation>انگریزی اور چینی</translation>
    </message>
    <message>
        <source>One language under the other</source>
        <translation>ایک زبان دوسری کے نیچے</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>پہلو بہ پہلو</translation>
    </message>
    <message>
        <source>Print staff names</source>
        <translation>عملے کے نام پرنٹ کریں</translation>
    </message>
    <message>
        <source>The community summary leaves out staff names unless this is ticked.</source>
        <translation>مقامی لوگوں کے لیے خلاصے میں عملے کے نام شامل نہیں ہوتے، جب تک یہ نشان زد نہ کیا جائے۔</translation>
    </message>
    <message>
        <source>Re&amp;build</source>
        <translation>دوبارہ بنائیں</translation>
    </message>
    <message>
        <source>Build the report again from the current data</source>
        <translation>موجودہ ڈیٹا سے رپورٹ دوبارہ بنائیں</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>PDF کے طور پر محفوظ کریں…</translation>
    </message>
    <message>
        <source>Pri&amp;nt…</source>
        <translation>پرنٹ کریں…</translation>
    </message>
    <message>
        <source>Save the report as a PDF file (Ctrl+Shift+S)</source>
        <translation>رپورٹ کو PDF فائل کے طور پر محفوظ کریں (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>رپورٹ پرنٹ کریں (Ctrl+P)</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>رپورٹ تیار ہو رہی ہے…</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>رپورٹ نہیں بنی</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>رپورٹ محفوظ کریں</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF فائلیں (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>محفوظ کر دی گئی: {path}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>پرنٹر شروع نہیں ہو سکا۔</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>The {role} font {file} in {folder} cannot be read ({reason}): {fix}</source>
        <translation>{folder} میں {role} فونٹ {file} پڑھا نہیں جا سکا ({reason}): {fix}</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>لاطینی</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>اردو</translation>
    </message>
    <message>
        <source>Urdu (Naskh)</source>
        <translation>اردو (نسخ)</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>چینی</translation>
    </message>
    <message>
        <source>reinstall FieldKit.</source>
        <translation>FieldKit دوبارہ انسٹال کریں۔</translation>
    </message>
    <message>
        <source>point {env} at a folder with FieldKit&apos;s fonts, or unset it.</source>
        <translation>{env} کو FieldKit کے فونٹس والے فولڈر پر سیٹ کریں، یا اسے ہٹا دیں۔</translation>
    </message>
    <message>
        <source>The {role} font {file} is missing from {folder}: {fix}</source>
        <translation>{role} فونٹ {file} فولڈر {folder} میں موجود نہیں: {fix}</translation>
    </message>
</context>
<context>
    <name>SiteListModel</name>
    <message>
        <source>All sites ({count})</source>
        <translation>تمام سائٹس ({count})</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>آپریٹر: {name}</translation>
    </message>
    <message>
        <source>Partners: {names}</source>
        <translation>شراکت دار: {names}</translation>
    </message>
</context>
<context>
    <name>SiteReportDialog</name>
    <message>
        <source>Site summary report</source>
        <translation>سائٹ کی خلاصہ رپورٹ</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>سائٹ:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>از تاریخ:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>تا تاریخ:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>رپورٹ محفوظ کریں</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF فائلیں (*.pdf)</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>رپورٹ نہیں بنی</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>مدت کی ابتدائی تاریخ اختتامی تاریخ کے بعد ہے۔</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>رپورٹ تیار ہو رہی ہے…</translation>
    </message>
</context>
<context>
    <name>Sites</name>
    <message>
        <source>No site with code {code}.</source>
        <translation>کوڈ {code} والی کوئی سائٹ موجود نہیں۔</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>FieldKit cannot start</source>
        <translation>FieldKit شروع نہیں ہو سکا</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <extracomment>Statuses in which the inspector may still edit the record.</extracomment>
        <translation>مسودہ</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>جمع شدہ</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>منظور شدہ</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>واپس شدہ</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot create the data folder {path}: {reason}</source>
        <translation>ڈیٹا فولڈر {path} نہیں بنایا جا سکا: {reason}</translation>
    </message>
    <message>
        <source>The data folder {path} is not a folder.</source>
        <translation>ڈیٹا فولڈر {path} فولڈر نہیں ہے۔</translation>
    </message>
    <message>
        <source>The data folder {path} is not writable: {reason}</source>
        <translation>ڈیٹا فولڈر {path} میں لکھا نہیں جا سکتا: {reason}</translation>
    </message>
    <message>
        <source>The database {path} is damaged or unreadable: {reason}</source>
        <translation>ڈیٹا بیس {path} خراب ہے یا پڑھا نہیں جا سکتا: {reason}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a FieldKit database.</source>
        <translation>{path} ایک فولڈر ہے، FieldKit ڈیٹا بیس نہیں۔</translation>
    </message>
    <message>
        <source>Cannot read the database {path}: {reason}</source>
        <translation>ڈیٹا بیس {path} پڑھا نہیں جا سکا: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a FieldKit database (not an SQLite file). It was left untouched: move it away or choose another data folder with --data-dir.</source>
        <translation>{path} FieldKit ڈیٹا بیس نہیں ہے (SQLite فائل نہیں)۔ اسے چھیڑا نہیں گیا: اسے کہیں اور منتقل کریں یا --data-dir کے ذریعے کوئی دوسرا ڈیٹا فولڈر منتخب کریں۔</translation>
    </message>
    <message>
        <source>The database {path} is not writable: {reason}</source>
        <translation>ڈیٹا بیس {path} میں لکھا نہیں جا سکتا: {reason}</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer FieldKit (schema {rev}). Install the newer FieldKit to open it; it was left untouched.</source>
        <translation>ڈیٹا بیس {path} کو FieldKit کے نئے ورژن (اسکیما {rev}) نے لکھا ہے۔ اسے کھولنے کے لیے نیا FieldKit انسٹال کریں؛ اسے چھیڑا نہیں گیا۔</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a FieldKit store. It was left untouched: choose another data folder with --data-dir.</source>
        <translation>{path} ایک SQLite ڈیٹا بیس ہے مگر FieldKit کا ڈیٹا اسٹور نہیں۔ اسے چھیڑا نہیں گیا: --data-dir کے ذریعے کوئی دوسرا ڈیٹا فولڈر منتخب کریں۔</translation>
    </message>
</context>
<context>
    <name>SubmitProblemsDialog</name>
    <message>
        <source>Not ready to submit</source>
        <translation>ابھی جمع کرنے کے لیے تیار نہیں</translation>
    </message>
    <message>
        <source>Fix these {count} items first (double-click or press Enter to go to one):</source>
        <translation>پہلے یہ {count} آئٹمز درست کریں (کسی آئٹم پر جانے کے لیے ڈبل کلک کریں یا Enter دبائیں):</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>A password is needed for {user}: run in a terminal or set {env}.</source>
        <translation>{user} کے لیے پاس ورڈ درکار ہے: ٹرمینل میں چلائیں یا {env} مقرر کریں۔</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} کا پاس ورڈ: </translation>
    </message>
    <message>
        <source>Say who logs in: --user NAME.</source>
        <translation>بتائیں کون لاگ ان کر رہا ہے: ‎--user NAME‎۔</translation>
    </message>
    <message>
        <source>fieldkit: warning: this laptop holds no login to sign the bundle with; the registry accepts it only if its operator vouches for you (fieldkit-registry bundle import --vouch).</source>
        <translation>fieldkit: انتباہ: اس لیپ ٹاپ پر کوئی لاگ اِن نہیں جس سے بنڈل پر دستخط ہوں؛ رجسٹری اسے تبھی قبول کرے گی جب اس کا منتظم آپ کی ضمانت دے (fieldkit-registry bundle import --vouch)۔</translation>
    </message>
    <message>
        <source>{path} is not a usable FieldKit bundle: {reason}</source>
        <extracomment>Largest inflated/compressed ratio accepted for a member above RATIO_FLOOR bytes. JSON manifests compress 5-30x; photos barely at all; a bomb of zeros about 1000x. Deepest nesting of arrays/objects accepted in a manifest. A real one nests about 6 deep (manifest &gt; changes &gt; change &gt; data &gt; chunks &gt; chunk); json and pydantic recurse per level, so a manifest of 100,000 &quot;[&quot; would otherwise end in RecursionError rather than a message.</extracomment>
        <translation>{path} قابل استعمال FieldKit بنڈل نہیں: {reason}</translation>
    </message>
    <message>
        <source>blob {sha} is missing</source>
        <translation>فائل {sha} موجود نہیں</translation>
    </message>
    <message>
        <source>blob {sha} is larger than declared</source>
        <translation>فائل {sha} بتائے گئے سائز سے بڑی ہے</translation>
    </message>
    <message>
        <source>blob {sha} is damaged ({reason})</source>
        <translation>فائل {sha} خراب ہے ({reason})</translation>
    </message>
    <message>
        <source>blob {sha} does not match its hash</source>
        <translation>فائل {sha} اپنے ہیش سے مطابقت نہیں رکھتی</translation>
    </message>
    <message>
        <source>member {name} inflates {ratio}x (a decompression bomb?)</source>
        <translation>رکن {name} کھلنے پر {ratio} گنا بڑھ جاتا ہے (ڈی کمپریشن بم؟)</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path} پڑھا نہیں جا سکا: {reason}</translation>
    </message>
    <message>
        <source>larger than {n} GB</source>
        <translation>{n} GB سے بڑی</translation>
    </message>
    <message>
        <source>not a zip file ({reason})</source>
        <translation>zip فائل نہیں ({reason})</translation>
    </message>
    <message>
        <source>too many members ({n})</source>
        <translation>بہت زیادہ ارکان ({n})</translation>
    </message>
    <message>
        <source>two manifests</source>
        <translation>دو مینی فیسٹ</translation>
    </message>
    <message>
        <source>the manifest is too large</source>
        <translation>مینی فیسٹ بہت بڑا ہے</translation>
    </message>
    <message>
        <source>a blob appears twice</source>
        <translation>ایک فائل دو بار موجود ہے</translation>
    </message>
    <message>
        <source>a blob is too large</source>
        <translation>ایک فائل بہت بڑی ہے</translation>
    </message>
    <message>
        <source>unexpected member {name!r}</source>
        <translation>غیر متوقع رکن {name!r}</translation>
    </message>
    <message>
        <source>encrypted members are not supported</source>
        <translation>خفیہ کردہ ارکان قابل قبول نہیں</translation>
    </message>
    <message>
        <source>no manifest.json</source>
        <translation>manifest.json موجود نہیں</translation>
    </message>
    <message>
        <source>the manifest is damaged ({reason})</source>
        <translation>مینی فیسٹ خراب ہے ({reason})</translation>
    </message>
    <message>
        <source>the manifest is nested {n} levels deep (at most {max})</source>
        <translation>مینی فیسٹ {n} درجے گہرا ہے (زیادہ سے زیادہ {max})</translation>
    </message>
    <message>
        <source>the manifest is nested too deeply</source>
        <translation>مینی فیسٹ حد سے زیادہ گہرا ہے</translation>
    </message>
    <message>
        <source>the manifest is invalid ({reason})</source>
        <translation>مینی فیسٹ درست نہیں ({reason})</translation>
    </message>
    <message>
        <source>the manifest and the blobs it carries disagree</source>
        <translation>مینی فیسٹ اور اس میں موجود فائلیں مطابقت نہیں رکھتیں</translation>
    </message>
    <message>
        <source>This laptop is logged in as {known}, so its bundle can only carry {known}&apos;s changes: log in as {user} first (fieldkit sync --user {user}) or leave out --user.</source>
        <extracomment>False: no stored token to sign with; the registry takes it only if its operator vouches (--vouch)</extracomment>
        <translation>یہ لیپ ٹاپ {known} کے نام سے لاگ اِن ہے، اس لیے اس کا بنڈل صرف {known} کی تبدیلیاں لے جا سکتا ہے: پہلے {user} کے نام سے لاگ اِن کریں (fieldkit sync --user {user}) یا --user چھوڑ دیں۔</translation>
    </message>
    <message>
        <source>Say whose changes these are: --user NAME.</source>
        <translation>بتائیں یہ تبدیلیاں کس کی ہیں: ‎--user NAME‎۔</translation>
    </message>
    <message>
        <source>{path} is a bundle of changes, not a reply from the registry.</source>
        <translation>{path} تبدیلیوں کا بنڈل ہے، رجسٹری کا جواب نہیں۔</translation>
    </message>
    <message>
        <source>Sites, users and forms are published by the registry and never sent from a laptop: keeping yours keeps it on this laptop only. Ask the registry&apos;s administrator to make the change there.</source>
        <translation>سائٹس، صارفین اور فارم رجسٹری شائع کرتی ہے اور یہ کبھی لیپ ٹاپ سے نہیں بھیجے جاتے: اپنی نقل رکھنے سے وہ صرف اسی لیپ ٹاپ پر رہے گی۔ رجسٹری کے منتظم سے کہیں کہ یہ تبدیلی وہاں کریں۔</translation>
    </message>
    <message>
        <source>Keep &apos;mine&apos; or &apos;theirs&apos;.</source>
        <translation>&apos;mine&apos; (میرا) یا &apos;theirs&apos; (ان کا) رکھیں۔</translation>
    </message>
    <message>
        <source>No open conflict {id}.</source>
        <translation>کوئی کھلا تنازع {id} نہیں۔</translation>
    </message>
    <message>
        <source>No registry set: give its address (fieldkit sync --server URL).</source>
        <extracomment>Retry settings of the HTTP client (tests and the fault proxy shorten them). Records per pull page and changes per push batch (the protocol&apos;s maxima by default).</extracomment>
        <translation>کوئی رجسٹری مقرر نہیں: اس کا پتا دیں (fieldkit sync --server URL)۔</translation>
    </message>
    <message>
        <source>Not logged in to {server}: log in first.</source>
        <translation>{server} میں لاگ ان نہیں: پہلے لاگ ان کریں۔</translation>
    </message>
    <message>
        <source>Checking the login</source>
        <translation>لاگ ان کی جانچ ہو رہی ہے</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <extracomment>JSON bodies smaller than this are sent as they are (gzip costs more than it saves).</extracomment>
        <translation>ہم وقت سازی منسوخ کر دی گئی۔</translation>
    </message>
    <message>
        <source>photo original {sha} is missing here</source>
        <translation>اصل تصویر {sha} یہاں موجود نہیں</translation>
    </message>
    <message>
        <source>Uploading photos</source>
        <translation>تصاویر اپ لوڈ ہو رہی ہیں</translation>
    </message>
    <message>
        <source>photo original {sha} is damaged here and was not sent</source>
        <translation>تصویر کی اصل فائل {sha} یہاں خراب ہے اور بھیجی نہیں گئی</translation>
    </message>
    <message>
        <source>The registry did not complete the upload of {sha}.</source>
        <translation>رجسٹری نے {sha} کا اپ لوڈ مکمل نہیں کیا۔</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>تبدیلیاں بھیجی جا رہی ہیں</translation>
    </message>
    <message>
        <source>Changes sent</source>
        <translation>تبدیلیاں بھیج دی گئیں</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>تبدیلیاں وصول ہو رہی ہیں</translation>
    </message>
    <message>
        <source>Receiving photos</source>
        <translation>تصاویر وصول ہو رہی ہیں</translation>
    </message>
    <message>
        <source>photo {sha} arrived damaged; it will be fetched again</source>
        <translation>تصویر {sha} خراب حالت میں ملی؛ اسے دوبارہ منگوایا جائے گا</translation>
    </message>
    <message>
        <source>Photos received</source>
        <translation>تصاویر وصول ہو گئیں</translation>
    </message>
    <message>
        <source>The registry at {server} cannot be reached ({reason}). Nothing was lost; sync again later.</source>
        <translation>{server} پر رجسٹری تک رسائی نہیں ہو سکی ({reason})۔ کچھ ضائع نہیں ہوا؛ بعد میں دوبارہ ہم وقت سازی کریں۔</translation>
    </message>
    <message>
        <source>The registry did not accept the login ({reason}). Log in again.</source>
        <translation>رجسٹری نے لاگ ان قبول نہیں کیا ({reason})۔ دوبارہ لاگ ان کریں۔</translation>
    </message>
    <message>
        <source>The registry refused the request: {message} ({status})</source>
        <translation>رجسٹری نے درخواست رد کر دی: {message} ({status})</translation>
    </message>
    <message>
        <source>The registry at {server} answered something that is not JSON.</source>
        <translation>{server} پر رجسٹری کا جواب JSON نہیں تھا۔</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <extracomment>Saved with every edit: said once in the header line, never shown as content. Not for reading (a track&apos;s packed points, a photo&apos;s content hash). Columns whose value is a number in a unit the column name implies.</extracomment>
        <translation>{day} {month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date}، {time}</translation>
    </message>
    <message>
        <source>{title}, version {version}</source>
        <translation>{title}، ورژن {version}</translation>
    </message>
    <message>
        <source>untitled inspection</source>
        <translation>بے عنوان معائنہ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <source>Inspection &apos;{title}&apos; at {site}, {day}</source>
        <translation>معائنہ &apos;{title}&apos;، {site}، {day}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>بے عنوان</translation>
    </message>
    <message>
        <source>Answer to &apos;{item}&apos; in &apos;{inspection}&apos;</source>
        <translation>&apos;{inspection}&apos; میں &apos;{item}&apos; کا جواب</translation>
    </message>
    <message>
        <source>Review of &apos;{inspection}&apos;</source>
        <translation>&apos;{inspection}&apos; کا جائزہ</translation>
    </message>
    <message>
        <source>Grievance from {village}: {text}</source>
        <translation>{village} سے شکایت: {text}</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حذف شدہ</translation>
    </message>
    <message>
        <source>deleted on the laptop</source>
        <translation>لیپ ٹاپ پر حذف کیا گیا</translation>
    </message>
    <message>
        <source>deleted on the registry</source>
        <translation>رجسٹری پر حذف کیا گیا</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>تبدیل شدہ</translation>
    </message>
    <message>
        <source>Changed here by {mine_by} at {mine_at} / on the registry by {theirs_by} at {theirs_at}</source>
        <translation>یہاں {mine_by} نے {mine_at} پر تبدیل کیا / رجسٹری پر {theirs_by} نے {theirs_at} پر</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>جواب</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>چیک لسٹ کی شق</translation>
    </message>
    <message>
        <source>Track or route</source>
        <translation>ٹریک یا راستہ</translation>
    </message>
    <message>
        <source>Recorded with</source>
        <translation>ریکارڈ کیا گیا بذریعہ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>وقت</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>فیصلہ</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>سائٹ</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>فارم</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>معائنہ کار</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>معائنہ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>منصوبہ بند تاریخ</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>شروع</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>ختم</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>اختتام</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>موسم</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>درجہ حرارت</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>نوٹس</translation>
    </message>
    <message>
        <source>Camera clock correction</source>
        <translation>کیمرے کی گھڑی کی درستی</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>اکائی</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>تبصرہ</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>جانچ</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>سنگینی</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>تفصیل</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>عرض بلد</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>طول بلد</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>اصلاحی اقدام</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>ذمہ دار</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>مقررہ تاریخ</translation>
    </message>
    <message>
        <source>Follows up</source>
        <translation>پیروی برائے</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>مشاہدہ</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>ٹریک</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>پوائنٹس</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>حصے</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>اعداد و شمار</translation>
    </message>
    <message>
        <source>Track points</source>
        <translation>ٹریک کے پوائنٹس</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>علامت</translation>
    </message>
    <message>
        <source>Elevation</source>
        <translation>بلندی</translation>
    </message>
    <message>
        <source>Altitude</source>
        <translation>اونچائی</translation>
    </message>
    <message>
        <source>Bearing</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>فائل کی قسم</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>سائز</translation>
    </message>
    <message>
        <source>Width (pixels)</source>
        <translation>چوڑائی (پکسل)</translation>
    </message>
    <message>
        <source>Height (pixels)</source>
        <translation>اونچائی (پکسل)</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>لی گئی</translation>
    </message>
    <message>
        <source>Position from</source>
        <translation>مقام کا ماخذ</translation>
    </message>
    <message>
        <source>Camera make</source>
        <translation>کیمرے کا برانڈ</translation>
    </message>
    <message>
        <source>Camera model</source>
        <translation>کیمرے کا ماڈل</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>رخ</translation>
    </message>
    <message>
        <source>Camera clock reading</source>
        <translation>کیمرے کی گھڑی کا وقت</translation>
    </message>
    <message>
        <source>Camera time zone</source>
        <translation>کیمرے کا ٹائم زون</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>عنوانِ تصویر</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>جائزہ کار</translation>
    </message>
    <message>
        <source>Comments on items</source>
        <translation>شقوں پر تبصرے</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>جائزہ لیا گیا</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>موصول</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>گاؤں</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>زمرہ</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>شکایت کنندہ</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>جواب</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>Waypoint</source>
        <translation>وے پوائنٹ</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>جائزہ</translation>
    </message>
    <message>
        <source>Grievance</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <source>User</source>
        <translation>صارف</translation>
    </message>
    <message>
        <source>Limit set</source>
        <translation>حدود کا مجموعہ</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>پیرامیٹر</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>جنوری</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>فروری</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>مارچ</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>اپریل</translation>
    </message>
    <message>
        <source>May</source>
        <translation>مئی</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>جون</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>جولائی</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>اگست</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>ستمبر</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>اکتوبر</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>نومبر</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>دسمبر</translation>
    </message>
    <message>
        <source>Required items are not answered: {items}.</source>
        <translation>لازمی شقوں کے جواب نہیں دیے گئے: {items}۔</translation>
    </message>
    <message>
        <source>Answers the form does not accept: {items}.</source>
        <translation>ایسے جوابات جو فارم قبول نہیں کرتا: {items}۔</translation>
    </message>
    <message>
        <source>The registry does not let you change this record (not your inspection, or not your site).</source>
        <translation>رجسٹری آپ کو یہ ریکارڈ تبدیل کرنے نہیں دیتی (یہ آپ کا معائنہ یا آپ کی سائٹ نہیں)۔</translation>
    </message>
    <message>
        <source>Required items are not answered.</source>
        <translation>لازمی شقوں کے جواب نہیں دیے گئے۔</translation>
    </message>
    <message>
        <source>Your role cannot give the inspection this status (for example, only a supervisor approves).</source>
        <translation>آپ کا کردار معائنے کو یہ حیثیت نہیں دے سکتا (مثلاً منظوری صرف نگران دیتا ہے)۔</translation>
    </message>
    <message>
        <source>The registry does not have this inspection&apos;s form version; ask its administrator to publish it.</source>
        <translation>رجسٹری کے پاس اس معائنے کے فارم کا یہ ورژن نہیں؛ اس کے منتظم سے اسے شائع کرنے کو کہیں۔</translation>
    </message>
    <message>
        <source>The registry does not have the inspection this belongs to; send the inspection first.</source>
        <translation>رجسٹری کے پاس وہ معائنہ نہیں جس کا یہ حصہ ہے؛ پہلے معائنہ بھیجیں۔</translation>
    </message>
    <message>
        <source>The registry found this record invalid: {detail}</source>
        <translation>رجسٹری نے یہ ریکارڈ غلط پایا: {detail}</translation>
    </message>
    <message>
        <source>This record is too large for the registry.</source>
        <translation>یہ ریکارڈ رجسٹری کے لیے بہت بڑا ہے۔</translation>
    </message>
    <message>
        <source>Waiting for the photo&apos;s original to upload; the next sync sends it again.</source>
        <translation>تصویر کی اصل فائل کے اپ لوڈ ہونے کا انتظار ہے؛ اگلی ہم وقت سازی اسے دوبارہ بھیجے گی۔</translation>
    </message>
    <message>
        <source>The registry does not know this kind of record; update FieldKit.</source>
        <translation>رجسٹری اس قسم کے ریکارڈ کو نہیں جانتی؛ FieldKit اپ ڈیٹ کریں۔</translation>
    </message>
    <message>
        <source>Refused by the registry ({code}).</source>
        <translation>رجسٹری نے رد کیا ({code})۔</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>S&amp;ync Now</source>
        <translation>ابھی ہم وقت سازی کریں</translation>
    </message>
    <message>
        <source>Send your changes to the registry and receive others&apos;</source>
        <translation>اپنی تبدیلیاں رجسٹری کو بھیجیں اور دوسروں کی تبدیلیاں وصول کریں</translation>
    </message>
    <message>
        <source>Sign &amp;in to Registry…</source>
        <translation>رجسٹری میں سائن ان…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>سائن آؤٹ</translation>
    </message>
    <message>
        <source>Sync &amp;Automatically</source>
        <translation>خودکار ہم وقت سازی</translation>
    </message>
    <message>
        <source>Sync a few seconds after each change, and every few minutes when the registry is reachable</source>
        <translation>ہر تبدیلی کے چند سیکنڈ بعد، اور رجسٹری دستیاب ہو تو ہر چند منٹ بعد ہم وقت سازی</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>تنازعات…</translation>
    </message>
    <message>
        <source>&amp;Conflicts… ({count})</source>
        <translation>تنازعات… ({count})</translation>
    </message>
    <message>
        <source>{count} changes waiting to be sent</source>
        <translation>{count} تبدیلیاں بھیجے جانے کی منتظر</translation>
    </message>
    <message>
        <source>Sync with the registry</source>
        <translation>رجسٹری کے ساتھ ہم وقت سازی</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>ہم وقت سازی ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>بطور {name} سائن ان ہو گئے۔</translation>
    </message>
    <message>
        <source>Signed out. Your data stays on this laptop; sign in again to sync.</source>
        <translation>سائن آؤٹ ہو گئے۔ آپ کا ڈیٹا اسی لیپ ٹاپ پر رہے گا؛ ہم وقت سازی کے لیے دوبارہ سائن ان کریں۔</translation>
    </message>
    <message>
        <source>Sign in to the registry to sync.</source>
        <translation>ہم وقت سازی کے لیے رجسٹری میں سائن ان کریں۔</translation>
    </message>
    <message>
        <source>Sync finished: {sent} sent, {received} received.</source>
        <translation>ہم وقت سازی مکمل: {sent} بھیجی گئیں، {received} وصول ہوئیں۔</translation>
    </message>
    <message>
        <source>{count} conflicts to resolve (Edit → Conflicts…).</source>
        <translation>{count} تنازعات حل طلب ہیں (ترمیم ← تنازعات…)۔</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Signing in</source>
        <translation>سائن ان ہو رہا ہے</translation>
    </message>
    <message>
        <source>Uploading photos</source>
        <translation>تصاویر اپ لوڈ ہو رہی ہیں</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>تبدیلیاں بھیجی جا رہی ہیں</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>تبدیلیاں وصول ہو رہی ہیں</translation>
    </message>
    <message>
        <source>Downloading photos</source>
        <translation>تصاویر ڈاؤن لوڈ ہو رہی ہیں</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>مکمل ہو رہا ہے</translation>
    </message>
    <message>
        <source>{done}/{total} records</source>
        <translation>{done}/{total} ریکارڈ</translation>
    </message>
    <message>
        <source>{done} records</source>
        <translation>{done} ریکارڈ</translation>
    </message>
    <message>
        <source>{done}/{total} MB</source>
        <translation>{done}/{total} MB</translation>
    </message>
    <message>
        <source>Sync: {phase}…</source>
        <translation>ہم وقت سازی: {phase}…</translation>
    </message>
    <message>
        <source>Sync: {progress}</source>
        <translation>ہم وقت سازی: {progress}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>کبھی ہم وقت سازی نہیں ہوئی</translation>
    </message>
    <message>
        <source>Last sync: {time}</source>
        <translation>آخری ہم وقت سازی: {time}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync cancelled.</source>
        <extracomment>Automatic sync also runs when the last one is older than this, to bring in others&apos; changes.</extracomment>
        <translation>ہم وقت سازی منسوخ کر دی گئی۔</translation>
    </message>
    <message>
        <source>Sync failed: {error}</source>
        <translation>ہم وقت سازی ناکام: {error}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Connection</source>
        <translation>کنکشن</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>سائن ان نہیں</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>آن لائن</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>آف لائن</translation>
    </message>
    <message>
        <source>{count} refused</source>
        <translation>{count} مسترد</translation>
    </message>
    <message>
        <source>Changes the registry refused; they are sent again after you edit them.</source>
        <translation>وہ تبدیلیاں جو رجسٹری نے قبول نہیں کیں؛ ترمیم کرنے کے بعد یہ دوبارہ بھیجی جائیں گی۔</translation>
    </message>
    <message>
        <source>Sync: starting…</source>
        <translation>ہم وقت سازی: شروع ہو رہی ہے…</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
</context>
<context>
    <name>TrackTab</name>
    <message>
        <source>&amp;Import GPX/NMEA…</source>
        <translation>GPX/NMEA درآمد کریں…</translation>
    </message>
    <message>
        <source>Or drop GPX files and NMEA logs on this tab (Ctrl+I)</source>
        <translation>یا GPX فائلیں اور NMEA لاگز گھسیٹ کر اس ٹیب پر چھوڑیں (Ctrl+I)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>برآمد کریں…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف کریں</translation>
    </message>
    <message>
        <source>Basemap…</source>
        <translation>بیس میپ…</translation>
    </message>
    <message>
        <source>Open an MBTiles file (raster tiles) to show under the tracks</source>
        <translation>ٹریکس کے نیچے دکھانے کے لیے MBTiles فائل (راسٹر ٹائلز) کھولیں</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>سب دکھائیں</translation>
    </message>
    <message>
        <source>Show all tracks (F)</source>
        <translation>تمام ٹریکس دکھائیں (F)</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>ٹریک</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>پوائنٹس</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>حصے</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>فاصلہ</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>دورانیہ</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>حرکت میں</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>سائٹ پر</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>ٹریکس</translation>
    </message>
    <message>
        <source>(unnamed route)</source>
        <translation>(بے نام روٹ)</translation>
    </message>
    <message>
        <source>(unnamed track)</source>
        <translation>(بے نام ٹریک)</translation>
    </message>
    <message>
        <source>Elevation gain {gain:.0f} m, loss {loss:.0f} m</source>
        <translation>بلندی میں اضافہ {gain:.0f} میٹر، کمی {loss:.0f} میٹر</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>ماخذ: {source}</translation>
    </message>
    <message>
        <source>Time inside the site boundary: {time}</source>
        <translation>سائٹ کی حدود کے اندر وقت: {time}</translation>
    </message>
    <message>
        <source>Import GPS tracks</source>
        <translation>GPS ٹریکس درآمد کریں</translation>
    </message>
    <message>
        <source>GPS files (*.gpx *.nmea *.log *.txt);;All files (*)</source>
        <translation>GPS فائلیں (*.gpx *.nmea *.log *.txt);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Imported {name}: {tracks} track(s), {points} points, {waypoints} waypoint(s)</source>
        <translation>{name} درآمد ہو گیا: {tracks} ٹریک، {points} پوائنٹس، {waypoints} وے پوائنٹ</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>درآمد نہیں ہوا</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>{name} درآمد ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Export track</source>
        <translation>ٹریک برآمد کریں</translation>
    </message>
    <message>
        <source>GPX (*.gpx);;GeoJSON (*.geojson);;KML (*.kml);;CSV (*.csv)</source>
        <translation>GPX (*.gpx);;GeoJSON (*.geojson);;KML (*.kml);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>برآمد نہیں ہوا</translation>
    </message>
    <message>
        <source>Delete track</source>
        <translation>ٹریک حذف کریں</translation>
    </message>
    <message>
        <source>Delete the track “{name}” ({points} points)?</source>
        <translation>ٹریک “{name}” ({points} پوائنٹس) حذف کریں؟</translation>
    </message>
    <message>
        <source>Open a basemap</source>
        <translation>بیس میپ کھولیں</translation>
    </message>
    <message>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles (*.mbtiles);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <source>Basemap not opened</source>
        <translation>بیس میپ نہیں کھلا</translation>
    </message>
</context>
</TS>
