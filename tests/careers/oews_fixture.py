"""Small OEWS files in the BLS column layout, written by the tests: CSV, gzip and xlsx-in-zip."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

HEADER = [
    "AREA",
    "AREA_TITLE",
    "AREA_TYPE",
    "PRIM_STATE",
    "NAICS",
    "NAICS_TITLE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "H_MEDIAN",
    "A_MEDIAN",
    "A_PCT10",
    "A_PCT25",
    "A_PCT75",
    "A_PCT90",
]

ROWS = [
    [
        "0000000",
        "National",
        "1",
        "US",
        "000000",
        "Cross-industry",
        "00-0000",
        "All Occupations",
        "total",
        "150000000",
        "24.00",
        "50000",
        "30000",
        "38000",
        "70000",
        "100000",
    ],
    [
        "0000000",
        "National",
        "1",
        "US",
        "000000",
        "Cross-industry",
        "27-9001",
        "Widget Designers",
        "detailed",
        "12,340",
        "30.00",
        "62400",
        "40000",
        "50000",
        "80000",
        "#",
    ],
    [
        "0000000",
        "National",
        "1",
        "US",
        "000000",
        "Cross-industry",
        "27-9000",
        "Design Group",
        "broad",
        "50000",
        "28.00",
        "58000",
        "36000",
        "45000",
        "75000",
        "98000",
    ],
    [
        "0000000",
        "National",
        "1",
        "US",
        "000000",
        "Cross-industry",
        "15-9001",
        "Puzzle Programmers",
        "detailed",
        "**",
        "*",
        "*",
        "*",
        "*",
        "*",
        "*",
    ],
    [
        "0600000",
        "California",
        "2",
        "06",
        "000000",
        "Cross-industry",
        "00-0000",
        "All Occupations",
        "total",
        "18000000",
        "28.00",
        "58000",
        "34000",
        "42000",
        "82000",
        "120000",
    ],
    [
        "0600000",
        "California",
        "2",
        "06",
        "000000",
        "Cross-industry",
        "27-9001",
        "Widget Designers",
        "detailed",
        "2100",
        "35.00",
        "72800",
        "45000",
        "56000",
        "95000",
        "130000",
    ],
    [
        "0600000",
        "California",
        "2",
        "06",
        "511200",
        "Software Publishers",
        "27-9001",
        "Widget Designers",
        "detailed",
        "100",
        "40.00",
        "83200",
        "50000",
        "60000",
        "99000",
        "140000",
    ],
]


def csv_text(rows=ROWS) -> str:
    lines = [",".join(HEADER)]
    for row in rows:
        lines.append(",".join(f'"{v}"' if "," in v else v for v in row))
    return "\n".join(lines) + "\n"


def write_csv(path: Path, rows=ROWS, compress: bool = False) -> Path:
    data = csv_text(rows).encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def write_bls_zip(path: Path) -> Path:
    """Like oesm25nat.zip: a folder holding the data workbook and a field description."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append([h.lower() for h in HEADER])
    for row in ROWS:
        sheet.append([int(v) if v.isdigit() and i >= 9 else v for i, v in enumerate(row)])
    data = io.BytesIO()
    workbook.save(data)
    notes = Workbook()
    notes.active.append(["Field", "Field description"])
    notes_data = io.BytesIO()
    notes.save(notes_data)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("oesm25nat/national_M2025_dl.xlsx", data.getvalue())
        archive.writestr("oesm25nat/field_descriptions.xlsx", notes_data.getvalue())
    return path
