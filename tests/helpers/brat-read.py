"""Reads a brat folder with brat's own parser (server/src/annotation.py) and prints, as JSON, per
document the T lines it found with their spans and whether their text is the document's text at
those spans. Usage: python3 brat-read.py BRAT_SERVER_SRC FOLDER. brat opens files in Python 2's
'rU' mode, which Python 3.11 no longer has: its open_textfile is replaced by the same codecs.open
without 'U' (codecs readers split lines as brat's always have, NEL and U+2028 included)."""
import codecs
import json
import os
import sys

sys.path.insert(0, sys.argv[1])
import annotation  # noqa: E402

annotation.open_textfile = lambda filename, mode='r': codecs.open(filename, mode.replace('U', ''), encoding='utf8', errors='strict')

result = {}
folder = sys.argv[2]
for name in sorted(os.listdir(folder)):
    if not name.endswith('.ann'):
        continue
    doc = annotation.TextAnnotations(os.path.join(folder, name[:-4]))
    text = doc.get_document_text()
    result[name[:-4]] = [
        {'id': t.id, 'spans': [list(s) for s in t.spans], 'text': t.text, 'matches': ' '.join(text[s:e] for s, e in t.spans) == t.text}
        for t in doc.get_textbounds()
    ]
print(json.dumps(result))
