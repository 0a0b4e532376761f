"""
Runs QualCoder's own REFI-QDA project importer (refi.py, RefiImport.import_project) on a .qdpx,
headless, into a new QualCoder project database made with QualCoder's own CREATE TABLE
statements, and prints what it loaded as JSON: sources, codes, codings (with the text QualCoder
sliced at each selection's offsets), annotations and journals.

QualCoder is not part of this repository: pass the `src` folder of a QualCoder checkout. It needs
PyQt6 (Debian: python3-pyqt6); nothing else of QualCoder's requirements is used by this path.

    python3 tests/helpers/qualcoder-import.py QUALCODER/src FILE.qdpx
"""
import ast
import contextlib
import json
import os
import sqlite3
import sys
import tempfile
import types
from pathlib import Path

src, qdpx = Path(sys.argv[1]), os.path.abspath(sys.argv[2])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(src))

from PyQt6 import QtWidgets  # noqa: E402

qt = QtWidgets.QApplication([])
import qualcoder  # noqa: E402,F401  (installs gettext's _ as QualCoder's modules expect)

# qualcoder.helpers imports PDF, image and media players; refi.py uses only its message box.
helpers = types.ModuleType("qualcoder.helpers")


class Message:
    shown: list = []

    def __init__(self, app, title, text, icon=None):
        Message.shown.append(f"{title}: {text}")

    def exec(self):
        return 0


helpers.Message = Message
sys.modules["qualcoder.helpers"] = helpers
# QualCoder prints what it could not load (a media player, …) on stdout, which carries the JSON here.
with contextlib.redirect_stdout(sys.stderr):
    from qualcoder import refi  # noqa: E402


def project_tables() -> list:
    """QualCoder's own CREATE TABLE statements for a new project, read from its __main__.py."""
    tree = ast.parse((src / "qualcoder" / "__main__.py").read_text(encoding="utf8"))
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        statements = [
            node.args[0].value
            for node in ast.walk(function)
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "execute" and node.args
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            and node.args[0].value.startswith("CREATE TABLE")
        ]
        if any(s.startswith("CREATE TABLE project ") for s in statements):
            return statements
    raise SystemExit("QualCoder's project tables were not found in its __main__.py")


folder = tempfile.mkdtemp(prefix="qualcoder-")
# The folders QualCoder makes with a new project (it copies text sources into documents/).
for media in ("images", "audio", "video", "documents"):
    os.mkdir(os.path.join(folder, media))
conn = sqlite3.connect(os.path.join(folder, "data.qda"))
for statement in project_tables():
    conn.execute(statement)
conn.execute("INSERT INTO project (databaseversion, date, memo, codername) VALUES ('v1', '', '', 'default')")
conn.commit()


class App:
    """The attributes of QualCoder's App that the importer reads."""

    def __init__(self):
        self.conn = conn
        self.project_path = folder
        self.project_name = "imported"
        self.settings = {"directory": folder, "codername": "default", "ai_enable": "False"}
        self.ai_models = []
        self.project_events = None
        self.version = "gainsay-check"

    def write_config_ini(self, settings, ai_models):
        pass


class Log:
    lines: list = []

    def append(self, line):
        Log.lines.append(line)


QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *args, **kwargs: (qdpx, "(*.qdpx *.QDPX)"))
with contextlib.redirect_stdout(sys.stderr):
    refi.RefiImport(App(), Log(), "qdpx")

rows = lambda sql: [dict(zip([c[0] for c in cur.description], r)) for cur in [conn.execute(sql)] for r in cur.fetchall()]  # noqa: E731
print(json.dumps({
    "sources": rows("SELECT id, name, length(fulltext) AS length, memo FROM source ORDER BY name"),
    "categories": rows("SELECT catid, name, supercatid FROM code_cat ORDER BY name"),
    "codes": rows("SELECT cid, name, catid, memo FROM code_name ORDER BY name"),
    "codings": rows("SELECT c.name AS code, s.name AS source, t.pos0, t.pos1, t.seltext, t.memo FROM code_text t "
                    "JOIN code_name c ON c.cid = t.cid JOIN source s ON s.id = t.fid ORDER BY s.name, t.pos0, c.name"),
    "annotations": rows("SELECT s.name AS source, a.pos0, a.pos1, a.memo FROM annotation a JOIN source s ON s.id = a.fid"),
    "journals": rows("SELECT name, jentry FROM journal ORDER BY name"),
    "messages": Message.shown,
    "log": Log.lines,
}, ensure_ascii=False, indent=1))
