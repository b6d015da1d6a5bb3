"""`python -m brief` and the `brief` command.

Ctrl-C is set up before `brief.cli` (typer, rich) is imported, so an early
Ctrl-C is one line too, not an import traceback.
"""

import os

from brief import interrupt


def run() -> None:
    interrupt.install()
    # The command runs no pydantic plugins (they instrument validation in services):
    # looking for them reads the entry points of every installed distribution, ~8 ms
    # of each command. PYDANTIC_DISABLE_PLUGINS set empty runs them again.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        from brief.cli import main

        main()
    except KeyboardInterrupt:
        interrupt.exit_interrupted()


if __name__ == "__main__":
    run()
