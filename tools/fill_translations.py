"""Fill unfinished messages of a .ts catalogue from a JSON table {context: {source: translation}}.

For batches of new strings translated outside Qt Linguist:

    python tools/fill_translations.py resources/translations/fieldkit_ur.ts ur.json

then `make translations` to compile. Only messages still marked unfinished are touched.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(ts_path: str, table_path: str) -> int:
    table = json.loads(Path(table_path).read_text(encoding="utf-8"))
    tree = ET.parse(ts_path)  # our own catalogue, not outside input
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if translation is None or translation.get("type") != "unfinished":
                continue
            if source in table.get(name, {}):
                translation.text = table[name][source]
                del translation.attrib["type"]
                filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} messages in {ts_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
