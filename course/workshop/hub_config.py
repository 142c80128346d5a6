"""The JupyterHub configuration of a workshop room; runs inside the hub (``jupyterhub -f``).

``course hub start`` writes the room's settings as JSON beside a three-line
``jupyterhub_config.py`` that calls :func:`apply`. The configuration follows nbgrader's
``demo_multiple_classes``, the one that works with JupyterHub's roles:

- every learner and instructor is a real unix user, and their server runs as that user
  (:class:`RoomSpawner`, a ``LocalProcessSpawner``): nbgrader records a submission under the
  unix user name of the server's process, and each home is the user's alone;
- hub groups ``nbgrader-<course>`` (learners and instructors: the course's assignments) and
  ``formgrade-<course>`` (instructors and the grader account: the formgrader);
- the formgrader is a hub-managed service named after the course id, run as the grader
  account on the course folder; the role of the formgrade group gives
  ``access:services!service=<course>``, learners get ``list:services`` only, and servers'
  tokens ``inherit`` their owner's scopes (nbgrader's JupyterHub auth plugin reads the
  user's groups with it);
- the formgrader opens in a browser tab of its own: the service keeps JupyterHub's
  ``frame-ancestors 'none'``. Without per-user subdomains every server of the room shares one
  origin, so allowing ``'self'`` would let any learner's page frame the instructors' grading
  pages (clickjacking); a new tab costs nothing;
- each learner's server has a memory cap and a CPU quota (:mod:`course.workshop.limits`).
"""

from __future__ import annotations

import json
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict, List, Set, Unicode

from . import limits

__all__ = ["RoomSpawner", "apply", "hub_roles"]


class RoomSpawner(LocalProcessSpawner):
    """A learner's server as that learner's unix user, in a control group with the room's limits."""

    instructors = Set(help="user names that get the instructors' panels").tag(config=True)
    config_dirs = Dict(help="'learner' and 'instructor': the Jupyter configuration folder of each").tag(config=True)
    limits_unavailable = Unicode("", help="why limits are not enforced, when they are not").tag(config=True)
    wrapper = List(help="a bubblewrap command that shows the server the Python it cannot otherwise reach "
                        "(see course.workshop.hub.python_wrapper); empty: the usual setuid").tag(config=True)

    def make_preexec_fn(self, name):
        # With the wrapper, setpriv drops to the user inside it; the hub's setuid would come too early.
        return None if self.wrapper else super().make_preexec_fn(name)

    def get_env(self):
        env = super().get_env()
        kind = "instructor" if self.user.name in self.instructors else "learner"
        env["JUPYTER_CONFIG_PATH"] = self.config_dirs[kind]
        return env

    async def start(self):
        if self.wrapper:
            import pwd

            from .room import as_user

            entry = pwd.getpwnam(self.user.name)
            self.cmd = as_user(self.wrapper, entry, list(self.cmd))
        url = await super().start()
        if not self.limits_unavailable and (self.mem_limit or self.cpu_limit):
            try:
                limits.confine(self.pid, self.user.name, self.mem_limit, self.cpu_limit)
            except OSError as error:
                self.log.error("Could not limit %s's server: %s", self.user.name, error)
        return url

    async def stop(self, now=False):
        await super().stop(now=now)
        limits.release(self.user.name)


def hub_roles(course: str, grader: str, learners: list[str], instructors: list[str]) -> list[dict]:
    """The roles of the room, as ``demo_multiple_classes`` has them."""
    return [
        {"name": f"formgrade-{course}", "groups": [f"formgrade-{course}"],
         "scopes": [f"access:services!service={course}", "list:services", f"read:services!service={course}"]},
        {"name": f"nbgrader-{course}", "groups": [f"nbgrader-{course}"],
         "scopes": ["list:services", f"read:services!service={course}"]},
        # A server's token carries its owner's scopes: the learner panels ask the hub for the user's groups.
        {"name": "server", "scopes": ["inherit"]},
        # The formgrader service: nbgrader's auth plugin reads and adds members of the course's groups.
        {"name": f"{course}-service", "services": [course],
         "scopes": ["read:users", "list:users", "groups", "list:services"]},
        # `course hub` itself (and its tests): start and stop servers, hand out tokens.
        {"name": "course-hub-admin", "services": ["course-hub"],
         "scopes": ["admin:users", "admin:servers", "tokens", "admin:groups", "list:services", "read:services",
                    "access:servers"]},
    ]


def apply(c, settings_file: str | Path) -> None:
    """Fill the hub's configuration ``c`` from the room's settings (written by ``course hub start``)."""
    s = json.loads(Path(settings_file).read_text())
    course, grader = s["course_id"], s["grader"]
    learners, instructors = s["learners"], s["instructors"]

    c.JupyterHub.ip = "127.0.0.1"
    c.JupyterHub.port = s["port"]
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = s["hub_port"]
    c.JupyterHub.db_url = f"sqlite:///{Path(s['state']) / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(Path(s["state"]) / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(Path(s["state"]) / "jupyterhub.pid")
    c.JupyterHub.cleanup_servers = True
    c.JupyterHub.cleanup_proxy = True
    c.ConfigurableHTTPProxy.command = [s["proxy"]]
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s['proxy_api_port']}"
    c.ConfigurableHTTPProxy.pid_file = str(Path(s["state"]) / "proxy.pid")

    c.JupyterHub.authenticator_class = "pam"
    c.Authenticator.allowed_users = set(learners) | set(instructors)
    c.Authenticator.admin_users = set()
    c.PAMAuthenticator.open_sessions = False

    c.JupyterHub.spawner_class = RoomSpawner
    c.Spawner.cmd = [s["singleuser"]]
    c.Spawner.default_url = "/lab"
    c.Spawner.notebook_dir = "~"
    c.Spawner.start_timeout = 120
    c.Spawner.http_timeout = 120
    c.Spawner.environment = dict(s["environment"])
    if s.get("mem_limit"):
        c.Spawner.mem_limit = s["mem_limit"]
    if s.get("cpu_limit"):
        c.Spawner.cpu_limit = s["cpu_limit"]
    c.RoomSpawner.instructors = set(instructors)
    c.RoomSpawner.config_dirs = s["config_dirs"]
    c.RoomSpawner.limits_unavailable = s.get("limits_unavailable") or ""
    c.RoomSpawner.wrapper = s.get("wrapper") or []

    c.JupyterHub.load_groups = {
        f"nbgrader-{course}": {"users": sorted(set(learners) | set(instructors))},
        f"formgrade-{course}": {"users": sorted(set(instructors) | {grader})},
    }
    c.JupyterHub.load_roles = hub_roles(course, grader, learners, instructors)
    formgrader = [s["singleuser"], f"--ServerApp.root_dir={s['course_dir']}"]
    service = {"name": course, "url": f"http://127.0.0.1:{s['formgrader_port']}", "user": grader,
               "cwd": s["course_dir"], "oauth_no_confirm": True, "command": formgrader,
               "environment": {**s["environment"], "JUPYTER_CONFIG_PATH": s["config_dirs"]["grader"],
                               "JUPYTERHUB_DEFAULT_URL": "/formgrader",
                               # nbgrader's JupyterHub auth plugin asks the hub for this user's groups (the
                               # formgrader lists the exchange with it); JupyterHub sets no user for a service.
                               "JUPYTERHUB_USER": grader}}
    if s.get("wrapper"):  # the wrapper drops to the grader account itself
        import pwd

        from .room import as_user

        entry = pwd.getpwnam(grader)
        del service["user"]
        service["command"] = as_user(s["wrapper"], entry, formgrader)
        service["environment"].update(HOME=entry.pw_dir, USER=grader, SHELL="/bin/bash")
    c.JupyterHub.services = [
        service,
        {"name": "course-hub", "api_token": Path(s["admin_token_file"]).read_text().strip()},
    ]
