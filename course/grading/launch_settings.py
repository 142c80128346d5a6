"""Where learners launch the notebooks: the deployer's one setting, ``deploy/launch.toml``.

Three values: the course's public git ``repository``, the ``learner_branch`` that
``course learner-branch`` publishes the released notebooks on, and the room's JupyterHub
(``hub``). The book's launch buttons, the install cell of released notebooks (for Colab and
other hosted services) and the tag that pins it all come from here; ``$COURSE_LAUNCH_SETTINGS``
names another file (a test's, or a second deployment's).

>>> settings = LaunchSettings(repository="https://github.com/lumeria/course.git/")
>>> settings.repository, settings.on_github, settings.github_parts
('https://github.com/lumeria/course', True, ('lumeria', 'course'))
>>> LaunchSettings().configured
False
>>> release_tag("0123456789abcdef")
'learner-0123456789ab'
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from ..paths import ROOT

__all__ = ["LaunchSettings", "SETTINGS_FILE", "read_settings", "release_tag", "release_ref"]

SETTINGS_FILE = ROOT / "deploy" / "launch.toml"
GITHUB = re.compile(r"https://github\.com/([\w.-]+)/([\w.-]+)")


@dataclass(frozen=True)
class LaunchSettings:
    repository: str = ""
    learner_branch: str = "learner"
    hub: str = ""

    def __post_init__(self) -> None:
        # One spelling of each address, so the links made from them are the same everywhere.
        object.__setattr__(self, "repository", self.repository.strip().rstrip("/").removesuffix(".git"))
        object.__setattr__(self, "hub", self.hub.strip().rstrip("/").removesuffix("/hub"))

    @property
    def configured(self) -> bool:
        return bool(self.repository)

    @property
    def github_parts(self) -> tuple[str, str] | None:
        match = GITHUB.fullmatch(self.repository)
        return match.groups() if match else None

    @property
    def on_github(self) -> bool:
        return self.github_parts is not None


def _problem(path: Path, settings: dict) -> str:
    known = {f.name for f in fields(LaunchSettings)}
    unknown = sorted(set(settings) - known)
    if unknown:
        return f"it has unknown settings {', '.join(unknown)} (known: {', '.join(sorted(known))})"
    if not all(isinstance(value, str) for value in settings.values()):
        return "every value must be a quoted text"
    for name in ("repository", "hub"):
        value = settings.get(name, "").strip()
        if value and not re.match(r"(https?|file)://\S+$", value):
            return f"{name} must be a web address (https://...), not {value!r}"
    if not re.fullmatch(r"[\w./-]+", settings.get("learner_branch", "learner")):
        return "learner_branch must be a git branch name"
    return ""


def read_settings(path: str | os.PathLike | None = None) -> LaunchSettings:
    """The settings of ``path``, ``$COURSE_LAUNCH_SETTINGS`` or ``deploy/launch.toml`` (none: nothing set)."""
    path = Path(path or os.environ.get("COURSE_LAUNCH_SETTINGS") or SETTINGS_FILE)
    if not path.is_file():
        return LaunchSettings()
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SystemExit(f"Cannot read the launch settings {path}: {error}. "
                         f"Fix it (it is a TOML file) or empty its values.") from None
    problem = _problem(path, settings)
    if problem:
        raise SystemExit(f"The launch settings {path} are wrong: {problem}. Fix the file.")
    return LaunchSettings(**settings)


def release_tag(commit: str) -> str:
    """The git tag of the learner branch's commit released from ``commit`` of the course."""
    return f"learner-{commit[:12]}"


def release_ref(repo: str | os.PathLike = ROOT, settings: LaunchSettings | None = None) -> str:
    """What a released notebook installs the course from: the tag of ``repo``'s HEAD, else the learner branch."""
    settings = settings or read_settings()
    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True)
    return release_tag(head.stdout.strip()) if head.returncode == 0 else settings.learner_branch
