"""`infointerview init` asks the user's name at a terminal, and never anywhere else."""

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = str(Path(sys.executable).parent / "infointerview")
NOWHERE = "http://127.0.0.1:9/nothing.zip"  # set-up may offer downloads: refused at once

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="each run makes its own SQLite data folder"
)


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOINTERVIEW_")}
    env.pop("DATABASE_URL", None)
    env["INFOINTERVIEW_HOME"] = str(home)
    env["INFOINTERVIEW_ONET_URL"] = env["INFOINTERVIEW_WAGES_URL"] = NOWHERE
    return env


def full_name(home: Path) -> str:
    target = home.parent / "export.json"
    subprocess.run([SCRIPT, "export", str(target)], env=environment(home), check=True, timeout=60)
    return json.loads(target.read_text())["profile"]["full_name"]


def at_a_terminal(home: Path, name_answer: str) -> str:
    """Run `init` with a terminal for input and output, answering its questions:
    the name with `name_answer`, any offer to download with no."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [SCRIPT, "init"], env=environment(home), stdin=follower, stdout=follower, stderr=follower
    )
    os.close(follower)
    screen, answered = "", 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the command ended and closed the terminal
                break
            screen += chunk.decode(errors="replace")
        questions = screen.count("(Enter to skip)") + screen.count("[y/N]")
        if questions > answered:
            answer = name_answer if screen.rstrip().endswith("(Enter to skip):") else "n"
            os.write(leader, f"{answer}\n".encode())
            answered += 1
        if not ready and process.poll() is not None:
            break
    assert process.wait(timeout=10) == 0, screen
    os.close(leader)
    return re.sub(r"\x1b\[[0-9;]*m", "", screen)  # without the terminal's colours


def test_at_a_terminal_init_asks_the_name_and_keeps_it(tmp_path):
    home = tmp_path / "home"
    screen = at_a_terminal(home, "  Jordan   Reyes ")
    assert "Your name, as letters and e-mails should give it" in screen
    assert "Drafts will introduce you as Jordan Reyes" in screen
    assert full_name(home) == "Jordan Reyes"


def test_enter_skips_the_question(tmp_path):
    home = tmp_path / "home"
    at_a_terminal(home, "")
    assert full_name(home) == ""


def test_without_a_terminal_init_asks_nothing(tmp_path):
    home = tmp_path / "home"
    done = subprocess.run(
        [SCRIPT, "init"], env=environment(home), input=b"", capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert b"Your name" not in done.stdout
    assert full_name(home) == ""


def test_a_name_given_on_the_command_line_is_not_asked_again(tmp_path):
    home = tmp_path / "home"
    leader, follower = pty.openpty()
    done = subprocess.run(
        [SCRIPT, "init", "--full-name", "Jordan Reyes"],
        env=environment(home),
        stdin=follower,
        capture_output=True,
        timeout=60,
    )
    os.close(follower), os.close(leader)
    assert done.returncode == 0 and b"Your name" not in done.stdout
    assert full_name(home) == "Jordan Reyes"
