<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh">
<context>
    <name>About</name>
    <message>
        <source>About FieldKit</source>
        <translation>关于 FieldKit</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldKit {version}&lt;/h3&gt;&lt;p&gt;Offline-first field inspections for mine sites: checklists, GPS tracks, photos, reports and sync with the central registry.&lt;/p&gt;&lt;p&gt;Data folder: &lt;code&gt;{data_dir}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt {qt} on {os}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldKit {version}&lt;/h3&gt;&lt;p&gt;离线优先的矿区现场检查工具：检查表、GPS 轨迹、照片、报告，以及与中央登记系统同步。&lt;/p&gt;&lt;p&gt;数据文件夹：&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Qt {qt}，运行于 {os}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <source>{label}: {message}</source>
        <translation>{label}：{message}</translation>
    </message>
    <message>
        <source>give a number, not true/false</source>
        <translation>请输入数字，而非 true/false</translation>
    </message>
    <message>
        <source>{raw!r} is not a number; use a point for decimals</source>
        <translation>{raw!r} 不是数字；小数请用小数点 (.)</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>{raw!r} is not {what}</source>
        <translation>{raw!r} 不是{what}</translation>
    </message>
    <message>
        <source>give a number</source>
        <translation>请输入数字</translation>
    </message>
    <message>
        <source>give a finite number</source>
        <translation>请输入有限的数值</translation>
    </message>
    <message>
        <source>{raw!r} is not a whole number</source>
        <translation>{raw!r} 不是整数</translation>
    </message>
    <message>
        <source>{raw!r} is too large</source>
        <translation>{raw!r} 过大</translation>
    </message>
    <message>
        <source>give one or more of: {choices}</source>
        <translation>请从以下选项中选择一个或多个：{choices}</translation>
    </message>
    <message>
        <source>{value!r} is not an option (options: {choices})</source>
        <translation>{value!r} 不是有效选项（选项：{choices}）</translation>
    </message>
    <message>
        <source>this item takes no answer</source>
        <translation>此项无需作答</translation>
    </message>
    <message>
        <source>{raw!r} is not yes, no or na</source>
        <translation>{raw!r} 不是 yes、no 或 na</translation>
    </message>
    <message>
        <source>choose exactly one option</source>
        <translation>请只选择一个选项</translation>
    </message>
    <message>
        <source>give text</source>
        <translation>请输入文本</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>{raw!r} is not a date (YYYY-MM-DD)</source>
        <translation>{raw!r} 不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>give photo ids</source>
        <translation>请提供照片 ID</translation>
    </message>
    <message>
        <source>this item takes one photo</source>
        <translation>此项只能附一张照片</translation>
    </message>
    <message>
        <source>a signature needs the signer&apos;s name</source>
        <translation>签名须填写签名人姓名</translation>
    </message>
    <message>
        <source>{raw!r} is not a date and time (YYYY-MM-DDTHH:MM)</source>
        <translation>{raw!r} 不是日期和时间（YYYY-MM-DDTHH:MM）</translation>
    </message>
    <message>
        <source>give a point as &apos;latitude,longitude&apos;</source>
        <translation>请按“纬度,经度”格式输入位置</translation>
    </message>
    <message>
        <source>the point is outside -90..90, -180..180</source>
        <translation>坐标超出范围（纬度 -90..90，经度 -180..180）</translation>
    </message>
    <message>
        <source>an accuracy cannot be negative</source>
        <translation>精度不能为负数</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>{count} photo(s)</source>
        <translation>{count} 张照片</translation>
    </message>
</context>
<context>
    <name>CameraClockDialog</name>
    <message>
        <source>Camera clock</source>
        <translation>相机时钟</translation>
    </message>
    <message>
        <source>Photos without their own GPS position are placed on the track by the time they were taken. If the camera&apos;s clock was wrong, give the difference: every photo of this inspection is re-timed and placed again.</source>
        <translation>没有自带 GPS 位置的照片会按拍摄时间放到轨迹上。如果相机时钟不准，请填写时间差：此检查的所有照片都会重新校正时间并重新定位。</translation>
    </message>
    <message>
        <source>behind (slow)</source>
        <translation>偏慢</translation>
    </message>
    <message>
        <source>ahead (fast)</source>
        <translation>偏快</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The camera clock was</source>
        <translation>相机时钟</translation>
    </message>
    <message>
        <source>by</source>
        <translation>了</translation>
    </message>
    <message>
        <source>From a photo of the GPS unit&apos;s screen</source>
        <translation>根据 GPS 设备屏幕的照片</translation>
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
        <translation>计算时间差(&amp;O)</translation>
    </message>
    <message>
        <source>Time on the GPS &amp;screen:</source>
        <translation>GPS 屏幕上的时间(&amp;S):</translation>
    </message>
    <message>
        <source>Its time &amp;zone:</source>
        <translation>其时区(&amp;Z):</translation>
    </message>
    <message>
        <source>Select the photo of the GPS screen in the gallery first.</source>
        <translation>请先在图库中选择 GPS 屏幕的照片。</translation>
    </message>
    <message>
        <source>The selected photo, {name}, has no camera time.</source>
        <translation>所选照片 {name} 没有相机时间。</translation>
    </message>
    <message>
        <source>Selected photo: {name}; the camera&apos;s clock showed {time}. Type the time the GPS screen shows.</source>
        <translation>所选照片：{name}；相机时钟显示为 {time}。请输入 GPS 屏幕上显示的时间。</translation>
    </message>
    <message>
        <source>Re-time the photos</source>
        <translation>重新校正照片时间</translation>
    </message>
    <message>
        <source>The camera clock was {minutes} min {seconds} s behind the GPS.</source>
        <translation>相机时钟比 GPS 慢 {minutes} 分 {seconds} 秒。</translation>
    </message>
    <message>
        <source>The camera clock was {minutes} min {seconds} s ahead of the GPS.</source>
        <translation>相机时钟比 GPS 快 {minutes} 分 {seconds} 秒。</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>required, not answered</source>
        <translation>必填，未回答</translation>
    </message>
    <message>
        <source>{value} does not meet the check {rule}</source>
        <translation>{value} 不符合校验条件 {rule}</translation>
    </message>
    <message>
        <source>{label}: {answer}</source>
        <translation>{label}：{answer}</translation>
    </message>
    <message>
        <source>Checklist: {template}, section “{section}”.</source>
        <translation>检查表：{template}，章节“{section}”。</translation>
    </message>
    <message>
        <source>This inspection has no checklist.</source>
        <translation>此检查没有检查表。</translation>
    </message>
    <message>
        <source>This inspection is {status}: its answers can no longer change.</source>
        <translation>此检查的状态为“{status}”：其回答已不能更改。</translation>
    </message>
    <message>
        <source>The checklist {form} has no item {item}.</source>
        <translation>检查表 {form} 中没有检查项 {item}。</translation>
    </message>
    <message>
        <source>No checklist template with id {id}.</source>
        <translation>不存在 ID 为 {id} 的检查表模板。</translation>
    </message>
    <message>
        <source>No checklist template {id}.</source>
        <translation>不存在检查表模板 {id}。</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>This inspection has no checklist. Choose one when creating an inspection.</source>
        <translation>此检查没有检查表。请在新建检查时选择检查表。</translation>
    </message>
    <message>
        <source>Answered {done} of {total}</source>
        <translation>已回答 {done}/{total}</translation>
    </message>
    <message>
        <source>required {done} of {total}</source>
        <translation>必填 {done}/{total}</translation>
    </message>
    <message>
        <source>{count} over the limit</source>
        <translation>{count} 项超标</translation>
    </message>
    <message>
        <source>{count} failed checks</source>
        <translation>{count} 项检查未通过</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Show &amp;all fields, not only those that differ</source>
        <translation>显示全部字段，而不仅是不同的字段(&amp;A)</translation>
    </message>
    <message>
        <source>These records were changed here and on the registry since your last sync. Choose which copy to keep; the other is replaced at the next sync.</source>
        <translation>自上次同步以来，这些记录在本机和登记系统上都被修改过。请选择保留哪一份，另一份将在下次同步时被替换。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine (this laptop)</source>
        <translation>我的（本机）</translation>
    </message>
    <message>
        <source>Theirs (registry)</source>
        <translation>对方的（登记系统）</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s copy; it replaces the registry&apos;s at the next sync</source>
        <translation>保留本机的版本，下次同步时替换登记系统上的版本</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>Replace this laptop&apos;s copy with the registry&apos;s</source>
        <translation>用登记系统上的版本替换本机的版本</translation>
    </message>
    <message>
        <source>The registry refused these changes. They stay on this laptop and are not sent again as they are: correct the record (any edit sends it again at the next sync).</source>
        <translation>登记系统拒绝了这些更改。它们保留在本机上，不会原样再次发送：请更正记录（任何编辑都会在下次同步时重新发送）。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <source>The registry has not refused any change.</source>
        <translation>登记系统没有拒绝任何更改。</translation>
    </message>
    <message>
        <source>changed on the registry by {name}, {when}</source>
        <translation>{name} 在登记系统修改，{when}</translation>
    </message>
    <message>
        <source>No conflicts: nothing needs a decision.</source>
        <translation>没有冲突，无需处理。</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>冲突（{count}）</translation>
    </message>
    <message>
        <source>Refused by the registry ({count})</source>
        <translation>被登记系统拒绝（{count}）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your saved work is safe: every change is stored when it is made. The details are in the log file:
{log}</source>
        <translation>出现问题：{error}

您的工作不会丢失：每次更改都会立即保存。详细信息见日志文件：
{log}</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>What must be done to correct it</source>
        <translation>需要采取哪些纠正措施</translation>
    </message>
    <message>
        <source>Who must do it (person or department)</source>
        <translation>由谁负责（个人或部门）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T):</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>严重程度(&amp;V):</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Corrective action:</source>
        <translation>纠正措施(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Responsible:</source>
        <translation>责任方(&amp;R):</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>完成期限(&amp;U):</translation>
    </message>
</context>
<context>
    <name>FindingPhotos</name>
    <message>
        <source>Photos of this finding</source>
        <translation>此检查发现的照片</translation>
    </message>
    <message>
        <source>Attach photos…</source>
        <translation>附加照片…</translation>
    </message>
    <message>
        <source>No photo attached.</source>
        <translation>未附加照片。</translation>
    </message>
    <message>
        <source>Photos of the finding</source>
        <translation>检查发现的照片</translation>
    </message>
    <message>
        <source>Tick the photos that show this finding (import photos in the Photos tab).</source>
        <translation>勾选显示此检查发现的照片（照片请在“照片”选项卡中导入）。</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>{field} must be text.</source>
        <translation>{field} 必须是文本。</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field} 超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A finding needs a title.</source>
        <translation>检查发现必须有标题。</translation>
    </message>
    <message>
        <source>Severity must be one of {values}.</source>
        <translation>严重程度必须是以下之一：{values}。</translation>
    </message>
    <message>
        <source>A finding is open or closed.</source>
        <translation>检查发现的状态只能是未关闭或已关闭。</translation>
    </message>
    <message>
        <source>The due date must be YYYY-MM-DD.</source>
        <translation>完成期限必须为 YYYY-MM-DD 格式。</translation>
    </message>
    <message>
        <source>The position is outside the globe.</source>
        <translation>位置超出地球坐标范围。</translation>
    </message>
    <message>
        <source>{field} cannot be edited.</source>
        <translation>{field} 不可编辑。</translation>
    </message>
    <message>
        <source>Findings can only be added while the inspection is editable.</source>
        <translation>只有在检查可编辑时才能添加检查发现。</translation>
    </message>
    <message>
        <source>No finding with id {id}.</source>
        <translation>不存在 ID 为 {id} 的检查发现。</translation>
    </message>
    <message>
        <source>This finding belongs to an inspection that is no longer editable.</source>
        <translation>此检查发现所属的检查已不可编辑。</translation>
    </message>
</context>
<context>
    <name>FindingsTab</name>
    <message>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <source>&amp;New finding…</source>
        <translation>新建检查发现(&amp;N)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete finding</source>
        <translation>删除检查发现</translation>
    </message>
    <message>
        <source>Delete the finding “{title}”?</source>
        <translation>删除检查发现“{title}”？</translation>
    </message>
</context>
<context>
    <name>GPS</name>
    <message>
        <source>{source}: a coordinate is not a number pair</source>
        <translation>{source}：某个坐标不是数值对</translation>
    </message>
    <message>
        <source>{source}: the point {lon}, {lat} is outside the globe</source>
        <translation>{source}：点 {lon}, {lat} 超出地球坐标范围</translation>
    </message>
    <message>
        <source>{source}: a boundary ring needs at least three corners</source>
        <translation>{source}：边界环至少需要三个顶点</translation>
    </message>
    <message>
        <source>{name}: not a readable KML file ({reason})</source>
        <translation>{name}：不是可读取的 KML 文件（{reason}）</translation>
    </message>
    <message>
        <source>{name} is larger than 20 MB</source>
        <translation>{name} 超过 20 MB</translation>
    </message>
    <message>
        <source>{name}: not valid GeoJSON ({reason})</source>
        <translation>{name}：不是有效的 GeoJSON（{reason}）</translation>
    </message>
    <message>
        <source>{name}: use a .geojson or .kml file</source>
        <translation>{name}：请使用 .geojson 或 .kml 文件</translation>
    </message>
    <message>
        <source>{name} holds no polygon</source>
        <translation>{name} 中没有多边形</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>a DOCTYPE declaration is not allowed in a GPX file</source>
        <translation>GPX 文件中不允许 DOCTYPE 声明</translation>
    </message>
    <message>
        <source>an entity declaration is not allowed in a GPX file</source>
        <translation>GPX 文件中不允许实体声明</translation>
    </message>
    <message>
        <source>external entities are not allowed in a GPX file</source>
        <translation>GPX 文件中不允许外部实体</translation>
    </message>
    <message>
        <source>not a GPX file: the document is &lt;{name}&gt;, not &lt;gpx&gt;</source>
        <translation>不是 GPX 文件：文档为 &lt;{name}&gt;，而非 &lt;gpx&gt;</translation>
    </message>
    <message>
        <source>a point has no {which} attribute</source>
        <translation>某个点缺少 {which} 属性</translation>
    </message>
    <message>
        <source>{which}={raw!r} is not a number</source>
        <translation>{which}={raw!r} 不是数字</translation>
    </message>
    <message>
        <source>{which}={raw!r} is outside -{limit:g}..{limit:g}</source>
        <translation>{which}={raw!r} 超出 -{limit:g}..{limit:g} 范围</translation>
    </message>
    <message>
        <source>&lt;{key}&gt;{raw}&lt;/{key}&gt; is not a number</source>
        <translation>&lt;{key}&gt;{raw}&lt;/{key}&gt; 不是数字</translation>
    </message>
    <message>
        <source>&lt;sat&gt;{raw}&lt;/sat&gt; is not a whole number</source>
        <translation>&lt;sat&gt;{raw}&lt;/sat&gt; 不是整数</translation>
    </message>
    <message>
        <source>&lt;fix&gt;{raw}&lt;/fix&gt; is not one of none, 2d, 3d, dgps, pps</source>
        <translation>&lt;fix&gt;{raw}&lt;/fix&gt; 不是 none、2d、3d、dgps、pps 之一</translation>
    </message>
    <message>
        <source>not well-formed XML: {reason}</source>
        <translation>XML 格式不正确：{reason}</translation>
    </message>
    <message>
        <source>the file is larger than {limit} MB</source>
        <translation>文件超过 {limit} MB</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>not an NMEA log: no NMEA sentence at the start of the file</source>
        <translation>不是 NMEA 日志：文件开头没有 NMEA 语句</translation>
    </message>
    <message>
        <source>not an NMEA log: the file contains no readable NMEA sentence</source>
        <translation>不是 NMEA 日志：文件中没有可读取的 NMEA 语句</translation>
    </message>
    <message>
        <source>no position fixes in the file: none of its {sentences} NMEA sentences gives a valid position ({unsupported} of types without a position, {bad} damaged; epochs without a fix: {invalid})</source>
        <translation>文件中没有定位数据：其 {sentences} 条 NMEA 语句均未给出有效位置（{unsupported} 条属于不含位置的类型，{bad} 条已损坏；无定位的历元：{invalid}）</translation>
    </message>
    <message>
        <source>more than {count} waypoints</source>
        <translation>航点超过 {count} 个</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 为空。</translation>
    </message>
    <message>
        <source>{name} is neither a GPX file nor an NMEA log.</source>
        <translation>{name} 既不是 GPX 文件，也不是 NMEA 日志。</translation>
    </message>
    <message>
        <source>{name} was not imported: {reason}</source>
        <translation>{name} 未导入：{reason}</translation>
    </message>
    <message>
        <source>The import of {name} was cancelled; nothing was stored.</source>
        <translation>{name} 的导入已取消，未保存任何数据。</translation>
    </message>
    <message>
        <source>{name} holds no tracks, routes or waypoints.</source>
        <translation>{name} 中没有轨迹、路线或航点。</translation>
    </message>
    <message>
        <source>No track with id {id}.</source>
        <translation>不存在 ID 为 {id} 的轨迹。</translation>
    </message>
    <message>
        <source>Cannot export to {suffix!r}: use one of {formats}.</source>
        <translation>无法导出为 {suffix!r}：请使用以下格式之一：{formats}。</translation>
    </message>
</context>
<context>
    <name>GalleryTab</name>
    <message>
        <source>I&amp;mport photos…</source>
        <translation>导入照片(&amp;M)…</translation>
    </message>
    <message>
        <source>Or drop photos and folders on this tab (Ctrl+I)</source>
        <translation>或将照片和文件夹拖放到此选项卡 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Import a f&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Every photo in a folder and its subfolders (Ctrl+Shift+I)</source>
        <translation>文件夹及其子文件夹中的所有照片 (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Camera c&amp;lock…</source>
        <translation>相机时钟(&amp;L)…</translation>
    </message>
    <message>
        <source>Correct a wrong camera clock, so that photos are placed on the track</source>
        <translation>校正不准的相机时钟，使照片正确放到轨迹上</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>No photos yet. Drop photos or folders here, or press Ctrl+I.</source>
        <translation>尚无照片。请将照片或文件夹拖放到此处，或按 Ctrl+I。</translation>
    </message>
    <message>
        <source>All photos</source>
        <translation>全部照片</translation>
    </message>
    <message>
        <source>Without position</source>
        <translation>无位置</translation>
    </message>
    <message>
        <source>Not linked to an item or finding</source>
        <translation>未关联检查项或检查发现</translation>
    </message>
    <message>
        <source>Item: {label}</source>
        <translation>检查项：{label}</translation>
    </message>
    <message>
        <source>Finding: {title}</source>
        <translation>检查发现：{title}</translation>
    </message>
    <message>
        <source>{count} photo(s), {located} with a position</source>
        <translation>{count} 张照片，其中 {located} 张有位置</translation>
    </message>
    <message>
        <source>Import photos</source>
        <translation>导入照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import every photo in a folder</source>
        <translation>导入文件夹中的所有照片</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Importing {count} files and folders…</source>
        <translation>正在导入 {count} 个文件和文件夹…</translation>
    </message>
    <message>
        <source>Photos not imported</source>
        <translation>照片未导入</translation>
    </message>
    <message>
        <source>Delete the photo “{name}” from this inspection?</source>
        <translation>从此检查中删除照片“{name}”？</translation>
    </message>
    <message>
        <source>Delete {count} photos from this inspection?</source>
        <translation>从此检查中删除 {count} 张照片？</translation>
    </message>
    <message>
        <source>Delete photos</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <source>The photos were re-timed and placed again.</source>
        <translation>已重新校正照片时间并重新定位。</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>What is inspected, e.g. Tailings dam monthly inspection</source>
        <translation>检查内容，例如：尾矿库月度检查</translation>
    </message>
    <message>
        <source>e.g. Clear, NW wind 20 km/h, dusty</source>
        <translation>例如：晴，西北风 20 km/h，扬尘</translation>
    </message>
    <message>
        <source>Notes for the whole inspection</source>
        <translation>整个检查的备注</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>矿区:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Inspector:</source>
        <translation>检查员(&amp;I):</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>检查表:</translation>
    </message>
    <message>
        <source>&amp;Planned:</source>
        <translation>计划时间(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Started:</source>
        <translation>开始时间(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Finished:</source>
        <translation>结束时间(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Weather:</source>
        <translation>天气(&amp;W):</translation>
    </message>
    <message>
        <source>Te&amp;mperature:</source>
        <translation>温度(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N):</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未指定）</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Photos imported: {imported}, duplicates: {duplicates}, rejected: {rejected}.</source>
        <translation>已导入照片：{imported}，重复：{duplicates}，已拒绝：{rejected}。</translation>
    </message>
    <message>
        <source>Photo import</source>
        <translation>照片导入</translation>
    </message>
    <message>
        <source>The import was cancelled: files after the last one listed were not imported.</source>
        <translation>导入已取消：列表中最后一个文件之后的文件均未导入。</translation>
    </message>
    <message>
        <source>File not imported</source>
        <translation>未导入的文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <source>Inspection</source>
        <extracomment>Column -&gt; sort key of :class:`InspectionQuery` (``None``: not sortable).</extracomment>
        <translation>检查</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>矿区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <source>Changed on this laptop; not yet synced</source>
        <translation>已在本机修改，尚未同步</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>InspectionView</name>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Return for correction…</source>
        <translation>退回修改…</translation>
    </message>
    <message>
        <source>&amp;Header</source>
        <translation>基本信息(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>检查表(&amp;C)</translation>
    </message>
    <message>
        <source>F&amp;indings</source>
        <translation>检查发现(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation>轨迹(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>照片(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>Select an inspection on the left, or press Ctrl+N to start a new one.</source>
        <translation>请在左侧选择一项检查，或按 Ctrl+N 新建检查。</translation>
    </message>
    <message>
        <source>(untitled inspection)</source>
        <translation>（无标题检查）</translation>
    </message>
    <message>
        <source>· not yet synced</source>
        <translation>· 尚未同步</translation>
    </message>
    <message>
        <source>· synced</source>
        <translation>· 已同步</translation>
    </message>
    <message>
        <source>Returned by {name} on {when}: {comment}</source>
        <translation>{name} 于 {when} 退回：{comment}</translation>
    </message>
    <message>
        <source>Read-only: approved.</source>
        <translation>只读：已批准。</translation>
    </message>
    <message>
        <source>Read-only until a supervisor returns it for correction.</source>
        <translation>只读：主管退回修改后方可编辑。</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>What must the inspector correct?</source>
        <translation>检查员需要修改哪些内容？</translation>
    </message>
</context>
<context>
    <name>Inspections</name>
    <message>
        <source>Unknown sort order {sort!r}.</source>
        <translation>未知的排序方式 {sort!r}。</translation>
    </message>
    <message>
        <source>No inspection with id {id}.</source>
        <translation>不存在 ID 为 {id} 的检查。</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 另有 {count} 项</translation>
    </message>
    <message>
        <source>The inspection cannot be submitted yet ({count} problems):</source>
        <translation>检查暂时无法提交（{count} 个问题）：</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finish time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>矿区</translation>
    </message>
    <message>
        <source>{field} must be text.</source>
        <translation>{field} 必须是文本。</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field} 超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{field} must be a date and time with a time zone.</source>
        <translation>{field} 必须是带时区的日期和时间。</translation>
    </message>
    <message>
        <source>The temperature must be a number.</source>
        <translation>温度必须是数字。</translation>
    </message>
    <message>
        <source>A temperature of {value} °C is outside -60 to 70 °C.</source>
        <translation>温度 {value} °C 超出 -60 至 70 °C 的范围。</translation>
    </message>
    <message>
        <source>{field} cannot be edited.</source>
        <translation>{field} 不可编辑。</translation>
    </message>
    <message>
        <source>Unknown {field}: {value}.</source>
        <translation>未知的 {field}：{value}。</translation>
    </message>
    <message>
        <source>The inspection cannot finish before it started.</source>
        <translation>检查的结束时间不能早于开始时间。</translation>
    </message>
    <message>
        <source>This inspection is {status}: it can only be edited while it is a draft or after a supervisor returned it.</source>
        <translation>此检查的状态为“{status}”：仅在草稿状态或被主管退回后才能编辑。</translation>
    </message>
    <message>
        <source>Unknown status {status!r}.</source>
        <extracomment>Status changes a person may make: from -&gt; allowed targets.</extracomment>
        <translation>未知的状态 {status!r}。</translation>
    </message>
    <message>
        <source>An inspection that is {old} cannot become {new}.</source>
        <translation>检查状态不能从“{old}”变为“{new}”。</translation>
    </message>
    <message>
        <source>Only a supervisor can approve or return an inspection.</source>
        <translation>只有主管才能批准或退回检查。</translation>
    </message>
    <message>
        <source>Say what must be corrected when returning an inspection.</source>
        <translation>退回检查时请说明需要修改的内容。</translation>
    </message>
    <message>
        <source>An approved inspection cannot be deleted.</source>
        <translation>已批准的检查不能删除。</translation>
    </message>
</context>
<context>
    <name>ItemWidget</name>
    <message>
        <source>Create finding…</source>
        <translation>创建检查发现…</translation>
    </message>
    <message>
        <source>Comment (Ctrl+Enter)</source>
        <translation>说明 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>输入数字</translation>
    </message>
    <message>
        <source>latitude, longitude</source>
        <translation>纬度, 经度</translation>
    </message>
    <message>
        <source>Name of the person signing</source>
        <translation>签名人姓名</translation>
    </message>
    <message>
        <source>N: now</source>
        <translation>N：现在</translation>
    </message>
    <message>
        <source>No photo attached yet</source>
        <translation>尚未附加照片</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) linked</source>
        <translation>
            <numerusform>已附加 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding recorded</source>
        <translation>检查发现已记录</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>{parameter} is in {unit}; the limit ({standard}) is in {limit_unit}: not compared</source>
        <translation>{parameter} 的单位为 {unit}，限值（{standard}）的单位为 {limit_unit}：未比较</translation>
    </message>
    <message>
        <source>{parameter} {value}{unit} exceeds {limit}{limit_unit} ({standard}) by {margin}%</source>
        <translation>{parameter} {value}{unit}，超过限值 {limit}{limit_unit}（{standard}）{margin}%</translation>
    </message>
    <message>
        <source>{parameter} {value}{unit} is below {limit}{limit_unit} ({standard}) by {margin}%</source>
        <translation>{parameter} {value}{unit}，低于限值 {limit}{limit_unit}（{standard}）{margin}%</translation>
    </message>
    <message>
        <source>Limit unverified: {parameter} {range} in {standard} has not been checked against the official text</source>
        <translation>限值未核实：{standard} 中的 {parameter} {range} 尚未与官方文本核对</translation>
    </message>
</context>
<context>
    <name>LiveGpsPanel</name>
    <message>
        <source>Live GPS</source>
        <translation>实时 GPS</translation>
    </message>
    <message>
        <source>Most handheld receivers send NMEA at 4800 or 9600 baud</source>
        <translation>大多数手持接收机以 4800 或 9600 波特率发送 NMEA</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Not logging.</source>
        <translation>未在记录。</translation>
    </message>
    <message>
        <source>Play back a recorded NMEA log…</source>
        <translation>回放已录制的 NMEA 日志…</translation>
    </message>
    <message>
        <source>Recorded NMEA log</source>
        <translation>已录制的 NMEA 日志</translation>
    </message>
    <message>
        <source>NMEA logs (*.nmea *.log *.txt);;All files (*)</source>
        <translation>NMEA 日志 (*.nmea *.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Live log {time}</source>
        <translation>实时记录 {time}</translation>
    </message>
    <message>
        <source>GPS receiver</source>
        <translation>GPS 接收机</translation>
    </message>
    <message>
        <source>Cannot open {port}: {reason}</source>
        <translation>无法打开 {port}：{reason}</translation>
    </message>
    <message>
        <source>Stopped: {count} points stored.</source>
        <translation>已停止：已保存 {count} 个点。</translation>
    </message>
    <message>
        <source>The receiver was disconnected; the track so far is saved.</source>
        <translation>接收机已断开；已记录的轨迹已保存。</translation>
    </message>
    <message>
        <source>waiting for the receiver…</source>
        <translation>等待接收机…</translation>
    </message>
    <message>
        <source>no fix</source>
        <translation>未定位</translation>
    </message>
    <message>
        <source>(lost {seconds} s ago)</source>
        <translation>（{seconds} 秒前丢失）</translation>
    </message>
    <message>
        <source>RTK fixed</source>
        <translation>RTK 固定解</translation>
    </message>
    <message>
        <source>RTK float</source>
        <translation>RTK 浮点解</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>{quality} fix · {sats} satellites · HDOP {hdop:.1f}{accuracy}</source>
        <translation>{quality} 定位 · {sats} 颗卫星 · HDOP {hdop:.1f}{accuracy}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>记录中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>{state}: {fix} · {stored} points stored in {segments} segment(s)</source>
        <translation>{state}：{fix} · 已保存 {stored} 个点，共 {segments} 段</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the registry</source>
        <translation>登录登记系统</translation>
    </message>
    <message>
        <source>The registry lists this name among your signed-in devices.</source>
        <translation>登记系统会在您已登录的设备中显示此名称。</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>登录问题</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Enter the registry&apos;s address, starting with https://</source>
        <translation>请输入登记系统的地址，以 https:// 开头</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>The registry did not accept this username and password.</source>
        <translation>登记系统不接受此用户名和密码。</translation>
    </message>
    <message>
        <source>The registry cannot be reached. Check the address and the connection.</source>
        <translation>无法连接登记系统。请检查地址和网络连接。</translation>
    </message>
    <message>
        <source>Could not sign in: {error}</source>
        <translation>无法登录：{error}</translation>
    </message>
</context>
<context>
    <name>MBTiles</name>
    <message>
        <source>{file}: the file does not exist.</source>
        <translation>{file}：文件不存在。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} is not an MBTiles file: it is not an SQLite database.</source>
        <translation>{file} 不是 MBTiles 文件：它不是 SQLite 数据库。</translation>
    </message>
    <message>
        <source>{file} is not an MBTiles file: it has no tiles table.</source>
        <translation>{file} 不是 MBTiles 文件：缺少 tiles 表。</translation>
    </message>
    <message>
        <source>{file} holds no map tiles.</source>
        <translation>{file} 中没有地图瓦片。</translation>
    </message>
    <message>
        <source>{file} holds no tiles that can be shown: they are not PNG, JPEG or WebP images.</source>
        <translation>{file} 中没有可显示的瓦片：瓦片不是 PNG、JPEG 或 WebP 图像。</translation>
    </message>
    <message>
        <source>{file} is damaged (database disk image is malformed); copy it again.</source>
        <translation>{file} 已损坏（database disk image is malformed）；请重新复制。</translation>
    </message>
    <message>
        <source>{file} is not an MBTiles file: its tiles table is not laid out as MBTiles.</source>
        <translation>{file} 不是 MBTiles 文件：其 tiles 表的结构不符合 MBTiles。</translation>
    </message>
    <message>
        <source>{file} cannot be read as MBTiles: {reason}</source>
        <translation>无法将 {file} 作为 MBTiles 读取：{reason}</translation>
    </message>
    <message>
        <source>{file} holds vector tiles: vector MBTiles cannot be shown; open a raster (PNG, JPEG or WebP) MBTiles.</source>
        <translation>{file} 包含矢量瓦片：无法显示矢量 MBTiles；请打开栅格（PNG、JPEG 或 WebP）MBTiles。</translation>
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
        <translation>矿区</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sites&lt;/b&gt;</source>
        <translation>&lt;b&gt;矿区&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Filter inspections (Ctrl+F)</source>
        <translation>筛选检查 (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查列表</translation>
    </message>
    <message>
        <source>Data: {path}</source>
        <translation>数据：{path}</translation>
    </message>
    <message>
        <source>&amp;New Inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <source>Start a new inspection at the selected site</source>
        <translation>在所选矿区新建检查</translation>
    </message>
    <message>
        <source>&amp;Delete Inspection…</source>
        <translation>删除检查(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Site &amp;Summary Report…</source>
        <translation>矿区汇总报告(&amp;S)…</translation>
    </message>
    <message>
        <source>Inspections, trends against limits and open corrective actions of a site, as a PDF</source>
        <translation>矿区的检查、对照限值的变化趋势及未关闭的纠正措施，生成 PDF</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Show &amp;Lists</source>
        <translation>显示列表(&amp;L)</translation>
    </message>
    <message>
        <source>Hide the site and inspection lists to give the inspection the whole window</source>
        <translation>隐藏矿区和检查列表，让检查占满整个窗口</translation>
    </message>
    <message>
        <source>&amp;About FieldKit</source>
        <translation>关于 FieldKit(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Saved the site summary to {path} ({pages} pages)</source>
        <translation>矿区汇总已保存到 {path}（共 {pages} 页）</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
    <message>
        <source>{count} inspections</source>
        <translation>{count} 项检查</translation>
    </message>
    <message>
        <source>1 inspection</source>
        <translation>1 项检查</translation>
    </message>
    <message>
        <source>{count} not yet synced</source>
        <translation>{count} 项尚未同步</translation>
    </message>
    <message>
        <source>All synced</source>
        <translation>已全部同步</translation>
    </message>
    <message>
        <source>No sites</source>
        <translation>没有矿区</translation>
    </message>
    <message>
        <source>There are no sites yet: sync with the registry first.</source>
        <translation>尚无矿区：请先与中央登记系统同步。</translation>
    </message>
    <message>
        <source>Delete inspection</source>
        <translation>删除检查</translation>
    </message>
    <message>
        <source>Delete “{title}” at {site}? You can undo this with Edit → Undo Delete.</source>
        <translation>删除 {site} 的“{title}”？可通过“编辑 → 撤销删除”恢复。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Inspection deleted.</source>
        <translation>检查已删除。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
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
        <translation>东经 {value}°</translation>
    </message>
    <message>
        <source>{value}°W</source>
        <translation>西经 {value}°</translation>
    </message>
    <message>
        <source>{value}°N</source>
        <translation>北纬 {value}°</translation>
    </message>
    <message>
        <source>{value}°S</source>
        <translation>南纬 {value}°</translation>
    </message>
    <message>
        <source>{n} km</source>
        <translation>{n} 公里</translation>
    </message>
    <message>
        <source>{n} m</source>
        <translation>{n} 米</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north arrow</comment>
        <translation>北</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
</context>
<context>
    <name>NewFindingDialog</name>
    <message>
        <source>New finding</source>
        <translation>新建检查发现</translation>
    </message>
    <message>
        <source>Record finding</source>
        <translation>记录检查发现</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <source>e.g. Effluent sampling at the plant outfall</source>
        <translation>例如：选厂排放口废水采样</translation>
    </message>
    <message>
        <source>(no checklist)</source>
        <translation>（无检查表）</translation>
    </message>
    <message>
        <source>I am on site: start the inspection now</source>
        <translation>我在现场：立即开始检查</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>矿区(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Checklist:</source>
        <translation>检查表(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Inspector:</source>
        <translation>检查员(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Planned:</source>
        <translation>计划时间(&amp;P):</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeEdit</name>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Set to the current time</source>
        <translation>设为当前时间</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>PhotoCanvas</name>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <source>No position</source>
        <translation>无位置</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一张</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <source>Place on &amp;map…</source>
        <translation>在地图上定位(&amp;M)…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <source>Taken at:</source>
        <translation>拍摄时间:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>相机:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置:</translation>
    </message>
    <message>
        <source>Bearing:</source>
        <translation>方位:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>What the photo shows (saved as you type)</source>
        <translation>照片内容（输入时自动保存）</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>说明(&amp;C):</translation>
    </message>
    <message>
        <source>Checklist &amp;item:</source>
        <translation>检查项(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Finding:</source>
        <translation>检查发现(&amp;F):</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number}/{count}</translation>
    </message>
    <message>
        <source>unknown (the photo has no time)</source>
        <translation>未知（照片没有时间信息）</translation>
    </message>
    <message>
        <source>The camera&apos;s clock showed {time}</source>
        <translation>相机时钟显示为 {time}</translation>
    </message>
    <message>
        <source>{width} × {height} pixels</source>
        <translation>{width} × {height} 像素</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>The photo cannot be shown in full ({reason}). The thumbnail is shown instead.</source>
        <translation>无法显示完整照片（{reason}），改为显示缩略图。</translation>
    </message>
    <message>
        <source>no position</source>
        <translation>无位置</translation>
    </message>
    <message>
        <source>from the photo&apos;s GPS</source>
        <translation>来自照片的 GPS</translation>
    </message>
    <message>
        <source>from the track</source>
        <translation>来自轨迹</translation>
    </message>
    <message>
        <source>placed by hand</source>
        <translation>手动定位</translation>
    </message>
    <message>
        <source>N NE E SE S SW W NW</source>
        <comment>eight compass points, space-separated</comment>
        <translation>北 东北 东 东南 南 西南 西 西北</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>the image declares too many pixels (a decompression bomb?)</source>
        <translation>图像声明的像素过多（可能是解压缩炸弹？）</translation>
    </message>
    <message>
        <source>not a JPEG, PNG or HEIC image</source>
        <translation>不是 JPEG、PNG 或 HEIC 图像</translation>
    </message>
    <message>
        <source>the image cannot be read: {reason}</source>
        <translation>无法读取图像：{reason}</translation>
    </message>
    <message>
        <source>the image has no pixels</source>
        <translation>图像没有像素</translation>
    </message>
    <message>
        <source>the image declares {width} × {height} pixels ({mp:.0f} MP); the limit is {limit} MP</source>
        <translation>图像声明为 {width} × {height} 像素（{mp:.0f} MP）；上限为 {limit} MP</translation>
    </message>
    <message>
        <source>the image file is truncated (incomplete copy?)</source>
        <translation>图像文件不完整（复制未完成？）</translation>
    </message>
    <message>
        <source>the image cannot be decoded: {reason}</source>
        <translation>无法解码图像：{reason}</translation>
    </message>
    <message>
        <source>the file is {size:.1f} MB; the limit is {limit} MB</source>
        <translation>文件大小为 {size:.1f} MB；上限为 {limit} MB</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>No photo with id {id}.</source>
        <translation>不存在 ID 为 {id} 的照片。</translation>
    </message>
    <message>
        <source>The original of {name} is missing from the photo store.</source>
        <translation>照片存储中缺少 {name} 的原始文件。</translation>
    </message>
    <message>
        <source>A caption is at most 2,000 characters.</source>
        <translation>说明最多 2,000 个字符。</translation>
    </message>
    <message>
        <source>No finding {id} in this photo&apos;s inspection.</source>
        <translation>此照片所属的检查中不存在检查发现 {id}。</translation>
    </message>
    <message>
        <source>The position is outside the globe.</source>
        <translation>位置超出地球坐标范围。</translation>
    </message>
    <message>
        <source>A clock offset of more than a year is not plausible.</source>
        <translation>超过一年的时钟偏差不合理。</translation>
    </message>
    <message>
        <source>Give the GPS time with its time zone.</source>
        <translation>请输入 GPS 时间及其时区。</translation>
    </message>
    <message>
        <source>This photo has no camera time to compare with.</source>
        <translation>此照片没有可供比较的相机时间。</translation>
    </message>
</context>
<context>
    <name>PlaceOnMapDialog</name>
    <message>
        <source>Place “{name}” on the map</source>
        <translation>在地图上定位“{name}”</translation>
    </message>
    <message>
        <source>Click where the photo was taken. Drag to move the map, turn the wheel to zoom, F to fit.</source>
        <translation>请点击照片的拍摄地点。拖动可移动地图，滚动滚轮可缩放，按 F 显示全图。</translation>
    </message>
    <message>
        <source>Position: {position}</source>
        <translation>位置：{position}</translation>
    </message>
    <message>
        <source>No position yet.</source>
        <translation>尚无位置。</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Inspection report</source>
        <translation>检查报告</translation>
    </message>
    <message>
        <source>Community summary</source>
        <translation>社区摘要</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>English and Urdu</source>
        <translation>英文和乌尔都文</translation>
    </message>
    <message>
        <source>English and Chinese</source>
        <translation>英文和中文</translation>
    </message>
    <message>
        <source>One language under the other</source>
        <translation>上下对照</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右对照</translation>
    </message>
    <message>
        <source>Print staff names</source>
        <translation>打印工作人员姓名</translation>
    </message>
    <message>
        <source>The community summary leaves out staff names unless this is ticked.</source>
        <translation>社区摘要默认不列出工作人员姓名，勾选此项后才会打印。</translation>
    </message>
    <message>
        <source>Re&amp;build</source>
        <translation>重新生成(&amp;B)</translation>
    </message>
    <message>
        <source>Build the report again from the current data</source>
        <translation>根据当前数据重新生成报告</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>保存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Pri&amp;nt…</source>
        <translation>打印(&amp;N)…</translation>
    </message>
    <message>
        <source>Save the report as a PDF file (Ctrl+Shift+S)</source>
        <translation>将报告保存为 PDF 文件 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Print the report (Ctrl+P)</source>
        <translation>打印报告 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>未能生成报告</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>The {role} font {file} in {folder} cannot be read ({reason}): {fix}</source>
        <translation>无法读取 {folder} 中的 {role} 字体 {file}（{reason}）：{fix}</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>拉丁文</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>乌尔都文</translation>
    </message>
    <message>
        <source>Urdu (Naskh)</source>
        <translation>乌尔都文（纳斯赫体）</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>reinstall FieldKit.</source>
        <translation>请重新安装 FieldKit。</translation>
    </message>
    <message>
        <source>point {env} at a folder with FieldKit&apos;s fonts, or unset it.</source>
        <translation>请将 {env} 指向包含 FieldKit 字体的文件夹，或取消设置该变量。</translation>
    </message>
    <message>
        <source>The {role} font {file} is missing from {folder}: {fix}</source>
        <translation>{folder} 中缺少 {role} 字体 {file}：{fix}</translation>
    </message>
</context>
<context>
    <name>SiteListModel</name>
    <message>
        <source>All sites ({count})</source>
        <translation>全部矿区（{count}）</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>运营方：{name}</translation>
    </message>
    <message>
        <source>Partners: {names}</source>
        <translation>合作方：{names}</translation>
    </message>
</context>
<context>
    <name>SiteReportDialog</name>
    <message>
        <source>Site summary report</source>
        <translation>矿区汇总报告</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>矿区(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始日期(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止日期(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>No report</source>
        <translation>未能生成报告</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>起始日期晚于截止日期。</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>正在生成报告…</translation>
    </message>
</context>
<context>
    <name>Sites</name>
    <message>
        <source>No site with code {code}.</source>
        <translation>不存在代码为 {code} 的矿区。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>FieldKit cannot start</source>
        <translation>FieldKit 无法启动</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <extracomment>Statuses in which the inspector may still edit the record.</extracomment>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>Cannot create the data folder {path}: {reason}</source>
        <translation>无法创建数据文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <source>The data folder {path} is not a folder.</source>
        <translation>数据文件夹 {path} 不是文件夹。</translation>
    </message>
    <message>
        <source>The data folder {path} is not writable: {reason}</source>
        <translation>数据文件夹 {path} 不可写入：{reason}</translation>
    </message>
    <message>
        <source>The database {path} is damaged or unreadable: {reason}</source>
        <translation>数据库 {path} 已损坏或无法读取：{reason}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a FieldKit database.</source>
        <translation>{path} 是文件夹，不是 FieldKit 数据库。</translation>
    </message>
    <message>
        <source>Cannot read the database {path}: {reason}</source>
        <translation>无法读取数据库 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a FieldKit database (not an SQLite file). It was left untouched: move it away or choose another data folder with --data-dir.</source>
        <translation>{path} 不是 FieldKit 数据库（不是 SQLite 文件），未作任何改动：请将其移走，或用 --data-dir 选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>The database {path} is not writable: {reason}</source>
        <translation>数据库 {path} 不可写入：{reason}</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer FieldKit (schema {rev}). Install the newer FieldKit to open it; it was left untouched.</source>
        <translation>数据库 {path} 由更新版本的 FieldKit 写入（架构版本 {rev}）。请安装新版 FieldKit 后再打开；该数据库未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a FieldKit store. It was left untouched: choose another data folder with --data-dir.</source>
        <translation>{path} 是 SQLite 数据库，但不是 FieldKit 数据存储，未作任何改动：请用 --data-dir 选择其他数据文件夹。</translation>
    </message>
</context>
<context>
    <name>SubmitProblemsDialog</name>
    <message>
        <source>Not ready to submit</source>
        <translation>尚不能提交</translation>
    </message>
    <message>
        <source>Fix these {count} items first (double-click or press Enter to go to one):</source>
        <translation>请先修正以下 {count} 项（双击或按 Enter 可跳转到该项）：</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>A password is needed for {user}: run in a terminal or set {env}.</source>
        <translation>{user} 需要密码：请在终端中运行，或设置 {env}。</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>Say who logs in: --user NAME.</source>
        <translation>请指定登录用户：--user 用户名。</translation>
    </message>
    <message>
        <source>fieldkit: warning: this laptop holds no login to sign the bundle with; the registry accepts it only if its operator vouches for you (fieldkit-registry bundle import --vouch).</source>
        <translation>fieldkit：警告：本机没有可用于签名数据包的登录；只有登记系统管理员为您担保时才会接受它（fieldkit-registry bundle import --vouch）。</translation>
    </message>
    <message>
        <source>{path} is not a usable FieldKit bundle: {reason}</source>
        <extracomment>Largest inflated/compressed ratio accepted for a member above RATIO_FLOOR bytes. JSON manifests compress 5-30x; photos barely at all; a bomb of zeros about 1000x. Deepest nesting of arrays/objects accepted in a manifest. A real one nests about 6 deep (manifest &gt; changes &gt; change &gt; data &gt; chunks &gt; chunk); json and pydantic recurse per level, so a manifest of 100,000 &quot;[&quot; would otherwise end in RecursionError rather than a message.</extracomment>
        <translation>{path} 不是可用的 FieldKit 数据包：{reason}</translation>
    </message>
    <message>
        <source>blob {sha} is missing</source>
        <translation>缺少文件 {sha}</translation>
    </message>
    <message>
        <source>blob {sha} is larger than declared</source>
        <translation>文件 {sha} 比声明的大</translation>
    </message>
    <message>
        <source>blob {sha} is damaged ({reason})</source>
        <translation>文件 {sha} 已损坏（{reason}）</translation>
    </message>
    <message>
        <source>blob {sha} does not match its hash</source>
        <translation>文件 {sha} 与其哈希值不符</translation>
    </message>
    <message>
        <source>member {name} inflates {ratio}x (a decompression bomb?)</source>
        <translation>成员 {name} 解压后膨胀 {ratio} 倍（可能是解压炸弹）</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>larger than {n} GB</source>
        <translation>大于 {n} GB</translation>
    </message>
    <message>
        <source>not a zip file ({reason})</source>
        <translation>不是 zip 文件（{reason}）</translation>
    </message>
    <message>
        <source>too many members ({n})</source>
        <translation>成员过多（{n}）</translation>
    </message>
    <message>
        <source>two manifests</source>
        <translation>有两个清单</translation>
    </message>
    <message>
        <source>the manifest is too large</source>
        <translation>清单过大</translation>
    </message>
    <message>
        <source>a blob appears twice</source>
        <translation>有文件出现了两次</translation>
    </message>
    <message>
        <source>a blob is too large</source>
        <translation>有文件过大</translation>
    </message>
    <message>
        <source>unexpected member {name!r}</source>
        <translation>意外的成员 {name!r}</translation>
    </message>
    <message>
        <source>encrypted members are not supported</source>
        <translation>不支持加密的成员</translation>
    </message>
    <message>
        <source>no manifest.json</source>
        <translation>缺少 manifest.json</translation>
    </message>
    <message>
        <source>the manifest is damaged ({reason})</source>
        <translation>清单已损坏（{reason}）</translation>
    </message>
    <message>
        <source>the manifest is nested {n} levels deep (at most {max})</source>
        <translation>清单嵌套了 {n} 层（最多 {max} 层）</translation>
    </message>
    <message>
        <source>the manifest is nested too deeply</source>
        <translation>清单嵌套过深</translation>
    </message>
    <message>
        <source>the manifest is invalid ({reason})</source>
        <translation>清单无效（{reason}）</translation>
    </message>
    <message>
        <source>the manifest and the blobs it carries disagree</source>
        <translation>清单与所含文件不一致</translation>
    </message>
    <message>
        <source>This laptop is logged in as {known}, so its bundle can only carry {known}&apos;s changes: log in as {user} first (fieldkit sync --user {user}) or leave out --user.</source>
        <extracomment>False: no stored token to sign with; the registry takes it only if its operator vouches (--vouch)</extracomment>
        <translation>本机以 {known} 身份登录，因此其数据包只能携带 {known} 的更改：请先以 {user} 身份登录（fieldkit sync --user {user}），或不使用 --user。</translation>
    </message>
    <message>
        <source>Say whose changes these are: --user NAME.</source>
        <translation>请指定这些修改属于谁：--user 用户名。</translation>
    </message>
    <message>
        <source>{path} is a bundle of changes, not a reply from the registry.</source>
        <translation>{path} 是修改数据包，不是登记系统的回复。</translation>
    </message>
    <message>
        <source>Sites, users and forms are published by the registry and never sent from a laptop: keeping yours keeps it on this laptop only. Ask the registry&apos;s administrator to make the change there.</source>
        <translation>矿区、用户和表单由登记系统发布，从不由本机发送：保留您的版本只会保留在本机上。请让登记系统管理员在那里进行修改。</translation>
    </message>
    <message>
        <source>Keep &apos;mine&apos; or &apos;theirs&apos;.</source>
        <translation>请选择保留 &apos;mine&apos;（我的）或 &apos;theirs&apos;（对方的）。</translation>
    </message>
    <message>
        <source>No open conflict {id}.</source>
        <translation>没有未解决的冲突 {id}。</translation>
    </message>
    <message>
        <source>No registry set: give its address (fieldkit sync --server URL).</source>
        <extracomment>Retry settings of the HTTP client (tests and the fault proxy shorten them). Records per pull page and changes per push batch (the protocol&apos;s maxima by default).</extracomment>
        <translation>尚未设置登记系统：请提供其地址（fieldkit sync --server URL）。</translation>
    </message>
    <message>
        <source>Not logged in to {server}: log in first.</source>
        <translation>尚未登录 {server}：请先登录。</translation>
    </message>
    <message>
        <source>Checking the login</source>
        <translation>正在检查登录</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <extracomment>JSON bodies smaller than this are sent as they are (gzip costs more than it saves).</extracomment>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>photo original {sha} is missing here</source>
        <translation>本机缺少照片原件 {sha}</translation>
    </message>
    <message>
        <source>Uploading photos</source>
        <translation>正在上传照片</translation>
    </message>
    <message>
        <source>photo original {sha} is damaged here and was not sent</source>
        <translation>本机上的照片原件 {sha} 已损坏，未发送</translation>
    </message>
    <message>
        <source>The registry did not complete the upload of {sha}.</source>
        <translation>登记系统未完成 {sha} 的上传。</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>正在发送修改</translation>
    </message>
    <message>
        <source>Changes sent</source>
        <translation>修改已发送</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>正在接收修改</translation>
    </message>
    <message>
        <source>Receiving photos</source>
        <translation>正在接收照片</translation>
    </message>
    <message>
        <source>photo {sha} arrived damaged; it will be fetched again</source>
        <translation>照片 {sha} 接收时已损坏，将重新获取</translation>
    </message>
    <message>
        <source>Photos received</source>
        <translation>照片已接收</translation>
    </message>
    <message>
        <source>The registry at {server} cannot be reached ({reason}). Nothing was lost; sync again later.</source>
        <translation>无法连接位于 {server} 的登记系统（{reason}）。数据没有丢失，请稍后再同步。</translation>
    </message>
    <message>
        <source>The registry did not accept the login ({reason}). Log in again.</source>
        <translation>登记系统不接受此次登录（{reason}）。请重新登录。</translation>
    </message>
    <message>
        <source>The registry refused the request: {message} ({status})</source>
        <translation>登记系统拒绝了请求：{message}（{status}）</translation>
    </message>
    <message>
        <source>The registry at {server} answered something that is not JSON.</source>
        <translation>位于 {server} 的登记系统返回的内容不是 JSON。</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <extracomment>Saved with every edit: said once in the header line, never shown as content. Not for reading (a track&apos;s packed points, a photo&apos;s content hash). Columns whose value is a number in a unit the column name implies.</extracomment>
        <translation>{month}{day}日</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{year}年{month}{day}日</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>{title}, version {version}</source>
        <translation>{title}，版本 {version}</translation>
    </message>
    <message>
        <source>untitled inspection</source>
        <translation>无标题检查</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Inspection &apos;{title}&apos; at {site}, {day}</source>
        <translation>检查“{title}”，{site}，{day}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>Answer to &apos;{item}&apos; in &apos;{inspection}&apos;</source>
        <translation>“{inspection}”中“{item}”的回答</translation>
    </message>
    <message>
        <source>Review of &apos;{inspection}&apos;</source>
        <translation>对“{inspection}”的审核</translation>
    </message>
    <message>
        <source>Grievance from {village}: {text}</source>
        <translation>来自{village}的申诉：{text}</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>deleted on the laptop</source>
        <translation>已在本机删除</translation>
    </message>
    <message>
        <source>deleted on the registry</source>
        <translation>已在登记系统删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>Changed here by {mine_by} at {mine_at} / on the registry by {theirs_by} at {theirs_at}</source>
        <translation>本机由 {mine_by} 于 {mine_at} 修改 / 登记系统由 {theirs_by} 于 {theirs_at} 修改</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>检查表条目</translation>
    </message>
    <message>
        <source>Track or route</source>
        <translation>轨迹或路线</translation>
    </message>
    <message>
        <source>Recorded with</source>
        <translation>记录方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>天气</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Camera clock correction</source>
        <translation>相机时钟校正</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Follows up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>段数</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Track points</source>
        <translation>轨迹点</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Elevation</source>
        <translation>海拔</translation>
    </message>
    <message>
        <source>Altitude</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Bearing</source>
        <translation>方位</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Width (pixels)</source>
        <translation>宽度（像素）</translation>
    </message>
    <message>
        <source>Height (pixels)</source>
        <translation>高度（像素）</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>Position from</source>
        <translation>位置来源</translation>
    </message>
    <message>
        <source>Camera make</source>
        <translation>相机品牌</translation>
    </message>
    <message>
        <source>Camera model</source>
        <translation>相机型号</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Camera clock reading</source>
        <translation>相机时钟读数</translation>
    </message>
    <message>
        <source>Camera time zone</source>
        <translation>相机时区</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Comments on items</source>
        <translation>条目评论</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村庄</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>申诉人</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Waypoint</source>
        <translation>航点</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Grievance</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Limit set</source>
        <translation>限值集</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Required items are not answered: {items}.</source>
        <translation>必填条目未回答：{items}。</translation>
    </message>
    <message>
        <source>Answers the form does not accept: {items}.</source>
        <translation>表单不接受的回答：{items}。</translation>
    </message>
    <message>
        <source>The registry does not let you change this record (not your inspection, or not your site).</source>
        <translation>登记系统不允许您更改此记录（不是您的检查，或不是您的场地）。</translation>
    </message>
    <message>
        <source>Required items are not answered.</source>
        <translation>必填条目未回答。</translation>
    </message>
    <message>
        <source>Your role cannot give the inspection this status (for example, only a supervisor approves).</source>
        <translation>您的角色不能将检查设为此状态（例如，只有主管可以批准）。</translation>
    </message>
    <message>
        <source>The registry does not have this inspection&apos;s form version; ask its administrator to publish it.</source>
        <translation>登记系统没有此检查所用的表单版本；请其管理员发布该版本。</translation>
    </message>
    <message>
        <source>The registry does not have the inspection this belongs to; send the inspection first.</source>
        <translation>登记系统没有此记录所属的检查；请先发送该检查。</translation>
    </message>
    <message>
        <source>The registry found this record invalid: {detail}</source>
        <translation>登记系统认为此记录无效：{detail}</translation>
    </message>
    <message>
        <source>This record is too large for the registry.</source>
        <translation>此记录对登记系统来说过大。</translation>
    </message>
    <message>
        <source>Waiting for the photo&apos;s original to upload; the next sync sends it again.</source>
        <translation>正在等待照片原件上传；下次同步会再次发送。</translation>
    </message>
    <message>
        <source>The registry does not know this kind of record; update FieldKit.</source>
        <translation>登记系统不认识此类记录；请更新 FieldKit。</translation>
    </message>
    <message>
        <source>Refused by the registry ({code}).</source>
        <translation>被登记系统拒绝（{code}）。</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Send your changes to the registry and receive others&apos;</source>
        <translation>将您的修改发送到登记系统，并接收他人的修改</translation>
    </message>
    <message>
        <source>Sign &amp;in to Registry…</source>
        <translation>登录登记系统(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Sync &amp;Automatically</source>
        <translation>自动同步(&amp;A)</translation>
    </message>
    <message>
        <source>Sync a few seconds after each change, and every few minutes when the registry is reachable</source>
        <translation>每次修改后几秒钟自动同步；能连接登记系统时每隔几分钟同步一次</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts… ({count})</source>
        <translation>冲突(&amp;C)…（{count}）</translation>
    </message>
    <message>
        <source>{count} changes waiting to be sent</source>
        <translation>{count} 项修改等待发送</translation>
    </message>
    <message>
        <source>Sync with the registry</source>
        <translation>与登记系统同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>已登录为 {name}。</translation>
    </message>
    <message>
        <source>Signed out. Your data stays on this laptop; sign in again to sync.</source>
        <translation>已退出登录。您的数据仍保存在本机；重新登录即可同步。</translation>
    </message>
    <message>
        <source>Sign in to the registry to sync.</source>
        <translation>请登录登记系统以进行同步。</translation>
    </message>
    <message>
        <source>Sync finished: {sent} sent, {received} received.</source>
        <translation>同步完成：已发送 {sent} 项，已接收 {received} 项。</translation>
    </message>
    <message>
        <source>{count} conflicts to resolve (Edit → Conflicts…).</source>
        <translation>有 {count} 个冲突待处理（编辑 → 冲突…）。</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Signing in</source>
        <translation>正在登录</translation>
    </message>
    <message>
        <source>Uploading photos</source>
        <translation>正在上传照片</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>正在发送修改</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>正在接收修改</translation>
    </message>
    <message>
        <source>Downloading photos</source>
        <translation>正在下载照片</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>即将完成</translation>
    </message>
    <message>
        <source>{done}/{total} records</source>
        <translation>{done}/{total} 条记录</translation>
    </message>
    <message>
        <source>{done} records</source>
        <translation>{done} 条记录</translation>
    </message>
    <message>
        <source>{done}/{total} MB</source>
        <translation>{done}/{total} MB</translation>
    </message>
    <message>
        <source>Sync: {phase}…</source>
        <translation>同步：{phase}…</translation>
    </message>
    <message>
        <source>Sync: {progress}</source>
        <translation>同步：{progress}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Last sync: {time}</source>
        <translation>上次同步：{time}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync cancelled.</source>
        <extracomment>Automatic sync also runs when the last one is older than this, to bring in others&apos; changes.</extracomment>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>Sync failed: {error}</source>
        <translation>同步失败：{error}</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>{count} refused</source>
        <translation>{count} 项被拒绝</translation>
    </message>
    <message>
        <source>Changes the registry refused; they are sent again after you edit them.</source>
        <translation>登记系统拒绝的修改；编辑后会重新发送。</translation>
    </message>
    <message>
        <source>Sync: starting…</source>
        <translation>同步：正在开始…</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TrackTab</name>
    <message>
        <source>&amp;Import GPX/NMEA…</source>
        <translation>导入 GPX/NMEA(&amp;I)…</translation>
    </message>
    <message>
        <source>Or drop GPX files and NMEA logs on this tab (Ctrl+I)</source>
        <translation>或将 GPX 文件和 NMEA 日志拖放到此选项卡 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Basemap…</source>
        <translation>底图…</translation>
    </message>
    <message>
        <source>Open an MBTiles file (raster tiles) to show under the tracks</source>
        <translation>打开 MBTiles 文件（栅格瓦片）作为轨迹的底图</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全图</translation>
    </message>
    <message>
        <source>Show all tracks (F)</source>
        <translation>显示全部轨迹 (F)</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>段数</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>移动时长</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>矿区内</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>轨迹列表</translation>
    </message>
    <message>
        <source>(unnamed route)</source>
        <translation>（未命名路线）</translation>
    </message>
    <message>
        <source>(unnamed track)</source>
        <translation>（未命名轨迹）</translation>
    </message>
    <message>
        <source>Elevation gain {gain:.0f} m, loss {loss:.0f} m</source>
        <translation>累计爬升 {gain:.0f} 米，累计下降 {loss:.0f} 米</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>Time inside the site boundary: {time}</source>
        <translation>矿区边界内时长：{time}</translation>
    </message>
    <message>
        <source>Import GPS tracks</source>
        <translation>导入 GPS 轨迹</translation>
    </message>
    <message>
        <source>GPS files (*.gpx *.nmea *.log *.txt);;All files (*)</source>
        <translation>GPS 文件 (*.gpx *.nmea *.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported {name}: {tracks} track(s), {points} points, {waypoints} waypoint(s)</source>
        <translation>已导入 {name}：{tracks} 条轨迹，{points} 个点，{waypoints} 个航点</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Export track</source>
        <translation>导出轨迹</translation>
    </message>
    <message>
        <source>GPX (*.gpx);;GeoJSON (*.geojson);;KML (*.kml);;CSV (*.csv)</source>
        <translation>GPX (*.gpx);;GeoJSON (*.geojson);;KML (*.kml);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>Delete track</source>
        <translation>删除轨迹</translation>
    </message>
    <message>
        <source>Delete the track “{name}” ({points} points)?</source>
        <translation>删除轨迹“{name}”（{points} 个点）？</translation>
    </message>
    <message>
        <source>Open a basemap</source>
        <translation>打开底图</translation>
    </message>
    <message>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles (*.mbtiles);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Basemap not opened</source>
        <translation>底图未打开</translation>
    </message>
</context>
</TS>
