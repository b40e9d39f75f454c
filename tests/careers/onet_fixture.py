"""Small O*NET releases in the official text layout, written by the tests themselves.

Release 28.0 has three occupations; 29.0 retires 27-9001.00, renames 27-9002.00,
adds 27-9003.00 and a column to Technology Skills, and uses CRLF line endings.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OCCUPATIONS_28 = [
    ("27-9001.00", "Widget Designers", "Design widgets for household and office use."),
    ("27-9002.00", "Sign Painters", "Paint signs and lettering on walls, vehicles and windows."),
    ("15-9001.00", "Puzzle Programmers", "Write software that generates and checks puzzles."),
]
OCCUPATIONS_29 = [
    ("27-9002.00", "Sign and Mural Artists", "Paint signs, murals and lettering on surfaces."),
    ("15-9001.00", "Puzzle Programmers", "Write software that generates and checks puzzles."),
    ("27-9003.00", "Kite Makers", "Build kites from fabric, paper and light frames."),
]


def _table(header: list[str], rows: list[tuple]) -> str:
    return "\n".join(["\t".join(header), *("\t".join(str(v) for v in row) for row in rows)]) + "\n"


def release_files(version: str) -> dict[str, str]:
    occupations = OCCUPATIONS_28 if version == "28.0" else OCCUPATIONS_29
    codes = [code for code, _, _ in occupations]
    files = {
        "Read Me.txt": f"O*NET {version} Database\nTest Release\n",
        "Occupation Data.txt": _table(["O*NET-SOC Code", "Title", "Description"], occupations),
        "Alternate Titles.txt": _table(
            ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
            [(c, f"{t[:-1]} Specialist", "n/a", "08") for c, t, _ in occupations]
            + [("27-9002.00", "Muralist", "n/a", "08")],
        ),
        "Sample of Reported Titles.txt": _table(
            ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
            [(c, f"Senior {t[:-1]}", "Y") for c, t, _ in occupations],
        ),
        "Task Statements.txt": _table(
            [
                "O*NET-SOC Code",
                "Task ID",
                "Task",
                "Task Type",
                "Incumbents Responding",
                "Date",
                "Domain Source",
            ],
            [
                (c, 100 + i, f"Main task of {t.lower()}.", "Core", 20, "08/2025", "Incumbent")
                for i, (c, t, _) in enumerate(occupations)
            ]
            + [(codes[0], 200, "Occasional side task.", "Supplemental", 20, "08/2025", "Analyst")],
        ),
        "Task Ratings.txt": _table(
            ["O*NET-SOC Code", "Task ID", "Scale ID", "Category", "Data Value"],
            [(c, 100 + i, "IM", "n/a", 4.5) for i, c in enumerate(codes)]
            + [(codes[0], 200, "IM", "n/a", 2.1)],
        ),
        "Job Zones.txt": _table(
            ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
            [(c, 3 if i else 4, "08/2025", "Analyst") for i, c in enumerate(codes)],
        ),
        "Job Zone Reference.txt": _table(
            [
                "Job Zone",
                "Name",
                "Experience",
                "Education",
                "Job Training",
                "Examples",
                "SVP Range",
            ],
            [
                (
                    z,
                    f"Job Zone {z}",
                    f"Experience {z}",
                    f"Education {z}",
                    f"Training {z}",
                    "x",
                    "(4.0 to < 6.0)",
                )
                for z in range(1, 6)
            ],
        ),
        "Interests.txt": _table(
            [
                "O*NET-SOC Code",
                "Element ID",
                "Element Name",
                "Scale ID",
                "Data Value",
                "Date",
                "Domain Source",
            ],
            [(c, "1.B.1.c", "Artistic", "OI", 6.5, "08/2025", "Analyst") for c in codes]
            + [(c, "1.B.1.a", "Realistic", "OI", 3.0, "08/2025", "Analyst") for c in codes]
            + [
                (c, "1.B.1.g", "First Interest High-Point", "IH", 3.0, "08/2025", "Analyst")
                for c in codes
            ],
        ),
        "Work Values.txt": _table(
            [
                "O*NET-SOC Code",
                "Element ID",
                "Element Name",
                "Scale ID",
                "Data Value",
                "Date",
                "Domain Source",
            ],
            [(c, "1.B.2.a", "Achievement", "EX", 5.5, "08/2025", "Analyst") for c in codes],
        ),
        "Related Occupations.txt": _table(
            ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
            [(codes[0], codes[1], "Primary-Short", 1), (codes[1], codes[0], "Primary-Short", 1)],
        ),
        "Education, Training, and Experience.txt": _table(
            [
                "O*NET-SOC Code",
                "Element ID",
                "Element Name",
                "Scale ID",
                "Category",
                "Data Value",
                "N",
                "Standard Error",
                "Lower CI Bound",
                "Upper CI Bound",
                "Recommend Suppress",
                "Date",
                "Domain Source",
            ],
            [
                (
                    c,
                    "2.D.1",
                    "Required Level of Education",
                    "RL",
                    cat,
                    val,
                    20,
                    "n/a",
                    "n/a",
                    "n/a",
                    "N",
                    "08/2025",
                    "Incumbent",
                )
                for c in codes
                for cat, val in ((3, 40.0), (6, 60.0))
            ]
            + [
                (
                    codes[0],
                    "2.D.4.a",
                    "Job-Related Professional Certification",
                    "IM",
                    "n/a",
                    2.7,
                    20,
                    "n/a",
                    "n/a",
                    "n/a",
                    "n/a",
                    "08/2025",
                    "Incumbent",
                )
            ],
        ),
        "Education, Training, and Experience Categories.txt": _table(
            ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"],
            [
                ("2.D.1", "Required Level of Education", "RL", 3, "Post-Secondary Certificate"),
                ("2.D.1", "Required Level of Education", "RL", 6, "Bachelor's Degree"),
            ],
        ),
        "Skills.txt": _table(
            ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"],
            [(c, "2.A.1.a", "Reading Comprehension", "IM", 3.9) for c in codes]
            + [(c, "2.A.1.a", "Reading Comprehension", "LV", 4.1) for c in codes],
        ),
    }
    files["Work Context.txt"] = _table(
        ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value"],
        [(c, "4.C.2.a.1.a", "Spend Time Sitting", "CX", "n/a", 4.2) for c in codes]
        + [(c, "4.C.2.a.1.a", "Spend Time Sitting", "CXP", 5, 48.0) for c in codes],
    )
    technology_header = [
        "O*NET-SOC Code",
        "Example",
        "Commodity Code",
        "Commodity Title",
        "Hot Technology",
    ]
    technology = [(c, "Adobe Illustrator", 43232102, "Graphics software", "Y") for c in codes]
    if version != "28.0":
        technology_header.append("In Demand")
        technology = [(*row, "Y") for row in technology]
        files = {name: text.replace("\n", "\r\n") for name, text in files.items()}
    files["Technology Skills.txt"] = _table(technology_header, technology)
    return files


def write_release(folder: Path, version: str, leave_out: tuple[str, ...] = ()) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in release_files(version).items():
        if name not in leave_out:
            (folder / name).write_bytes(text.encode("utf-8"))
    return folder


def zip_release(path: Path, version: str, inner: str | None = None) -> Path:
    """The official zip holds the files inside one folder, e.g. db_29_0_text/."""
    inner = inner or f"db_{version.replace('.', '_')}_text"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in release_files(version).items():
            archive.writestr(f"{inner}/{name}", text)
    return path
